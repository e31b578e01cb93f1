import { getFormProps, getInputProps } from "@conform-to/react";
import { Form, useLoaderData } from "@remix-run/react";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { useIsPending } from "~/components/use-form";
import { CREDIT_KIND_LABELS, CREDIT_KINDS } from "~/modules/registry/credit";
import { CreditEndSchema, CreditSchema } from "~/modules/registry/forms";
import type { loader } from "./route";
import { DoneNotice, useOrgForm } from "./use-org-form";

/** Records a credit record (penalty, abnormal list, false materials...). */
export function CreditForm() {
  const { today } = useLoaderData<typeof loader>();
  const [form, fields] = useOrgForm("org-credit", "credit", CreditSchema, { decidedAt: today });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 border-t border-gray-100 pt-4 md:grid-cols-2">
      <input type="hidden" name="intent" value="credit" />
      <h3 className="text-sm font-semibold text-gray-900 md:col-span-2">记录信用信息</h3>
      <SelectField
        meta={fields.kind}
        label="类别"
        options={CREDIT_KINDS.map((k) => ({ value: k, label: CREDIT_KIND_LABELS[k] }))}
      />
      <Field meta={fields.decidedAt} label="决定日期" type="date" />
      <Field meta={fields.authority} label="决定机关（可选）" className="md:col-span-2" />
      <TextareaField meta={fields.description} label="具体情况" rows={2} className="md:col-span-2" />
      <div className="space-y-2 md:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
        <DoneNotice intent="credit" />
        <button type="submit" className="btn-primary" disabled={useIsPending({ intent: "credit" })}>
          记录
        </button>
      </div>
    </Form>
  );
}

/** 移出活动异常名录, under the record it ends. */
export function CreditEndForm({ recordId }: { recordId: string }) {
  const { today } = useLoaderData<typeof loader>();
  const [form, fields] = useOrgForm(
    `org-credit-end-${recordId}`,
    "credit-end",
    CreditEndSchema,
    { endedAt: today },
    recordId,
  );
  return (
    <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="credit-end" />
      <input type="hidden" name="recordId" value={recordId} />
      <Field meta={fields.endedAt} label="移出日期" type="date" />
      <div>
        <label htmlFor={fields.note.id} className="mb-1 block text-sm font-medium text-gray-700">
          说明（可选）
        </label>
        <input {...getInputProps(fields.note, { type: "text", ariaAttributes: true })} className="input" />
      </div>
      <button type="submit" className="btn-secondary" disabled={useIsPending({ intent: "credit-end" })}>
        移出异常名录
      </button>
      <div className="w-full">
        <FormErrors id={form.errorId} errors={form.errors} />
      </div>
    </Form>
  );
}
