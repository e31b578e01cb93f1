// The registration application as its organization edits it: the draft
// form, section by section, with its documents.
import { getFormProps, type FieldMetadata } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { DraftFormButtons, useDraftForm } from "~/components/draft-form";
import { ErrorList, Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { DocumentUploadFields } from "~/modules/attachments/document-fields";
import { clientFileSchema } from "~/modules/attachments/document-set";
import { allowedLabel, DOCUMENT_KINDS } from "~/modules/attachments/file-types";
import { CAPITAL_LABELS, ORG_CATEGORIES, type OrgType } from "~/modules/organizations/labels";
import {
  APPLICATION_TYPE_OPTIONS,
  ApplicationFields,
  applicationKindLabel,
  formDefaults,
  FUNDRAISING_KINDS,
  FUNDRAISING_LABELS,
  hasScopeLevel,
  kindForType,
  legalRepresentativeLabel,
  SCOPE_LEVEL_LABELS,
  SCOPE_LEVELS,
  yuanText,
} from "~/modules/registration/application-form";
import { buildApplicationSchema, requiredFields } from "~/modules/registration/application-schema";
import { documentsFor, registrationDocuments } from "~/modules/registration/documents";
import { registrationWorkflow, type RegistrationState } from "~/modules/registration/workflow";
import type { action, loader } from "./route";

export const FORM_ID = "registration-application";

/** The same field, with its * mark set by the type's rules (the form has noValidate). */
function required<T>(meta: FieldMetadata<T>, isRequired: boolean): FieldMetadata<T> {
  return new Proxy(meta, {
    get: (target, key, receiver) => (key === "required" ? isRequired : Reflect.get(target, key, receiver)),
  });
}

function Section({ title, children, description }: { title: string; children: ReactNode; description?: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="font-medium">
        {title}
      </h2>
      {description ? <p className="mt-1 text-xs text-gray-500">{description}</p> : null}
      <div className="mt-4 grid gap-4 sm:grid-cols-2">{children}</div>
    </section>
  );
}

export function ApplicationForm() {
  const { application, data, documents, rules, defaultAreaCode } = useLoaderData<typeof loader>();
  const existing = registrationDocuments.keysOf(documents);
  const [form, fields] = useDraftForm({
    id: FORM_ID,
    fields: ApplicationFields,
    schema: buildApplicationSchema({ rules, existingDocuments: existing, fileSchema: clientFileSchema }),
    reply: useActionData<typeof action>(),
    defaultValue: formDefaults(data, defaultAreaCode),
  });

  const type = ((fields.orgType.value as OrgType | undefined) ?? data.orgType) as OrgType;
  const kind = kindForType(type);
  const category = fields.category.value as string | undefined;
  const need = new Set(requiredFields(type, category, rules, existing));
  const req = <T,>(name: string, meta: FieldMetadata<T>) => required(meta, need.has(name));
  const persons = fields.persons.getFieldList();
  const submitLabel =
    registrationWorkflow.available(application.status as RegistrationState, "ORG_MEMBER")[0]?.label ?? "提交申请";
  const capitalLabel = CAPITAL_LABELS[type];

  const capitalHint =
    type === "SOCIAL_GROUP"
      ? `地方性社会团体不少于 ${yuanText(rules["registration.socialGroup.minCapitalLocalFen"])}，全国性不少于 ${yuanText(rules["registration.socialGroup.minCapitalNationalFen"])}。`
      : type === "FOUNDATION"
        ? `地方性公募基金会不少于 ${yuanText(rules["registration.foundation.minCapitalLocalPublicFen"])}，全国性公募基金会不少于 ${yuanText(rules["registration.foundation.minCapitalNationalPublicFen"])}，非公募基金会不少于 ${yuanText(rules["registration.foundation.minCapitalNonPublicFen"])}。`
        : type === "COMMUNITY"
          ? "备案可不填。"
          : "以验资证明所载金额为准。";

  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-6">
      <Section title="申请类型">
        <SelectField
          meta={req("orgType", fields.orgType)}
          label="申请类型"
          options={APPLICATION_TYPE_OPTIONS}
          placeholder="请选择"
        />
        <p className="self-end text-xs text-gray-500">
          {kind === "FILING"
            ? "社区社会组织办理备案：无需验资证明，资金可不填。"
            : "社会团体、社会服务机构、基金会办理成立登记。"}
        </p>
      </Section>

      <Section
        title="基本信息"
        description={`名称、住所、宗旨等登记事项，准予${applicationKindLabel(kind)}后将载入登记证书。`}
      >
        <Field
          meta={req("proposedName", fields.proposedName)}
          label="拟定名称"
          className="sm:col-span-2"
          hint="地方性社会组织名称不得含有“中国”“全国”“中华”等字样，且不得与已登记的社会组织重名。"
        />
        {hasScopeLevel(type) ? (
          <SelectField
            meta={req("level", fields.level)}
            label="地域范围"
            options={SCOPE_LEVELS.map((l) => ({ value: l, label: SCOPE_LEVEL_LABELS[l] }))}
            hint="本平台办理地方性组织的登记；全国性组织的资金要求不同。"
          />
        ) : null}
        <Field meta={req("address", fields.address)} label="住所" className="sm:col-span-2" />
        <Field meta={req("area", fields.area)} label="活动地域" placeholder="例如：南京市江宁区" />
        <Field
          meta={req("areaCode", fields.areaCode)}
          label="行政区划代码"
          inputMode="numeric"
          hint="6 位数字，载入统一社会信用代码第 3–8 位。"
        />
        <SelectField
          meta={req("category", fields.category)}
          label="业务类别"
          options={ORG_CATEGORIES.map((c) => ({ value: c, label: c }))}
        />
        <Field
          meta={req("supervisingUnit", fields.supervisingUnit)}
          label={kind === "FILING" ? "业务主管（指导）单位" : "业务主管单位"}
          hint={
            kind === "FILING"
              ? "社区社会组织可填写街道办事处或社区居委会，可不填。"
              : `${rules["registration.directCategories"].join("、")}可直接登记，无需业务主管单位。`
          }
        />
        <TextareaField meta={req("purpose", fields.purpose)} label="宗旨" className="sm:col-span-2" rows={3} />
        <TextareaField meta={req("scope", fields.scope)} label="业务范围" className="sm:col-span-2" rows={3} />
      </Section>

      <Section title="负责人" description="请勿填写身份证号码；身份证明请作为材料上传。">
        <Field
          meta={req("legalRepresentative", fields.legalRepresentative)}
          label={`${legalRepresentativeLabel(type)}姓名`}
        />
        <div className="hidden sm:block" />
        <div className="space-y-3 sm:col-span-2" role="group" aria-label="负责人信息">
          <p className="text-sm font-medium text-gray-700 after:ml-0.5 after:text-red-600 after:content-['*']">
            负责人信息
          </p>
          {persons.map((person, index) => {
            const p = person.getFieldset();
            return (
              <div
                key={person.key}
                className="grid gap-3 rounded-md border border-gray-200 p-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-start"
              >
                <Field meta={p.name} label={`负责人${index + 1}姓名`} />
                <Field meta={p.title} label={`负责人${index + 1}职务`} placeholder="如：理事长、主任" />
                <Field meta={p.phone} label={`负责人${index + 1}联系电话`} type="tel" inputMode="tel" />
                {persons.length > 1 ? (
                  <button
                    {...form.remove.getButtonProps({ name: fields.persons.name, index })}
                    className="btn-secondary mt-6 px-3 py-1.5"
                    aria-label={`删除负责人${index + 1}`}
                  >
                    删除
                  </button>
                ) : null}
              </div>
            );
          })}
          <ErrorList id={fields.persons.errorId} errors={fields.persons.errors} />
          <button
            {...form.insert.getButtonProps({
              name: fields.persons.name,
              defaultValue: { name: "", title: "", phone: "" },
            })}
            className="btn-secondary px-3 py-1.5"
          >
            添加负责人
          </button>
        </div>
      </Section>

      <Section title={type === "SOCIAL_GROUP" ? "资金与会员" : type === "FOUNDATION" ? "原始基金与理事会" : "资金"}>
        <Field
          meta={req("capital", fields.capital)}
          label={`${capitalLabel}（元）`}
          inputMode="decimal"
          hint={capitalHint}
        />
        {type === "FOUNDATION" ? (
          <>
            <SelectField
              meta={req("fundraising", fields.fundraising)}
              label="募捐类型"
              options={FUNDRAISING_KINDS.map((f) => ({ value: f, label: FUNDRAISING_LABELS[f] }))}
            />
            <Field
              meta={req("directors", fields.directors)}
              label="理事人数"
              inputMode="numeric"
              hint={`${rules["registration.foundation.minDirectors"]} 至 ${rules["registration.foundation.maxDirectors"]} 人。`}
            />
          </>
        ) : null}
        {type === "SOCIAL_GROUP" ? (
          <>
            <Field
              meta={fields.individualMembers}
              label="个人会员数"
              inputMode="numeric"
              hint={`须有 ${rules["registration.socialGroup.minIndividualMembers"]} 个以上个人会员，或 ${rules["registration.socialGroup.minUnitMembers"]} 个以上单位会员，或两者合计 ${rules["registration.socialGroup.minMixedMembers"]} 个以上。`}
            />
            <Field meta={fields.unitMembers} label="单位会员数" inputMode="numeric" />
          </>
        ) : null}
      </Section>

      <Section
        title="申请材料"
        description={`支持 ${allowedLabel(DOCUMENT_KINDS)}，单个文件不超过 10 MB；同类材料有多份的请合并为一个文件。已上传的材料无需重复上传，重新选择文件将替换原文件。`}
      >
        <DocumentUploadFields
          set={registrationDocuments}
          keys={documentsFor(kind)}
          stored={documents}
          meta={(name) => req(name, fields[name])}
          missingHint={() => "尚未上传。"}
          showSize
        />
      </Section>

      <FormErrors id={form.errorId} errors={form.errors} />
      <DraftFormButtons submitLabel={submitLabel} hint="保存草稿只检查格式；提交时将检查全部条件。" />
    </Form>
  );
}
