import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ConfirmButton } from "~/components/confirm";
import { ErrorList, FormErrors, TextareaField } from "~/components/forms";
import { useIsPending } from "~/components/use-form";
import { FirstCheckSchema, rejectionConfirm, ReviewSchema } from "~/modules/incubation/forms";
import { useIntentForm } from "./use-intent-form";

/** 初审 and 评审: pass, or reject with a reason. */
export function DecisionForm({ intent, step }: { intent: "first-check" | "review"; step: "初审" | "评审" }) {
  const schema = intent === "first-check" ? FirstCheckSchema : ReviewSchema;
  const [form, fields] = useIntentForm(intent, schema);
  const busy = useIsPending({ intent });
  const headingId = `${intent}-heading`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-3 text-base font-semibold text-gray-900">
        {step}
      </h2>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value={intent} />
        <TextareaField
          meta={fields.note}
          label={`${step}意见`}
          rows={3}
          hint={`${step}不通过时须填写理由，理由将告知该社会组织。`}
        />
        <ErrorList id={fields.decision.errorId} errors={fields.decision.errors} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="flex flex-wrap gap-2">
          <button type="submit" name="decision" value="pass" className="btn-primary" disabled={busy}>
            {step}通过
          </button>
          <ConfirmButton
            intent={intent}
            {...rejectionConfirm(step)}
            name="decision"
            value="reject"
            className="btn-danger"
            disabled={busy}
            schema={schema}
          >
            {step}不通过
          </ConfirmButton>
        </div>
      </Form>
    </section>
  );
}
