import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ConfirmGate } from "~/components/confirm";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { answerEditorForm } from "~/modules/attachments/document-set.server";
import { IMAGE_KINDS } from "~/modules/attachments/file-types";
import { requireMemberProject } from "~/modules/funding/access.server";
import { ACTIVE_PROJECT_STATES, type GrantProjectState } from "~/modules/funding/project-workflow";
import { saveReport } from "~/modules/funding/report-filing.server";
import {
  buildReportSchema,
  REPORT_FORM_ID,
  REPORT_SUBMIT_CONFIRM,
  reportDefaults,
} from "~/modules/funding/report-form";
import { FiledReport, ReportFacts } from "~/modules/funding/report-view";
import { loadReport } from "~/modules/funding/report-view.server";
import { EDITABLE_REPORT_STATES, type ReportState } from "~/modules/funding/report-workflow";
import { invariantResponse } from "~/utils/http";
import { ReportForm } from "./report-form";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireMemberProject(request, params.projectId);
  const loaded = await loadReport(project.id, params.reportId ?? "");
  invariantResponse(loaded, "未找到该报告", { status: 404 });
  const editable =
    EDITABLE_REPORT_STATES.includes(loaded.report.status as ReportState) &&
    ACTIVE_PROJECT_STATES.includes(project.status as GrantProjectState);
  const defaults = reportDefaults({
    draft: loaded.report.draft,
    narrative: loaded.report.narrative,
    kpis: loaded.kpis,
    actuals: loaded.report.kpiActuals,
    activities: loaded.report.activities,
  });
  return { project: { id: project.id }, loaded, defaults, editable, now: new Date() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization, project } = await requireMemberProject(request, params.projectId);
  const loaded = await loadReport(project.id, params.reportId ?? "");
  invariantResponse(loaded, "未找到该报告", { status: 404 });
  invariantResponse(ACTIVE_PROJECT_STATES.includes(project.status as GrantProjectState), "项目不在执行中", {
    status: 409,
  });
  const base = `/org/projects/${project.id}/reports/${loaded.report.id}`;
  return answerEditorForm(request, REPORT_FORM_ID, {
    kinds: IMAGE_KINDS,
    schema: (fileSchema) => buildReportSchema({ kpiIds: loaded.kpis.map((k) => k.id), fileSchema }),
    save: ({ intent, ...values }) =>
      saveReport({
        projectId: project.id,
        reportId: loaded.report.id,
        organizationId: organization.id,
        actorId: user.id,
        values: { intent, ...values },
        submit: intent === "submit",
        request,
      }),
    redirectTo: (submitted) => `${base}?${submitted ? "submitted=1" : "saved=1"}`,
    confirmSubmit: REPORT_SUBMIT_CONFIRM,
  });
}

export default function OrgReportPage() {
  const { project, loaded, editable, now } = useLoaderData<typeof loader>();
  const { report, kpis, photos } = loaded;
  const [searchParams] = useSearchParams();
  const reply = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold text-gray-900">第 {report.sequence} 期进度报告</h2>
        <Link to={`/org/projects/${project.id}/reports`} className="link text-sm">
          返回报告计划
        </Link>
      </div>
      <ConfirmGate reply={reply}>
        {searchParams.get("saved") === "1" && editable ? <Notice>草稿已保存，可随时回来继续填写。</Notice> : null}
        {searchParams.get("submitted") === "1" && report.status === "SUBMITTED" ? (
          <Notice>报告已提交，区民政局审核后将通过站内通知告知结果。</Notice>
        ) : null}
        <SectionCard id="report-facts" title="报告信息">
          <ReportFacts report={report} now={now} />
        </SectionCard>
        {report.status === "RETURNED" && report.returnComment ? (
          <Notice tone="warning">
            <strong className="block">区民政局退回修改意见（修改后请重新提交）</strong>
            <span className="whitespace-pre-wrap" data-testid="return-comment">
              {report.returnComment}
            </span>
          </Notice>
        ) : null}
        {editable ? <ReportForm /> : <FiledReport report={report} kpis={kpis} photos={photos} />}
      </ConfirmGate>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
