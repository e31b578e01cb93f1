// The monitoring tab's forms (#13 item 8), shared by the pages and their actions: staff
// plan a visit, record it (findings, requested actions, reply due date), cancel a planned
// one, close one or ask again; the organization replies. Messages in Chinese, at the field.
import { z } from "zod";
import { parseDateInput, shanghaiEndOfDay, shanghaiParts } from "~/utils/dates";

export const PLAN_VISIT = "plan-visit";
export const RECORD_VISIT = "record-visit";
export const CANCEL_VISIT = "cancel-visit";
export const CLOSE_VISIT = "close-visit";
export const REOPEN_VISIT = "reopen-visit";
export const REPLY_VISIT = "reply-visit";

const text = (label: string, min: number, max: number) =>
  z
    .string({ required_error: `请填写${label}` })
    .trim()
    .min(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`)
    .max(max, `${label}最多 ${max} 个字`);

const dateField = (label: string) =>
  z
    .string({ required_error: `请填写${label}` })
    .trim()
    .refine((s) => parseDateInput(s) != null, `请填写有效的${label}`);

/** A date typed as "2026-05-31" → the end of that day in Shanghai (a due date). */
export function endOfDateInput(value: string) {
  const p = shanghaiParts(parseDateInput(value)!);
  return shanghaiEndOfDay(p.year, p.month, p.day);
}

const visitId = z.string({ required_error: "缺少督导记录" }).min(1).max(40);

export const PlanVisitSchema = z.object({
  intent: z.literal(PLAN_VISIT),
  visitedOn: dateField("走访日期"),
  purpose: text("督导重点", 5, 500),
});

/** Recording a visit: a planned one (visitId) or one nobody planned. */
export const RecordVisitSchema = z
  .object({
    intent: z.literal(RECORD_VISIT),
    visitId: z.string().max(40).optional(),
    visitedOn: dateField("走访日期"),
    findings: text("督导发现", 10, 3000),
    requestedActions: text("整改要求", 5, 2000),
    replyDueOn: dateField("回复期限"),
  })
  .superRefine((v, ctx) => {
    const visited = parseDateInput(v.visitedOn);
    const due = parseDateInput(v.replyDueOn);
    // Results are recorded after the visit: its day has begun in Shanghai.
    if (visited && visited.getTime() > Date.now()) {
      ctx.addIssue({ code: "custom", path: ["visitedOn"], message: "走访日期不能晚于今天" });
    }
    if (visited && due && due.getTime() <= visited.getTime()) {
      ctx.addIssue({ code: "custom", path: ["replyDueOn"], message: "回复期限须晚于走访日期" });
    }
  });

export const CancelVisitSchema = z.object({
  intent: z.literal(CANCEL_VISIT),
  visitId,
  reason: text("取消理由", 2, 500),
});

/** Closing: a note is needed only when the organization has not replied (the server checks). */
export const CloseVisitSchema = z.object({
  intent: z.literal(CLOSE_VISIT),
  visitId,
  note: z.string().trim().max(500, "说明最多 500 个字").optional(),
});

export const ReopenVisitSchema = z.object({
  intent: z.literal(REOPEN_VISIT),
  visitId,
  reason: text("补充要求", 5, 1000),
  replyDueOn: dateField("新的回复期限"),
});

export const ReplyVisitSchema = z.object({
  intent: z.literal(REPLY_VISIT),
  visitId,
  reply: text("回复内容", 10, 3000),
});
