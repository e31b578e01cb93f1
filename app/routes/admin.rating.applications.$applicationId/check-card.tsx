// Staff's decision on a submitted application: pass it into the expert panel, return it for
// 补正 with a note, or reject it with a reason.
import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { FormErrors, SelectField, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { CHECK_DECISIONS } from "~/modules/rating/check-decisions";
import type { action } from "./route";

export const CheckSchema = z
  .object({
    intent: z.literal("check"),
    decision: z.enum(CHECK_DECISIONS, { required_error: "请选择审核结果" }),
    note: z.string().trim().max(1000, "最多 1000 字").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "ACCEPTED" && !v.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "退回补正或不予受理须填写理由" });
    }
  });

const OPTIONS = [
  { value: "ACCEPTED", label: "审核通过，进入专家评估" },
  { value: "RETURNED", label: "退回补正" },
  { value: "REJECTED", label: "不予受理" },
];

export function CheckCard() {
  const [form, fields] = useConformForm({ id: "check", schema: CheckSchema, reply: useActionData<typeof action>() });
  const busy = useIsPending();
  return (
    <section className="card" aria-labelledby="check-heading">
      <h2 id="check-heading" className="mb-3 text-base font-semibold text-gray-900">
        审核
      </h2>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value="check" />
        <SelectField meta={fields.decision} label="审核结果" options={OPTIONS} />
        <TextareaField meta={fields.note} label="审核意见" rows={3} hint="退回补正或不予受理时必填，将通知该组织。" />
        <FormErrors errors={form.errors} id={form.errorId} />
        <button type="submit" className="btn-primary" disabled={busy}>
          保存审核结果
        </button>
      </Form>
    </section>
  );
}
