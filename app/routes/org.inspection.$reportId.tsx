import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useRef } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FileField, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { allowedLabel, DOCUMENT_KINDS, FILE_KINDS } from "~/modules/attachments/file-types";
import { parseUploadForm, uploadSchema } from "~/modules/attachments/uploads.server";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { conclusionLabel, EDITABLE_STATUSES, reportStatusLabel } from "~/modules/inspection/labels";
import {
  auditReportRequired,
  BALANCE_LINES,
  CHARTER_OPTIONS,
  COUNT_LABELS,
  EXPENSE_LINES,
  INCOME_LINES,
  PARTY_ORG_OPTIONS,
  parseReportData,
  reportDefaults,
  reportSchema,
  sectionProgress,
  TEXT_LABELS,
  toReportData,
  type FormOptions,
} from "~/modules/inspection/report-form";
import { ReportView } from "~/modules/inspection/report-view";
import { getOrgReport, ReportFieldError, saveOrgReport } from "~/modules/inspection/reports.server";
import { workflowErrorResponse } from "~/modules/workflow/transition.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.report.year ?? ""}年度报告 · 益苗` }];

const ACCEPT = DOCUMENT_KINDS.flatMap((k) => FILE_KINDS[k].extensions.map((e) => `.${e}`)).join(",");

async function load(request: Request, reportId: string) {
  const { user, organization } = await requireOrgMember(request);
  const found = await getOrgReport(organization.id, reportId);
  invariantResponse(found, "未找到该年度报告", { status: 404 });
  invariantResponse(found.report.status !== "EXEMPT", "该年度免于年检，无需填报", { status: 404 });
  const options: FormOptions = {
    simplified: found.report.simplified,
    rectificationRequired: found.openRectifications.length > 0,
  };
  return {
    user,
    organization,
    found,
    options,
    auditRequired: auditReportRequired(found.report.organization.type, found.report.simplified),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found, options, auditRequired } = await load(request, params.reportId!);
  const { report, auditReports, openRectifications, deadline } = found;
  const data = parseReportData(report.data);
  return {
    report: { ...report, data: undefined },
    data,
    defaults: reportDefaults(data),
    progress: sectionProgress(data, report.simplified),
    auditReports,
    openRectifications,
    deadline,
    options,
    auditRequired,
    isFoundation: report.organization.type === "FOUNDATION",
    overdue: report.status !== "RETURNED" && Date.now() > deadline.getTime(),
    editable: (EDITABLE_STATUSES as readonly string[]).includes(report.status),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization, found, options, auditRequired } = await load(request, params.reportId!);
  const formData = await parseUploadForm(request);
  const intent = formData.get("intent") === "submit" ? "submit" : "draft";
  const submission = parseWithZod(formData, { schema: reportSchema(intent, options) });
  if (submission.status !== "success") {
    return Response.json(submission.reply(), { status: 400 });
  }
  // The upload is checked here (content sniffing needs the server).
  const file = formData.get("auditReport");
  let auditFile: File | null = null;
  if (file instanceof File && file.size + file.name.length > 0 && found.report.organization.type === "FOUNDATION") {
    const checked = await uploadSchema(DOCUMENT_KINDS).safeParseAsync(file);
    if (!checked.success) {
      return Response.json(
        submission.reply({ fieldErrors: { auditReport: checked.error.issues.map((i) => i.message) } }),
        { status: 400 },
      );
    }
    auditFile = file;
  }
  try {
    await saveOrgReport({
      organizationId: organization.id,
      reportId: found.report.id,
      actorId: user.id,
      intent,
      data: toReportData(submission.value as Record<string, unknown>),
      auditFile,
      auditRequired,
      request,
    });
  } catch (error) {
    if (error instanceof ReportFieldError) {
      const reply = error.field
        ? submission.reply({ fieldErrors: { [error.field]: [error.message] } })
        : submission.reply({ formErrors: [error.message] });
      return Response.json(reply, { status: 400 });
    }
    const response = workflowErrorResponse(error);
    if (response)
      return Response.json(submission.reply({ formErrors: [await response.text()] }), { status: response.status });
    throw error;
  }
  if (intent === "submit") return redirect("/org/inspection?submitted=1");
  return redirect(`/org/inspection/${found.report.id}?saved=1`);
}

export default function OrgInspectionReport() {
  const loaderData = useLoaderData<typeof loader>();
  const {
    report,
    data,
    defaults,
    progress,
    auditReports,
    openRectifications,
    deadline,
    options,
    auditRequired,
    isFoundation,
    overdue,
    editable,
  } = loaderData;
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  // Once the person has tried to submit, live validation checks completeness and the arithmetic too.
  const mode = useRef<"draft" | "submit">("draft");
  const [form, fields] = useForm({
    id: `inspection-report-${report.id}`,
    lastResult,
    // Submission constraints, for the required marks; the form is noValidate, so drafts still save.
    constraint: getZodConstraint(reportSchema("submit", options)),
    shouldRevalidate: "onInput",
    defaultValue: defaults,
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: reportSchema(formData.get("intent") ?? mode.current, options) }),
  });
  const f = (name: string) => fields[name as keyof typeof fields];
  const busy = navigation.state === "submitting";

  const header = (
    <PageHeader
      title={`${report.year}年度工作报告`}
      description={`${report.organization.name} · ${reportStatusLabel(report.status)}${report.simplified ? " · 简化年检" : ""} · 提交截止 ${formatDate(deadline)}`}
      actions={
        <Link to="/org/inspection" className="btn-secondary">
          返回年检
        </Link>
      }
    />
  );

  if (!editable) {
    return (
      <div>
        {header}
        {report.conclusion ? (
          <p className="card mb-4 text-sm">
            年检结论：<strong>{conclusionLabel(report.conclusion)}</strong>
            {report.conclusionReason ? `（${report.conclusionReason}）` : ""}
          </p>
        ) : null}
        <p className="mb-4 text-sm text-gray-600">提交时间：{formatDateTime(report.submittedAt)}</p>
        <div className="card">
          <ReportView data={data} simplified={report.simplified} />
        </div>
      </div>
    );
  }

  return (
    <div>
      {header}
      {searchParams.get("saved") === "1" && !lastResult ? (
        <p role="status" className="mb-4 rounded-md bg-brand-50 p-3 text-sm text-brand-800">
          草稿已保存。
        </p>
      ) : null}
      {report.status === "RETURNED" && report.returnNote ? (
        <p role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          登记管理机关退回修改：{report.returnNote}
        </p>
      ) : null}
      {overdue ? (
        <p className="mb-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-700">
          提交截止日期（{formatDate(deadline)}）已过，不能再提交本年度报告，请联系登记管理机关。
        </p>
      ) : null}
      {report.simplified ? (
        <p className="mb-4 rounded-md bg-brand-50 p-3 text-sm text-brand-800">
          贵机构的评估等级符合简化年检条件，适用简化年检：第二至第四部分选填{isFoundation ? "，无需上传审计报告" : ""}。
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_14rem]">
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-6">
          <section className="card grid gap-4" aria-labelledby="sec-activities">
            <h2 id="sec-activities" className="font-medium">
              一、业务活动情况
            </h2>
            <TextareaField
              meta={f("activitiesSummary")}
              label={TEXT_LABELS.activitiesSummary}
              rows={6}
              hint="对照章程规定的宗旨和业务范围，说明本年度开展的主要活动、服务对象和成效。"
            />
            <SelectField
              meta={f("charterCompliance")}
              label={TEXT_LABELS.charterCompliance}
              options={CHARTER_OPTIONS.map((o) => ({ value: o, label: o }))}
            />
          </section>
          <section className="card grid gap-4" aria-labelledby="sec-changes">
            <h2 id="sec-changes" className="font-medium">
              二、人员和机构变动情况{report.simplified ? "（选填）" : ""}
            </h2>
            <TextareaField
              meta={f("personnelChanges")}
              label={TEXT_LABELS.personnelChanges}
              rows={3}
              hint="没有变动请填“无”。"
            />
            <TextareaField
              meta={f("structureChanges")}
              label={TEXT_LABELS.structureChanges}
              rows={3}
              hint="没有变动请填“无”。"
            />
          </section>
          <section className="card grid gap-4 sm:grid-cols-3" aria-labelledby="sec-people">
            <h2 id="sec-people" className="font-medium sm:col-span-3">
              三、会员和工作人员{report.simplified ? "（选填）" : ""}
            </h2>
            <Field meta={f("memberCount")} label={COUNT_LABELS.memberCount} inputMode="numeric" />
            <Field meta={f("staffCount")} label={COUNT_LABELS.staffCount} inputMode="numeric" />
            <Field meta={f("volunteerCount")} label={COUNT_LABELS.volunteerCount} inputMode="numeric" />
          </section>
          <section className="card grid gap-4 sm:grid-cols-2" aria-labelledby="sec-party">
            <h2 id="sec-party" className="font-medium sm:col-span-2">
              四、党建工作{report.simplified ? "（选填）" : ""}
            </h2>
            <SelectField
              meta={f("partyOrgStatus")}
              label={TEXT_LABELS.partyOrgStatus}
              options={PARTY_ORG_OPTIONS.map((o) => ({ value: o, label: o }))}
            />
            <Field meta={f("partyMemberCount")} label={COUNT_LABELS.partyMemberCount} inputMode="numeric" />
            <TextareaField
              meta={f("partyActivities")}
              label={TEXT_LABELS.partyActivities}
              rows={3}
              className="sm:col-span-2"
            />
          </section>
          <section className="card" aria-labelledby="sec-finance">
            <h2 id="sec-finance" className="font-medium">
              五、财务情况（单位：元）
            </h2>
            <p className="mt-1 text-xs text-gray-500">
              合计须等于各项之和；资产合计须等于负债合计加净资产合计。没有的项目请填 0。
            </p>
            <h3 className="mt-4 text-sm font-medium text-gray-700">收入（按来源）</h3>
            <div className="mt-2 grid gap-4 sm:grid-cols-3">
              {INCOME_LINES.map(([key, label]) => (
                <Field key={key} meta={f(key)} label={label} inputMode="decimal" />
              ))}
              <Field meta={f("incomeTotal")} label="收入合计" inputMode="decimal" className="sm:col-span-3" />
            </div>
            <h3 className="mt-6 text-sm font-medium text-gray-700">费用（按类别）</h3>
            <div className="mt-2 grid gap-4 sm:grid-cols-2">
              {EXPENSE_LINES.map(([key, label]) => (
                <Field key={key} meta={f(key)} label={label} inputMode="decimal" />
              ))}
              <Field meta={f("expenseTotal")} label="费用合计" inputMode="decimal" className="sm:col-span-2" />
            </div>
            <h3 className="mt-6 text-sm font-medium text-gray-700">资产、负债和净资产（年末数）</h3>
            <div className="mt-2 grid gap-4 sm:grid-cols-3">
              {BALANCE_LINES.map(([key, label]) => (
                <Field key={key} meta={f(key)} label={label} inputMode="decimal" />
              ))}
            </div>
            {isFoundation ? (
              <div className="mt-6">
                <FileField
                  meta={fields.auditReport}
                  label={auditRequired ? "年度审计报告（基金会必须上传）" : "年度审计报告"}
                  accept={ACCEPT}
                  hint={`支持 ${allowedLabel(DOCUMENT_KINDS)}，不超过 10 MB。出错后请重新选择文件。`}
                />
                {auditReports.length > 0 ? (
                  <p className="mt-2 text-sm">
                    已上传：
                    {auditReports.map((a) => (
                      <a key={a.id} href={`/files/${a.id}`} className="link mr-2" target="_blank" rel="noreferrer">
                        {a.originalName}
                      </a>
                    ))}
                  </p>
                ) : null}
              </div>
            ) : null}
          </section>
          {openRectifications.length > 0 ? (
            <section className="card grid gap-4 border-amber-300" aria-labelledby="sec-rect">
              <h2 id="sec-rect" className="font-medium">
                六、整改情况
              </h2>
              <ul className="list-disc pl-5 text-sm text-gray-700">
                {openRectifications.map((r) => (
                  <li key={r.id}>
                    {r.report.year}年度年检整改要求：{r.requirement}（期限 {formatDate(r.dueAt)}）
                    {r.reviewNote ? `；退回意见：${r.reviewNote}` : ""}
                  </li>
                ))}
              </ul>
              <TextareaField
                meta={f("rectificationReport")}
                label={TEXT_LABELS.rectificationReport}
                rows={4}
                hint="贵机构有尚未完成的整改，提交年度报告时须一并报告整改情况。"
              />
            </section>
          ) : null}
          <FormErrors id={form.errorId} errors={form.errors} />
          <div className="flex flex-wrap gap-3">
            <button
              type="submit"
              name="intent"
              value="draft"
              className="btn-secondary"
              disabled={busy}
              onClick={() => (mode.current = "draft")}
            >
              保存草稿
            </button>
            <button
              type="submit"
              name="intent"
              value="submit"
              className="btn-primary"
              disabled={busy}
              onClick={() => (mode.current = "submit")}
            >
              提交年度报告
            </button>
          </div>
        </Form>
        <aside className="card h-fit text-sm lg:sticky lg:top-4" aria-label="填报进度">
          <h2 className="mb-2 font-medium">填报进度（已保存）</h2>
          <ul className="space-y-1">
            {progress.map((p) => (
              <li key={p.key} className="flex justify-between gap-2">
                <a href={`#sec-${p.key}`} className="link">
                  {p.title.replace(/^[一二三四五]、/, "")}
                </a>
                <span className={p.filled === p.total ? "text-brand-700" : "text-gray-500"}>
                  {p.optional ? "选填" : `${p.filled}/${p.total}`}
                </span>
              </li>
            ))}
          </ul>
          {data.rectificationReport ? <p className="mt-2 text-xs text-gray-500">整改情况已填写</p> : null}
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
