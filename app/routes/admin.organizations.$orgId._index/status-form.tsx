import { getFormProps } from "@conform-to/react";
import { Form, useLoaderData } from "@remix-run/react";
import { Field, FormErrors, TextareaField } from "~/components/forms";
import { useIsPending } from "~/components/use-form";
import { DeregisterSchema, RevokeSchema } from "~/modules/registry/forms";
import type { loader } from "./route";
import { useOrgForm } from "./use-org-form";

/** 注销 or 撤销 登记, with the date and the reason. */
export function StatusForm({ intent }: { intent: "deregister" | "revoke" }) {
  const { today } = useLoaderData<typeof loader>();
  const schema = intent === "deregister" ? DeregisterSchema : RevokeSchema;
  const [form, fields] = useOrgForm(`org-${intent}`, intent, schema, { effectiveAt: today });
  const word = intent === "deregister" ? "注销" : "撤销";
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <input type="hidden" name="intent" value={intent} />
      <h3 className="text-sm font-semibold text-gray-900">{word}登记</h3>
      <p className="text-xs text-gray-500">
        {intent === "deregister"
          ? "组织申请注销或依法终止时办理。"
          : "组织有严重违法行为（如连续两年未参加年检）被依法撤销登记时办理。"}
        办理后组织状态变为“已{word}”，并在名录中公示。
      </p>
      <Field meta={fields.effectiveAt} label={`${word}日期`} type="date" />
      <TextareaField meta={fields.reason} label={`${word}理由`} rows={2} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-danger" disabled={useIsPending({ intent })}>
        {word}登记
      </button>
    </Form>
  );
}
