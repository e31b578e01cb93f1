// Staff accept a filed progress report (its KPI actuals become the project's
// current actuals) or return it with comments for the organization to resubmit.
// Both run in the caller's transaction (the route's, or the demo seed's).
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import type { Tx } from "~/utils/db.server";
import { succeed } from "~/utils/write-result";
import { REPORT_ENTITY } from "./report-filing.server";
import { reportWorkflow } from "./report-workflow";

/** `at`: when it was reviewed; only the demo seed passes one. */
type ReviewInput = { projectId: string; reportId: string; actorId: string; request?: Request; at?: Date };

async function submittedReport(tx: Tx, input: ReviewInput) {
  const report = await tx.grantProgressReport.findFirst({
    where: { id: input.reportId, projectId: input.projectId },
    select: {
      status: true,
      sequence: true,
      project: { select: { title: true, organizationId: true } },
      kpiActuals: { select: { kpiId: true, actualValue: true } },
    },
  });
  if (!report) throw new WorkflowError("未找到该报告", 400);
  return report;
}

/** Accepts a submitted report and keeps each KPI's actualValue in step with the latest accepted report. */
export async function acceptReport(tx: Tx, input: ReviewInput) {
  const report = await submittedReport(tx, input);
  const now = input.at ?? new Date();
  await runTransition(tx, {
    workflow: reportWorkflow,
    entityType: REPORT_ENTITY,
    entityId: input.reportId,
    from: report.status as "SUBMITTED",
    to: "ACCEPTED",
    actor: { id: input.actorId, role: "ADMIN" },
    request: input.request,
    apply: async () =>
      (
        await tx.grantProgressReport.updateMany({
          where: { id: input.reportId, status: "SUBMITTED" },
          data: { status: "ACCEPTED", reviewedAt: now, reviewedById: input.actorId, returnComment: null },
        })
      ).count,
  });
  // Actuals are cumulative to the period's end: a later accepted report is the current figure,
  // so an older report accepted late does not overwrite it.
  const later = await tx.grantProgressReport.count({
    where: { projectId: input.projectId, status: "ACCEPTED", sequence: { gt: report.sequence } },
  });
  if (later === 0) {
    for (const a of report.kpiActuals) {
      await tx.grantProjectKpi.updateMany({
        where: { id: a.kpiId, projectId: input.projectId },
        data: { actualValue: a.actualValue },
      });
    }
  }
  await notifyOrganization(tx, report.project.organizationId, {
    title: `进度报告已通过：${report.project.title}`,
    body: `第 ${report.sequence} 期进度报告已通过区民政局审核。`,
    link: `/org/projects/${input.projectId}/reports/${input.reportId}`,
  });
  return succeed();
}

/** Returns a submitted report with the comments the organization must answer. */
export async function returnReport(tx: Tx, input: ReviewInput & { comment: string }) {
  const report = await submittedReport(tx, input);
  await runTransition(tx, {
    workflow: reportWorkflow,
    entityType: REPORT_ENTITY,
    entityId: input.reportId,
    from: report.status as "SUBMITTED",
    to: "RETURNED",
    actor: { id: input.actorId, role: "ADMIN" },
    reason: input.comment,
    request: input.request,
    apply: async () =>
      (
        await tx.grantProgressReport.updateMany({
          where: { id: input.reportId, status: "SUBMITTED" },
          data: {
            status: "RETURNED",
            reviewedAt: input.at ?? new Date(),
            reviewedById: input.actorId,
            returnComment: input.comment,
          },
        })
      ).count,
  });
  await notifyOrganization(tx, report.project.organizationId, {
    title: `进度报告被退回修改：${report.project.title}`,
    body: `第 ${report.sequence} 期进度报告被退回：${input.comment}`,
    link: `/org/projects/${input.projectId}/reports/${input.reportId}`,
  });
  return succeed();
}
