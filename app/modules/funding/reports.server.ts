// The progress reports of a funded project: the schedule written at countersign
// (and rewritten after an extension), and the reads the report pages share.
import type { Tx } from "~/utils/db.server";
import { reportSchedule } from "./report-schedule";

/**
 * Writes the project's report schedule from signedAt to endsOn every
 * reportEveryMonths months (report-schedule.ts). The agreements module calls it in
 * the countersign transaction; calling it again (e.g. after an extension moved
 * endsOn) re-dates the reports nobody has started and adds or removes the
 * not-yet-started ones at the end. Reports already drafted, filed or accepted are
 * never touched. Returns how many reports the schedule has.
 */
export async function scheduleReports(tx: Tx, projectId: string) {
  const project = await tx.grantProject.findUnique({
    where: { id: projectId },
    select: { signedAt: true, endsOn: true, reportEveryMonths: true },
  });
  if (!project?.signedAt) return 0;
  const periods = reportSchedule({
    signedAt: project.signedAt,
    endsOn: project.endsOn,
    everyMonths: project.reportEveryMonths,
  });
  const existing = await tx.grantProgressReport.findMany({
    where: { projectId, kind: "PROGRESS" },
    select: { id: true, sequence: true, status: true },
  });
  const bySequence = new Map(existing.map((r) => [r.sequence, r]));
  const toCreate = periods.filter((p) => !bySequence.has(p.sequence));
  if (toCreate.length) {
    await tx.grantProgressReport.createMany({
      data: toCreate.map((p) => ({ projectId, kind: "PROGRESS", status: "SCHEDULED", ...p })),
    });
  }
  for (const p of periods) {
    const row = bySequence.get(p.sequence);
    if (row?.status === "SCHEDULED") {
      await tx.grantProgressReport.update({
        where: { id: row.id },
        data: { periodStart: p.periodStart, periodEnd: p.periodEnd, dueAt: p.dueAt },
        select: { id: true },
      });
    }
  }
  const beyond = existing.filter((r) => r.sequence > periods.length && r.status === "SCHEDULED").map((r) => r.id);
  if (beyond.length) await tx.grantProgressReport.deleteMany({ where: { id: { in: beyond } } });
  return periods.length;
}
