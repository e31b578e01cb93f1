import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useRef } from "react";
import { ConfirmButton, ConfirmGate } from "~/components/confirm";
import { DraftSavedNotice } from "~/components/draft-saved-notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { useConformForm, useIsPending } from "~/components/use-form";
import { keepDraftDespite } from "~/modules/attachments/document-set.server";
import { DOCUMENT_KINDS } from "~/modules/attachments/file-types";
import { parseUploadForm, setAsideRefusedUploads, uploadSchema } from "~/modules/attachments/uploads.server";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { conclusionLabel, EDITABLE_STATUSES, reportStatusLabel } from "~/modules/inspection/labels";
import {
  auditReportRequired,
  parseReportData,
  reportDefaults,
  reportSchema,
  sectionProgress,
  toReportData,
  type FormOptions,
} from "~/modules/inspection/report-form";
import { ReportView } from "~/modules/inspection/report-view";
import { getOrgReport, saveOrgReport } from "~/modules/inspection/reports.server";
import { dispatchIntent, handler } from "~/utils/action.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { ProgressAside, sectionName } from "./progress-aside";
import {
  ActivitiesSection,
  ChangesSection,
  FinanceSection,
  PartySection,
  PeopleSection,
  RectificationSection,
} from "./report-sections";

/** Submitting hands the report to the registration authority: the button asks first (#19 item 9). */
const REPORT_SUBMIT_CONFIRM = {
  label: "提交年度报告",
  message: "提交后报告将交登记管理机关审查，不能再修改，除非被退回修改。",
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.report.year ?? ""}年度报告 · 益苗` }];

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
  // Only a foundation uploads an audit report; a refused one is set aside and the rest saved as a draft.
  const { formData, refused } = await setAsideRefusedUploads(
    await parseUploadForm(request),
    uploadSchema(DOCUMENT_KINDS),
  );
  const refusedUploads = keepDraftDespite(refused, formData, { draft: "draft" });
  const save = (intent: "draft" | "submit") => async (value: Record<string, unknown>) => {
    const file = formData.get("auditReport");
    const auditFile =
      file instanceof File && found.report.organization.type === "FOUNDATION" && file.size > 0 ? file : null;
    return saveOrgReport({
      organizationId: organization.id,
      reportId: found.report.id,
      actorId: user.id,
      intent,
      data: toReportData(value),
      auditFile,
      auditRequired,
      request,
    });
  };
  return dispatchIntent(formData, {
    draft: handler({
      schema: reportSchema("draft", options),
      run: save("draft"),
      done: () => redirect(`/org/inspection/${found.report.id}?saved=1`),
      refusedUploads,
    }),
    submit: handler({
      schema: reportSchema("submit", options),
      run: save("submit"),
      done: () => redirect("/org/inspection?submitted=1"),
      confirm: REPORT_SUBMIT_CONFIRM,
      // The confirmation page cannot post the audit report again: the draft keeps it.
      saveBeforeAsking: save("draft"),
    }),
  });
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
  const reply = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // Once the person has tried to submit, live validation checks completeness and the arithmetic too.
  const mode = useRef<"draft" | "submit">("draft");
  const [form, fields] = useConformForm({
    id: `inspection-report-${report.id}`,
    // Submission constraints, for the required marks; the form is noValidate, so drafts still save.
    schema: reportSchema("submit", options),
    // One form with two buttons: the reply is this form's whichever button sent it.
    reply: reply?.result,
    defaultValue: defaults,
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: reportSchema(formData.get("intent") ?? mode.current, options) }),
  });
  const f = (name: string) => fields[name as keyof typeof fields];
  const busy = useIsPending();
  const optional = report.simplified ? "（选填）" : "";

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
      <ConfirmGate reply={reply}>
        {searchParams.get("saved") === "1" && !reply ? (
          <DraftSavedNotice
            message="草稿已保存。"
            problems={progress.flatMap((p) => p.problems.map((message) => ({ section: sectionName(p), message })))}
            className="mb-4"
          />
        ) : null}
        {report.status === "RETURNED" && report.returnNote ? (
          <Notice tone="warning" className="mb-4">
            登记管理机关退回修改：{report.returnNote}
          </Notice>
        ) : null}
        {overdue ? (
          <Notice tone="error" className="mb-4">
            提交截止日期（{formatDate(deadline)}）已过，不能再提交本年度报告，请联系登记管理机关。
          </Notice>
        ) : null}
        {report.simplified ? (
          <Notice className="mb-4">
            贵机构的评估等级符合简化年检条件，适用简化年检：第二至第四部分选填{isFoundation ? "，无需上传审计报告" : ""}
            。
          </Notice>
        ) : null}
        <div className="grid gap-6 lg:grid-cols-[1fr_14rem]">
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-6">
            <ActivitiesSection f={f} />
            <ChangesSection f={f} optional={optional} />
            <PeopleSection f={f} optional={optional} />
            <PartySection f={f} optional={optional} />
            <FinanceSection
              f={f}
              auditUpload={isFoundation ? { required: auditRequired, files: auditReports } : null}
            />
            {openRectifications.length > 0 ? <RectificationSection f={f} open={openRectifications} /> : null}
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
              <ConfirmButton
                intent="submit"
                {...REPORT_SUBMIT_CONFIRM}
                name="intent"
                value="submit"
                disabled={busy}
                schema={reportSchema("submit", options)}
                onPress={() => (mode.current = "submit")}
              >
                提交年度报告
              </ConfirmButton>
            </div>
          </Form>
          <ProgressAside progress={progress} rectificationFilled={Boolean(data.rectificationReport)} />
        </div>
      </ConfirmGate>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
