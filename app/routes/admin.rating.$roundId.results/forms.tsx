import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { gradeLabel, GRADES } from "~/modules/registry/grade";
import type { action } from "./route";

const count = z.coerce.number({ required_error: "请填写票数" }).int("须为整数").min(0, "不能为负");

export const MeetingSchema = z.object({
  heldAt: z.string({ required_error: "请填写会议日期" }),
  membersPresent: z.coerce.number({ required_error: "请填写出席人数" }).int("须为整数").min(1, "至少 1 人"),
  presentNames: z.string({ required_error: "请填写出席委员" }).trim().min(1, "请填写出席委员").max(1000),
});

export const VoteSchema = z.object({
  meetingId: z.string({ required_error: "请先登记委员会会议" }),
  applicationId: z.string(),
  inFavor: count,
  against: count,
  abstain: count,
});

export const ScoreSchema = z.object({
  applicationId: z.string(),
  leafCode: z.string({ required_error: "请填写指标编码" }).trim().min(1, "请填写指标编码"),
  score: z.coerce.number({ required_error: "请填写得分" }).min(0, "不能为负"),
  reason: z.string({ required_error: "请填写调整理由" }).trim().min(1, "请填写调整理由").max(500),
});

export const ReviewDecisionSchema = z
  .object({
    requestId: z.string(),
    outcome: z.enum(["KEPT", "CHANGED"], { required_error: "请选择复核结论" }),
    grade: z.string().optional(),
    note: z.string({ required_error: "请填写复核理由" }).trim().min(1, "请填写复核理由").max(1000),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === "CHANGED" && !v.grade)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["grade"], message: "变更等级时请选择等级" });
  });

export function MeetingForm({ quorum }: { quorum: number }) {
  const [form, fields] = useConformForm({
    id: "meeting",
    schema: MeetingSchema,
    reply: useActionData<typeof action>(),
  });
  const pending = useIsPending({ intent: "meeting" });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-3">
      <input type="hidden" name="intent" value="meeting" />
      <Field meta={fields.heldAt} label="会议日期" type="date" />
      <Field meta={fields.membersPresent} label="出席委员人数" type="number" hint={`至少 ${quorum} 人方可开会。`} />
      <TextareaField meta={fields.presentNames} label="出席委员" rows={2} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div>
        <button type="submit" className="btn-primary" disabled={pending}>
          登记会议
        </button>
      </div>
    </Form>
  );
}

export function VoteForm({ applicationId, meetingId }: { applicationId: string; meetingId: string | null }) {
  const [form, fields] = useConformForm({
    id: `vote-${applicationId}`,
    intent: "vote",
    schema: VoteSchema,
    reply: useActionData<typeof action>(),
  });
  const pending = useIsPending({ intent: "vote" });
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="vote" />
      <input type="hidden" name="applicationId" value={applicationId} />
      {meetingId ? <input type="hidden" name="meetingId" value={meetingId} /> : null}
      <Field meta={fields.inFavor} label="赞成" type="number" className="w-20" />
      <Field meta={fields.against} label="反对" type="number" className="w-20" />
      <Field meta={fields.abstain} label="弃权" type="number" className="w-20" />
      <button type="submit" className="btn-primary" disabled={pending || !meetingId}>
        记录表决
      </button>
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.meetingId.errors ?? [])]} />
    </Form>
  );
}

export function ScoreForm({ applicationId }: { applicationId: string }) {
  const [form, fields] = useConformForm({
    id: `score-${applicationId}`,
    intent: "score",
    schema: ScoreSchema,
    reply: useActionData<typeof action>(),
  });
  const pending = useIsPending({ intent: "score" });
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="score" />
      <input type="hidden" name="applicationId" value={applicationId} />
      <Field meta={fields.leafCode} label="指标编码" className="w-28" />
      <Field meta={fields.score} label="委员会评分" type="number" className="w-24" />
      <Field meta={fields.reason} label="调整理由" className="w-56" />
      <button type="submit" className="btn-secondary" disabled={pending}>
        调整评分
      </button>
      <FormErrors id={form.errorId} errors={form.errors} />
    </Form>
  );
}

export function ReviewDecisionForm({ requestId }: { requestId: string }) {
  const [form, fields] = useConformForm({
    id: `review-${requestId}`,
    intent: "review",
    schema: ReviewDecisionSchema,
    reply: useActionData<typeof action>(),
  });
  const pending = useIsPending({ intent: "review" });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-2 grid gap-2 sm:grid-cols-3">
      <input type="hidden" name="intent" value="review" />
      <input type="hidden" name="requestId" value={requestId} />
      <SelectField
        meta={fields.grade}
        label="变更后的等级"
        placeholder="（维持时不选）"
        options={GRADES.map((g) => ({ value: String(g), label: gradeLabel(g) }))}
      />
      <TextareaField meta={fields.note} label="复核理由" rows={2} className="sm:col-span-2" />
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.outcome.errors ?? [])]} />
      <div className="flex gap-2 sm:col-span-3">
        <button type="submit" name="outcome" value="KEPT" className="btn-secondary" disabled={pending}>
          维持原等级
        </button>
        <button type="submit" name="outcome" value="CHANGED" className="btn-primary" disabled={pending}>
          变更等级
        </button>
      </div>
    </Form>
  );
}
