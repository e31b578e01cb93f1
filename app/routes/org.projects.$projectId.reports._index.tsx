import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SectionCard } from "~/components/section-card";
import { requireMemberProject } from "~/modules/funding/access.server";
import { ReportScheduleTable } from "~/modules/funding/report-view";
import { listProjectReports } from "~/modules/funding/report-view.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireMemberProject(request, params.projectId);
  return { projectId: project.id, reports: await listProjectReports(project.id), now: new Date() };
}

const ORG_ACTION: Record<string, string> = { SCHEDULED: "填写", DRAFT: "继续填写", RETURNED: "修改" };

export default function OrgProjectReports() {
  const { projectId, reports, now } = useLoaderData<typeof loader>();
  return (
    <SectionCard id="reports" title="进度报告">
      <p className="mb-3 text-sm text-gray-600">
        按协议约定的周期提交进度报告：本期进展、指标完成情况、开展的活动和照片。截止前 7 天和逾期时会收到提醒。
      </p>
      <ReportScheduleTable
        reports={reports}
        basePath={`/org/projects/${projectId}/reports`}
        now={now}
        actionLabel={(r) => ORG_ACTION[r.status] ?? "查看"}
      />
    </SectionCard>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
