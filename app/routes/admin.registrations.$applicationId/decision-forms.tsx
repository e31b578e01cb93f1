// The staff's decisions on an application (受理, 准予, 退回补正, 不予), each its own form.
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmButton } from "~/components/confirm";
import { FormErrors, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { applicationKindLabel } from "~/modules/registration/application-form";
import { confirmTexts, SCHEMAS, type Intent } from "./decisions";
import type { action, loader } from "./route";

function useDecisionForm(intent: Intent, reply: ReturnType<typeof useActionData<typeof action>>) {
  return useConformForm({ id: `registration-${intent.toLowerCase()}`, schema: SCHEMAS[intent], reply, intent });
}

/** The buttons staff may press in the current state, each its own form. */
export function DecisionForms() {
  const { application, actions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useIsPending();
  const [acceptForm] = useDecisionForm("ACCEPTED", actionData);
  const [correctionForm, correctionFields] = useDecisionForm("CORRECTION", actionData);
  const [approveForm] = useDecisionForm("APPROVED", actionData);
  const [rejectForm, rejectFields] = useDecisionForm("REJECTED", actionData);
  const kindLabel = applicationKindLabel(application.kind);
  // The table's labels speak of 登记; a 备案 says 备案.
  const label = (to: string) => (actions.find((a) => a.to === to)?.label ?? "").replace("登记", kindLabel);
  const confirm = confirmTexts(kindLabel);
  const can = (to: Intent) => actions.some((a) => a.to === to);

  if (actions.length === 0) return null;
  return (
    <section className="card space-y-5" aria-labelledby="decision-heading">
      <h2 id="decision-heading" className="font-medium">
        审查操作
      </h2>
      {can("ACCEPTED") ? (
        <Form method="post" {...getFormProps(acceptForm)} className="space-y-2">
          <input type="hidden" name="intent" value="ACCEPTED" />
          <p className="text-sm text-gray-600">材料齐全、符合法定形式的，予以受理。</p>
          <FormErrors id={acceptForm.errorId} errors={acceptForm.errors} />
          <button type="submit" className="btn-primary" disabled={busy}>
            {label("ACCEPTED")}
          </button>
        </Form>
      ) : null}
      {can("APPROVED") ? (
        <Form method="post" {...getFormProps(approveForm)} className="space-y-2">
          <input type="hidden" name="intent" value="APPROVED" />
          <p className="text-sm text-gray-600">
            准予{kindLabel}后，系统将生成统一社会信用代码，并将申请中的登记事项载入该组织的登记信息。
          </p>
          <FormErrors id={approveForm.errorId} errors={approveForm.errors} />
          <ConfirmButton intent="APPROVED" {...confirm.APPROVED!} disabled={busy}>
            {label("APPROVED")}
          </ConfirmButton>
        </Form>
      ) : null}
      {can("CORRECTION") ? (
        <Form method="post" {...getFormProps(correctionForm)} className="space-y-2 border-t border-gray-100 pt-4">
          <input type="hidden" name="intent" value="CORRECTION" />
          <TextareaField
            meta={correctionFields.reason}
            label="补正内容"
            rows={3}
            hint="逐项写明需要补正的材料或内容，申请人将在申请页面看到。"
          />
          <FormErrors id={correctionForm.errorId} errors={correctionForm.errors} />
          <button type="submit" className="btn-secondary" disabled={busy}>
            {label("CORRECTION")}
          </button>
        </Form>
      ) : null}
      {can("REJECTED") ? (
        <Form method="post" {...getFormProps(rejectForm)} className="space-y-2 border-t border-gray-100 pt-4">
          <input type="hidden" name="intent" value="REJECTED" />
          <TextareaField meta={rejectFields.reason} label={`不予${kindLabel}理由`} rows={3} />
          <FormErrors id={rejectForm.errorId} errors={rejectForm.errors} />
          <ConfirmButton intent="REJECTED" {...confirm.REJECTED!} className="btn-danger" disabled={busy}>
            {label("REJECTED")}
          </ConfirmButton>
        </Form>
      ) : null}
    </section>
  );
}
