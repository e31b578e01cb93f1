import { getCollectionProps, getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { ErrorList, FormErrors, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { DECIDE_CHANGE, DecideChangeSchema } from "~/modules/funding/budget-forms";
import type { action } from "./route";

const DECISIONS = [
  { value: "approve", label: "批准（调整后金额写入预算）" },
  { value: "reject", label: "不批准" },
] as const;

/** Staff decide a pending budget change: approve, or reject with a note. */
export function DecideChangeForm({ changeId }: { changeId: string }) {
  const [form, fields] = useConformForm({
    id: `decide-${changeId}`,
    intent: DECIDE_CHANGE,
    schema: DecideChangeSchema,
    reply: useActionData<typeof action>(),
  });
  const busy = useIsPending({ intent: DECIDE_CHANGE });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-gray-100 pt-3">
      <input type="hidden" name="intent" value={DECIDE_CHANGE} />
      <input type="hidden" name="changeId" value={changeId} />
      <fieldset aria-describedby={fields.decision.errors?.length ? fields.decision.errorId : undefined}>
        <legend className="mb-1 block text-sm font-medium text-gray-700 after:ml-0.5 after:text-red-600 after:content-['*']">
          审批结果
        </legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {getCollectionProps(fields.decision, { type: "radio", options: DECISIONS.map((d) => d.value) }).map(
            ({ key, ...props }) => (
              <label key={key} className="inline-flex items-center gap-2 text-sm text-gray-800">
                <input {...props} className="h-4 w-4 border-gray-300 text-brand-600" />
                {DECISIONS.find((d) => d.value === props.value)?.label}
              </label>
            ),
          )}
        </div>
        <ErrorList id={fields.decision.errorId} errors={fields.decision.errors} />
      </fieldset>
      <TextareaField meta={fields.note} label="审批意见" rows={2} hint="不批准时必填，将告知该社会组织。" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-primary" disabled={busy}>
        提交审批
      </button>
    </Form>
  );
}
