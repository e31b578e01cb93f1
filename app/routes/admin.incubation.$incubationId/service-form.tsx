import { getFormProps } from "@conform-to/react";
import { Form, useLoaderData } from "@remix-run/react";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { useIsPending } from "~/components/use-form";
import { ServiceSchema } from "~/modules/incubation/forms";
import { INCUBATION_NEEDS, needLabel } from "~/modules/incubation/labels";
import type { loader } from "./route";
import { useIntentForm } from "./use-intent-form";

/** Records one service given during the term. */
export function ServiceForm() {
  const { today } = useLoaderData<typeof loader>();
  const [form, fields] = useIntentForm("service", ServiceSchema, { providedAt: today });
  const busy = useIsPending({ intent: "service" });
  return (
    <section className="card" aria-labelledby="service-form-heading">
      <h2 id="service-form-heading" className="mb-3 text-base font-semibold text-gray-900">
        记录孵化服务
      </h2>
      <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-3">
        <input type="hidden" name="intent" value="service" />
        <SelectField
          meta={fields.kind}
          label="服务类型"
          options={INCUBATION_NEEDS.map((kind) => ({ value: kind, label: needLabel(kind) }))}
        />
        <Field meta={fields.providedAt} label="服务日期" type="date" />
        <Field
          meta={fields.amount}
          label="种子资金金额（元）"
          inputMode="decimal"
          hint="仅种子资金填写，例如 5000 或 5,000.00"
        />
        <TextareaField meta={fields.description} label="服务内容" rows={2} className="sm:col-span-3" />
        <div className="sm:col-span-3">
          <FormErrors id={form.errorId} errors={form.errors} />
        </div>
        <div className="sm:col-span-3">
          <button type="submit" className="btn-primary" disabled={busy}>
            记录服务
          </button>
        </div>
      </Form>
    </section>
  );
}
