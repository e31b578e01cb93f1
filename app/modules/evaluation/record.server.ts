// Reads the project's record for the "computed from the record" items (record-items.ts): KPI
// actuals (the evaluation's report first, else the latest accepted actual), every scheduled
// report's due and submission dates, budget lines with what was spent on each (voided expenses
// left out) and the call's overhead cap. Four bounded queries, no loops over rows.
import type { Db } from "~/utils/db.server";
import { recordItems, type RecordItems } from "./record-items";

export async function readRecordItems(
  db: Db,
  projectId: string,
  reportId: string | null,
  now: Date,
): Promise<RecordItems> {
  const [project, reportActuals, spent] = await Promise.all([
    db.grantProject.findUniqueOrThrow({
      where: { id: projectId },
      select: {
        call: { select: { overheadCapPct: true } },
        kpis: {
          orderBy: { position: "asc" },
          select: { id: true, name: true, targetValue: true, actualValue: true, unit: true },
        },
        reports: {
          orderBy: { sequence: "asc" },
          select: { sequence: true, kind: true, dueAt: true, submittedAt: true },
        },
        budgetLines: {
          orderBy: { position: "asc" },
          select: { id: true, category: true, plannedFen: true, revisedFen: true },
        },
      },
    }),
    reportId
      ? db.grantReportKpi.findMany({ where: { reportId }, select: { kpiId: true, actualValue: true } })
      : Promise.resolve([]),
    db.grantExpense.groupBy({
      by: ["budgetLineId"],
      where: { projectId, status: "RECORDED" },
      _sum: { amountFen: true },
    }),
  ]);
  const actualOf = new Map(reportActuals.map((a) => [a.kpiId, a.actualValue]));
  const spentOf = new Map(spent.map((s) => [s.budgetLineId, s._sum.amountFen ?? 0]));
  return recordItems(
    {
      kpis: project.kpis.map((k) => ({ ...k, actualValue: actualOf.get(k.id) ?? k.actualValue })),
      reports: project.reports,
      lines: project.budgetLines.map((l) => ({ ...l, spentFen: spentOf.get(l.id) ?? 0 })),
      overheadCapPct: project.call.overheadCapPct,
    },
    now,
  );
}
