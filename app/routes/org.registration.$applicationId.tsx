import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useId, useRef, type ReactNode } from "react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field, FileField, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { allowedLabel, DOCUMENT_KINDS, FILE_KINDS } from "~/modules/attachments/file-types";
import { parseUploadForm, uploadSchema } from "~/modules/attachments/uploads.server";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { getRules } from "~/modules/config/rules.server";
import { CAPITAL_LABELS, ORG_CATEGORIES, orgTypeLabel, type OrgType } from "~/modules/organizations/labels";
import {
  APPLICATION_TYPE_OPTIONS,
  ApplicationFields,
  applicationKindLabel,
  buildApplicationSchema,
  buildServerApplicationSchema,
  documentFieldName,
  documentKeysOf,
  documentsFor,
  formDefaults,
  FUNDRAISING_KINDS,
  FUNDRAISING_LABELS,
  hasScopeLevel,
  kindForType,
  legalRepresentativeLabel,
  parseApplicationData,
  REGISTRATION_DOCUMENTS,
  requiredFields,
  SCOPE_LEVEL_LABELS,
  SCOPE_LEVELS,
  yuanText,
  type ApplicationFormValues,
  type FormIntent,
  type RegistrationRules,
} from "~/modules/registration/application-form";
import {
  ApplicationDetails,
  ApplicationDocuments,
  ApplicationHistory,
  formatSize,
  StatusBadge,
} from "~/modules/registration/application-view";
import {
  getOrgApplication,
  listApplicationDocuments,
  listApplicationHistory,
  nameConflictMessage,
  saveApplication,
} from "~/modules/registration/registration.server";
import {
  EDITABLE_REGISTRATION_STATES,
  registrationWorkflow,
  type RegistrationState,
} from "~/modules/registration/workflow";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { formatDate, formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

const ACCEPT = DOCUMENT_KINDS.flatMap((k) => FILE_KINDS[k].extensions.map((e) => `.${e}`)).join(",");
const ClientFileSchema = z.instanceof(File, { message: "请选择要上传的文件" });
const FIELD_CONSTRAINT = getZodConstraint(ApplicationFields);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.data.proposedName || "登记申请"} · 益苗` },
];

function registrationRules(rules: Awaited<ReturnType<typeof getRules>>): RegistrationRules {
  return Object.fromEntries(
    Object.entries(rules).filter(
      ([key]) =>
        key.startsWith("registration.") && key !== "registration.reviewDays" && key !== "registration.areaCode",
    ),
  ) as RegistrationRules;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  const application = await getOrgApplication(organization.id, params.applicationId ?? "");
  invariantResponse(application, "未找到该申请", { status: 404 });
  const [documents, history, rules] = await Promise.all([
    listApplicationDocuments(application.id),
    listApplicationHistory(application.id),
    getRules(),
  ]);
  const { data: json, ...rest } = application;
  return {
    application: rest,
    data: parseApplicationData(json, application.orgType),
    documents,
    history,
    rules: registrationRules(rules),
    defaultAreaCode: rules["registration.areaCode"][0] ?? "",
    editable: EDITABLE_REGISTRATION_STATES.includes(application.status as RegistrationState),
    organization,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await requireOrgMember(request);
  const application = await getOrgApplication(organization.id, params.applicationId ?? "");
  invariantResponse(application, "未找到该申请", { status: 404 });
  const formData = await parseUploadForm(request);
  const [documents, rules] = await Promise.all([listApplicationDocuments(application.id), getRules()]);
  // Built here so the server-only content check never reaches the browser bundle.
  const schema = buildServerApplicationSchema({
    rules,
    existingDocuments: documentKeysOf(documents),
    fileSchema: uploadSchema(DOCUMENT_KINDS),
    nameTaken: (name) => nameConflictMessage(name, organization.id),
  });
  const submission = await parseWithZod(formData, { schema, async: true });
  if (submission.status !== "success") {
    return Response.json(submission.reply(), { status: 400 });
  }
  const { intent, data, files } = submission.value;
  try {
    const result = await saveApplication({
      organizationId: organization.id,
      applicationId: application.id,
      actorId: user.id,
      data,
      files,
      submit: intent === "submit",
      request,
    });
    return redirect(`/org/registration/${application.id}?${result.submitted ? "submitted=1" : "saved=1"}`);
  } catch (error) {
    if (error instanceof WorkflowError) {
      return Response.json(submission.reply({ formErrors: [error.message] }), { status: error.status });
    }
    throw error;
  }
}

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

export default function RegistrationApplicationPage() {
  const { application, data, documents, history, editable, organization } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const type = application.orgType as OrgType;
  const kindLabel = applicationKindLabel(application.kind);

  return (
    <div className="space-y-6">
      <PageHeader
        title={application.proposedName || `${kindLabel}申请`}
        description={
          <>
            {orgTypeLabel(type)} · {kindLabel}申请 · <StatusBadge status={application.status} />
          </>
        }
        actions={
          <Link to="/org/registration" className="btn-secondary">
            返回申请列表
          </Link>
        }
      />

      {searchParams.get("saved") === "1" && editable ? (
        <p role="status" className="rounded-md bg-brand-50 p-3 text-sm text-brand-800">
          草稿已保存，可随时回来继续填写。
        </p>
      ) : null}
      {searchParams.get("submitted") === "1" && application.status === "SUBMITTED" ? (
        <p role="status" className="rounded-md bg-brand-50 p-3 text-sm text-brand-800">
          申请已提交，区民政局将在 {formatDate(application.dueAt)} 前作出决定。
        </p>
      ) : null}

      <ProgressCard />

      {application.status === "CORRECTION" && application.correctionNotes ? (
        <section className="rounded-lg border-2 border-amber-300 bg-amber-50 p-4" aria-labelledby="correction-heading">
          <h2 id="correction-heading" className="font-semibold text-amber-900">
            区民政局要求补正
          </h2>
          <p className="mt-2 whitespace-pre-wrap text-sm text-amber-900" data-testid="correction-notes">
            {application.correctionNotes}
          </p>
          <p className="mt-2 text-xs text-amber-800">
            请按上述要求修改申请内容或重新上传材料，然后点击“补正后重新提交”。
          </p>
        </section>
      ) : null}

      {application.status === "APPROVED" && organization.uscc ? (
        <section className="card border-brand-200 bg-brand-50" aria-label="登记结果">
          <p className="text-sm text-brand-800">准予{kindLabel}。统一社会信用代码：</p>
          <p className="mt-1 font-mono text-xl font-semibold text-gray-900" data-testid="approved-uscc">
            {organization.uscc}
          </p>
          <Link to="/org/certificate" className="btn-primary mt-3">
            查看登记证书
          </Link>
        </section>
      ) : null}

      {application.status === "REJECTED" ? (
        <section className="rounded-lg border border-red-200 bg-red-50 p-4" aria-label="不予登记">
          <h2 className="font-semibold text-red-800">不予{kindLabel}</h2>
          <p className="mt-2 whitespace-pre-wrap text-sm text-red-800">{application.decisionReason}</p>
          <p className="mt-2 text-xs text-red-700">
            如有异议，可依法申请行政复议或者提起行政诉讼；也可修改后重新申请。
          </p>
        </section>
      ) : null}

      {editable ? (
        // Remounted after each save so the form starts from what was stored.
        <ApplicationForm key={String(application.updatedAt)} />
      ) : (
        <>
          <ApplicationDetails data={data} />
          <ApplicationDocuments orgType={application.orgType} documents={documents} />
        </>
      )}
      <ApplicationHistory events={history} />
    </div>
  );
}

function ProgressCard() {
  const { application } = useLoaderData<typeof loader>();
  if (application.submissions === 0) return null;
  return (
    <dl className="card grid gap-3 text-sm sm:grid-cols-4">
      <div>
        <dt className="text-gray-500">提交次数</dt>
        <dd data-testid="submission-count">{application.submissions}</dd>
      </div>
      <div>
        <dt className="text-gray-500">首次提交</dt>
        <dd>{formatDateTime(application.firstSubmittedAt)}</dd>
      </div>
      <div>
        <dt className="text-gray-500">最近提交</dt>
        <dd>{formatDateTime(application.submittedAt)}</dd>
      </div>
      <div>
        <dt className="text-gray-500">{application.decidedAt ? "决定日期" : "办理期限"}</dt>
        <dd>{formatDate(application.decidedAt ?? application.dueAt)}</dd>
      </div>
    </dl>
  );
}

function ApplicationForm() {
  const { application, data, documents, rules, defaultAreaCode } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const existing = documentKeysOf(documents);
  const intentRef = useRef<FormIntent>("save");
  const schema = buildApplicationSchema({ rules, existingDocuments: existing, fileSchema: ClientFileSchema });
  const [form, fields] = useForm<ApplicationFormValues, z.output<typeof schema>>({
    id: "registration-application",
    lastResult,
    defaultValue: formDefaults(data, defaultAreaCode),
    constraint: FIELD_CONSTRAINT,
    shouldRevalidate: "onInput",
    onValidate({ formData }) {
      // The button pressed decides the checks; later revalidation keeps using it.
      const pressed = formData.get("intent");
      if (pressed === "save" || pressed === "submit") intentRef.current = pressed;
      else formData.set("intent", intentRef.current);
      return parseWithZod(formData, { schema });
    },
  });

  const type = ((fields.orgType.value as OrgType | undefined) ?? data.orgType) as OrgType;
  const kind = kindForType(type);
  const category = fields.category.value as string | undefined;
  const need = new Set(requiredFields(type, category, rules, existing));
  const req = <T,>(name: string, meta: FieldMetadata<T>) => required(meta, need.has(name));
  const persons = fields.persons.getFieldList();
  const submitLabel =
    registrationWorkflow.available(application.status as RegistrationState, "ORG_MEMBER")[0]?.label ?? "提交申请";
  const busy = navigation.state === "submitting";
  const capitalLabel = CAPITAL_LABELS[type];
  const documentsByPurpose = new Map(documents.map((d) => [d.purpose, d] as const));

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
        {documentsFor(kind).map((key) => {
          const name = documentFieldName(key);
          const stored = documentsByPurpose.get(REGISTRATION_DOCUMENTS[key].purpose);
          return (
            <FileField
              key={key}
              meta={req(name, fields[name])}
              label={REGISTRATION_DOCUMENTS[key].label}
              accept={ACCEPT}
              hint={
                stored ? (
                  <>
                    已上传：
                    <a href={`/files/${stored.id}`} className="link break-all" target="_blank" rel="noreferrer">
                      {stored.originalName}
                    </a>
                    （{formatSize(stored.sizeBytes)}）
                  </>
                ) : (
                  "尚未上传。出错后请重新选择文件。"
                )
              }
            />
          );
        })}
      </Section>

      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="save" formNoValidate className="btn-secondary" disabled={busy}>
          保存草稿
        </button>
        <button type="submit" name="intent" value="submit" className="btn-primary" disabled={busy}>
          {submitLabel}
        </button>
        <p className="self-center text-xs text-gray-500">保存草稿只检查格式；提交时将检查全部条件。</p>
      </div>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
