import { getFormProps } from "@conform-to/react";
import { Form, useLoaderData } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { useIsPending } from "~/components/use-form";
import { AgreementSchema } from "~/modules/incubation/forms";
import type { loader } from "./route";
import { useIntentForm } from "./use-intent-form";

/** 签订入驻协议: the agreement number and the term. */
export function AgreementForm() {
  const { today, termMonths } = useLoaderData<typeof loader>();
  const [form, fields] = useIntentForm("agreement", AgreementSchema, { termStart: today });
  const busy = useIsPending({ intent: "agreement" });
  return (
    <section className="card" aria-labelledby="agreement-heading">
      <h2 id="agreement-heading" className="mb-3 text-base font-semibold text-gray-900">
        签订入驻协议
      </h2>
      <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-3">
        <input type="hidden" name="intent" value="agreement" />
        <Field meta={fields.agreementNo} label="协议编号" placeholder="例如 JNFH-2026-012" />
        <Field meta={fields.termStart} label="孵化开始日期" type="date" />
        <Field
          meta={fields.termEnd}
          label="孵化结束日期"
          type="date"
          hint={`留空则为开始日期起 ${termMonths} 个月。`}
        />
        <div className="sm:col-span-3">
          <FormErrors id={form.errorId} errors={form.errors} />
        </div>
        <div className="sm:col-span-3">
          <button type="submit" className="btn-primary" disabled={busy}>
            签订入驻协议
          </button>
        </div>
      </Form>
    </section>
  );
}
