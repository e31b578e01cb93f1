import { getFormProps } from "@conform-to/react";
import { Form, useLoaderData } from "@remix-run/react";
import { Field, FormErrors, TextareaField } from "~/components/forms";
import { useIsPending } from "~/components/use-form";
import { CAPITAL_LABELS, type OrgType } from "~/modules/organizations/labels";
import { ChangeSchema } from "~/modules/registry/forms";
import type { loader } from "./route";
import { DoneNotice, useOrgForm } from "./use-org-form";

/** 变更登记: the registered fields, prefilled; only the changed ones are recorded. */
export function ChangeForm() {
  const { org, today } = useLoaderData<typeof loader>();
  const [form, fields] = useOrgForm("org-change", "change", ChangeSchema, {
    name: org.name,
    address: org.address ?? "",
    purpose: org.purpose ?? "",
    scope: org.scope ?? "",
    area: org.area ?? "",
    legalRepresentative: org.legalRepresentative ?? "",
    capitalYuan: org.capitalYuan,
    supervisingUnit: org.supervisingUnit ?? "",
    effectiveAt: today,
  });
  const capitalLabel = CAPITAL_LABELS[org.type as OrgType] ?? "资金";
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 md:grid-cols-2">
      <input type="hidden" name="intent" value="change" />
      <p className="text-sm text-gray-600 md:col-span-2">修改需要变更的登记事项，未修改的事项不会记录。</p>
      <Field meta={fields.name} label="名称" className="md:col-span-2" />
      <Field meta={fields.address} label="住所" className="md:col-span-2" />
      <Field meta={fields.area} label="活动地域" />
      <Field meta={fields.legalRepresentative} label="法定代表人" />
      <Field meta={fields.capitalYuan} label={`${capitalLabel}（元）`} inputMode="decimal" />
      <Field meta={fields.supervisingUnit} label="业务主管单位" hint="直接登记的类别可留空" />
      <TextareaField meta={fields.purpose} label="宗旨" rows={3} className="md:col-span-2" />
      <TextareaField meta={fields.scope} label="业务范围" rows={3} className="md:col-span-2" />
      <Field meta={fields.effectiveAt} label="变更日期" type="date" />
      <TextareaField meta={fields.reason} label="变更原因" rows={2} className="md:col-span-2" />
      <div className="space-y-2 md:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
        <DoneNotice intent="change" />
        <button type="submit" className="btn-primary" disabled={useIsPending({ intent: "change" })}>
          办理变更登记
        </button>
      </div>
    </Form>
  );
}
