import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SectionCard } from "~/components/section-card";
import { requireStaffProject } from "~/modules/funding/access.server";
import { ReportScheduleTable } from "~/modules/funding/report-view";
import { listProjectReports } from "~/modules/funding/report-view.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireStaffProject(request, params.projectId);
  return { projectId: project.id, reports: await listProjectReports(project.id), now: new Date() };
}

export default function StaffProjectReports() {
  const { projectId, reports, now } = useLoaderData<typeof loader>();
  return (
    <SectionCard id="reports" title="进度报告">
      <ReportScheduleTable
        reports={reports}
        basePath={`/admin/projects/${projectId}/reports`}
        now={now}
        actionLabel={(r) => (r.status === "SUBMITTED" ? "审核" : "查看")}
      />
    </SectionCard>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
