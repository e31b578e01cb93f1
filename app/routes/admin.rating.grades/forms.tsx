import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { GRADE_ACTION_CAUSE_LABELS, MANUAL_CAUSES } from "~/modules/rating/downgrade";
import { gradeLabel } from "~/modules/registry/grade";
import type { action } from "./route";

export const DecideSchema = z.object({
  actionId: z.string({ required_error: "缺少事项" }),
  decision: z.enum(["CONFIRMED", "DISMISSED"], { required_error: "请选择处理结果" }),
  note: z.string({ required_error: "请填写理由" }).trim().min(1, "请填写理由").max(1000, "理由最多 1000 个字"),
});

export const ProposeSchema = z.object({
  organizationId: z.string({ required_error: "请选择社会组织" }),
  cause: z.enum(MANUAL_CAUSES, { required_error: "请选择原因" }),
  detail: z.string({ required_error: "请填写事实" }).trim().min(1, "请填写事实").max(1000, "最多 1000 个字"),
});

export const ReturnedSchema = z.object({
  certificateId: z.string({ required_error: "缺少证书" }),
  note: z.string().trim().max(500, "最多 500 个字").optional(),
});

export function DecideForm({ actionId }: { actionId: string }) {
  const [form, fields] = useConformForm({
    id: `decide-${actionId}`,
    intent: "decide",
    schema: DecideSchema,
    reply: useActionData<typeof action>(),
  });
  const pending = useIsPending({ intent: "decide" });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-3 grid gap-2">
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="actionId" value={actionId} />
      <TextareaField meta={fields.note} label="处理理由" rows={2} />
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.decision.errors ?? [])]} />
      <div className="flex gap-2">
        <button type="submit" name="decision" value="CONFIRMED" className="btn-primary" disabled={pending}>
          确认变更等级
        </button>
        <button type="submit" name="decision" value="DISMISSED" className="btn-secondary" disabled={pending}>
          不予处理
        </button>
      </div>
    </Form>
  );
}

export function ProposeForm({
  organizations,
}: {
  organizations: { id: string; name: string; currentGrade: number | null }[];
}) {
  const [form, fields] = useConformForm({
    id: "propose",
    schema: ProposeSchema,
    reply: useActionData<typeof action>(),
  });
  const pending = useIsPending({ intent: "propose" });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="intent" value="propose" />
      <SelectField
        meta={fields.organizationId}
        label="社会组织"
        options={organizations.map((o) => ({ value: o.id, label: `${o.name}（${gradeLabel(o.currentGrade)}）` }))}
      />
      <SelectField
        meta={fields.cause}
        label="原因"
        options={MANUAL_CAUSES.map((c) => ({ value: c, label: GRADE_ACTION_CAUSE_LABELS[c] }))}
        hint="行政处罚降一级；提供虚假材料取消等级。"
      />
      <TextareaField meta={fields.detail} label="事实" rows={2} className="sm:col-span-2" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div>
        <button type="submit" className="btn-primary" disabled={pending}>
          提出
        </button>
      </div>
    </Form>
  );
}

export function ReturnedForm({ certificateId }: { certificateId: string }) {
  const [form, fields] = useConformForm({
    id: `returned-${certificateId}`,
    intent: "returned",
    schema: ReturnedSchema,
    reply: useActionData<typeof action>(),
  });
  const pending = useIsPending({ intent: "returned" });
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="returned" />
      <input type="hidden" name="certificateId" value={certificateId} />
      <Field meta={fields.note} label="备注" className="w-48" />
      <button type="submit" className="btn-secondary" disabled={pending}>
        登记已退回
      </button>
      <FormErrors id={form.errorId} errors={form.errors} />
    </Form>
  );
}
