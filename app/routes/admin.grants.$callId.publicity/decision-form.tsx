// The staff's decision on one received objection; the page shows one per objection.
import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { DecisionSchema, UPHELD_ACTIONS, type UpheldAction } from "~/modules/grants/publicity/publicity";
import { DECISION_OUTCOMES } from "~/modules/publicity/objection-workflow";
import type { action } from "./route";

export function DecisionForm({ objectionId }: { objectionId: string }) {
  const answer = useActionData<typeof action>();
  const pending = useIsPending({ intent: "decide" });
  // Every objection has its own form: only the one that was sent shows the answer.
  const mine = answer?.intent === "decide" && answer.result.initialValue?.objectionId === objectionId;
  const [form, fields] = useConformForm({
    id: `decide-${objectionId}`,
    schema: DecisionSchema,
    reply: mine ? answer : undefined,
    intent: "decide",
  });
  const upheld = fields.outcome.value === "UPHELD";
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="mt-3 grid gap-3 border-t border-gray-100 pt-3 sm:grid-cols-2"
      aria-label="处理异议"
    >
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="objectionId" value={objectionId} />
      <SelectField
        meta={fields.outcome}
        label="处理结果"
        options={[
          { value: "DISMISSED", label: DECISION_OUTCOMES.DISMISSED },
          { value: "UPHELD", label: DECISION_OUTCOMES.UPHELD },
        ]}
      />
      {upheld ? (
        <SelectField
          meta={fields.upheldAction}
          label="处理方式"
          options={(Object.keys(UPHELD_ACTIONS) as UpheldAction[]).map((k) => ({ value: k, label: UPHELD_ACTIONS[k] }))}
        />
      ) : (
        <div className="hidden sm:block" />
      )}
      {upheld && fields.upheldAction.value === "CHANGE_AMOUNT" ? (
        <Field
          meta={fields.amount}
          label="调整后的资助金额（元）"
          inputMode="decimal"
          hint="不超过该项目可获资助上限。"
        />
      ) : null}
      <TextareaField meta={fields.reply} label="答复意见（异议人可见）" rows={3} className="sm:col-span-2" />
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
      </div>
      <div className="sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          提交处理
        </button>
      </div>
    </Form>
  );
}
