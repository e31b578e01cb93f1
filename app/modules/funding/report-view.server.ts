// What the report pages read: a project's schedule, and one report with its KPI
// targets, actuals, activities and photos.
import { listDocuments } from "~/modules/attachments/document-set.server";
import { prisma } from "~/utils/db.server";
import { reportPhotos } from "./report-form";

/** The project's reports in schedule order (the list is short: one per period). */
export async function listProjectReports(projectId: string) {
  return prisma.grantProgressReport.findMany({
    where: { projectId },
    orderBy: { sequence: "asc" },
    select: {
      id: true,
      sequence: true,
      kind: true,
      periodStart: true,
      periodEnd: true,
      dueAt: true,
      status: true,
      submittedAt: true,
      reviewedAt: true,
    },
  });
}

/** One report of the project with everything its page shows, or null. */
export async function loadReport(projectId: string, reportId: string) {
  const report = await prisma.grantProgressReport.findFirst({
    where: { id: reportId, projectId },
    select: {
      id: true,
      sequence: true,
      periodStart: true,
      periodEnd: true,
      dueAt: true,
      status: true,
      narrative: true,
      draft: true,
      submittedAt: true,
      reviewedAt: true,
      returnComment: true,
      kpiActuals: { select: { kpiId: true, actualValue: true, note: true } },
      activities: {
        orderBy: { position: "asc" },
        select: { id: true, heldOn: true, title: true, peopleServed: true },
      },
    },
  });
  if (!report) return null;
  const [kpis, photos] = await Promise.all([
    prisma.grantProjectKpi.findMany({
      where: { projectId },
      orderBy: { position: "asc" },
      select: { id: true, kind: true, name: true, target: true, targetValue: true, unit: true },
    }),
    listDocuments(reportPhotos, reportId, "asc"),
  ]);
  return { report, kpis, photos };
}

export type LoadedReport = NonNullable<Awaited<ReturnType<typeof loadReport>>>;
