// The forms of a project's 结项 tab (staff): record money received against a
// refund, ask for leftover funds back or explain them, close, terminate, and claw
// paid money back from a project that has ended. Pure zod
// schemas with messages in Chinese; the server re-checks the same limits.
import { z } from "zod";
import { parseDateInput } from "~/utils/dates";
import { yuanToFen } from "~/utils/format";

const amount = (label: string, min: "positive" | "zero") =>
  z
    .string({ required_error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .refine((v) => yuanToFen(v) !== null, `${label}格式不正确，例如 1234.50`)
    .refine((v) => (min === "zero" ? (yuanToFen(v) ?? 0) >= 0 : (yuanToFen(v) ?? 0) > 0), `${label}须大于 0`);

const date = (label: string) =>
  z
    .string({ required_error: `请选择${label}` })
    .trim()
    .min(1, `请选择${label}`)
    .refine((v) => parseDateInput(v) !== null, `${label}格式不正确`);

export const ReceiptSchema = z.object({
  refundId: z.string().min(1),
  amount: amount("收款金额", "positive"),
  receivedOn: date("收款日期"),
  voucherNo: z
    .string({ required_error: "请填写收款凭证号" })
    .trim()
    .min(1, "请填写收款凭证号")
    .max(60, "凭证号最多 60 个字"),
});

export const LeftoverSchema = z
  .object({
    mode: z.enum(["REFUND", "EXPLAIN"], { required_error: "请选择处理方式", invalid_type_error: "请选择处理方式" }),
    amount: z.string().trim().optional(),
    dueOn: z.string().trim().optional(),
    note: z.string().trim().max(500, "说明最多 500 字").optional(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    if (v.mode === "EXPLAIN") {
      if (!v.note || v.note.length < 4) issue("note", "请说明结余资金的去向（至少 4 个字）");
      return;
    }
    const fen = v.amount ? yuanToFen(v.amount) : null;
    if (!v.amount) issue("amount", "请填写应退回的结余金额");
    else if (fen === null) issue("amount", "金额格式不正确，例如 1234.50");
    else if (fen <= 0) issue("amount", "结余金额须大于 0");
    if (!v.dueOn) issue("dueOn", "请选择退回期限");
    else if (!parseDateInput(v.dueOn)) issue("dueOn", "退回期限格式不正确");
  });

export const CloseSchema = z.object({
  summary: z
    .string({ required_error: "请填写结项总结" })
    .trim()
    .min(20, "结项总结至少 20 字（将向社会公开）")
    .max(2000, "结项总结最多 2000 字"),
});

export const TerminateSchema = z
  .object({
    reason: z
      .string({ required_error: "请填写终止原因" })
      .trim()
      .min(4, "请填写终止原因（至少 4 个字）")
      .max(500, "终止原因最多 500 字"),
    clawback: amount("追回金额", "zero"),
    dueOn: z.string().trim().optional(),
  })
  .superRefine((v, ctx) => {
    const fen = yuanToFen(v.clawback) ?? 0;
    if (fen > 0 && !v.dueOn)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["dueOn"], message: "追回金额大于 0 时请选择退回期限" });
    else if (v.dueOn && !parseDateInput(v.dueOn))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["dueOn"], message: "退回期限格式不正确" });
  });

export const ClawbackSchema = z.object({
  reason: z
    .string({ required_error: "请填写追回原因" })
    .trim()
    .min(4, "请填写追回原因（至少 4 个字）")
    .max(500, "追回原因最多 500 字"),
  amount: amount("追回金额", "positive"),
  dueOn: date("退回期限"),
});

/** A date field's end of day in Shanghai (a due date holds the whole day). */
export function dueDateOf(value: string | undefined) {
  const start = value ? parseDateInput(value) : null;
  return start ? new Date(start.getTime() + 86_400_000 - 1) : null;
}
