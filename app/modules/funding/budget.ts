// Budget against actual for a funded project (#13 item 7). Pure: the per-line table
// (planned, revised, actual from RECORDED expenses, variance, % used), its totals and
// the warnings on actual spending (a line over its revised amount; the overhead cap,
// where social-worker service counts as project cost — grants/applications/budget-checks).
import { formatFen } from "~/utils/format";
import { BUDGET_CATEGORY_LABELS, countsAsOverhead, overheadCapIssue } from "../grants/applications/budget-checks";

export type ProjectBudgetLine = {
  id: string;
  category: string;
  description: string;
  plannedFen: number;
  revisedFen: number;
};

export type ExpenseAmount = { budgetLineId: string; amountFen: number; status: string };

export const EXPENSE_RECORDED = "RECORDED";

export type BudgetRow = ProjectBudgetLine & {
  actualFen: number;
  /** revised − actual: what is left (negative when overspent) */
  varianceFen: number;
  /** actual as a percentage of revised, one decimal; null when the line has no budget */
  usedPct: number | null;
  overspent: boolean;
};

export type BudgetTotals = Omit<BudgetRow, "id" | "category" | "description">;

/** One decimal of part/whole in percent, null when whole is 0. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

/** Each line with its actual (RECORDED expenses only; voided ones never count), variance and % used; and the totals. */
export function budgetVsActual<L extends ProjectBudgetLine>(lines: L[], expenses: ExpenseAmount[]) {
  const actualByLine = new Map<string, number>();
  for (const e of expenses) {
    if (e.status !== EXPENSE_RECORDED) continue;
    actualByLine.set(e.budgetLineId, (actualByLine.get(e.budgetLineId) ?? 0) + e.amountFen);
  }
  const rows = lines.map((line) => {
    const actualFen = actualByLine.get(line.id) ?? 0;
    return {
      ...line,
      actualFen,
      varianceFen: line.revisedFen - actualFen,
      usedPct: percentOf(actualFen, line.revisedFen),
      overspent: actualFen > line.revisedFen,
    };
  });
  const sum = (pick: (r: BudgetRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const totals: BudgetTotals = {
    plannedFen: sum((r) => r.plannedFen),
    revisedFen: sum((r) => r.revisedFen),
    actualFen: sum((r) => r.actualFen),
    varianceFen: sum((r) => r.varianceFen),
    usedPct: percentOf(
      sum((r) => r.actualFen),
      sum((r) => r.revisedFen),
    ),
    overspent: sum((r) => r.actualFen) > sum((r) => r.revisedFen),
  };
  return { rows, totals };
}

export type ActualsCheck = {
  /** actual 管理费 spending; social-worker service is not in it */
  overheadActualFen: number;
  /** the most overhead the cap allows: capPct% of the revised budget; null without a cap */
  overheadCapFen: number | null;
  /** overhead as a share of everything spent so far, one decimal */
  overheadSharePct: number | null;
  warnings: string[];
};

export function lineName(line: Pick<ProjectBudgetLine, "category" | "description">) {
  const label = BUDGET_CATEGORY_LABELS[line.category as keyof typeof BUDGET_CATEGORY_LABELS] ?? line.category;
  return line.description ? `${label}（${line.description}）` : label;
}

/**
 * The budget rules applied to actual spending: every line spent beyond its revised
 * amount, and actual overhead beyond the call's cap (a share of the project's
 * revised budget, as the application's cap is a share of its budget).
 */
export function checkActuals(
  table: { rows: BudgetRow[]; totals: BudgetTotals },
  overheadCapPct: number | null,
): ActualsCheck {
  const warnings: string[] = [];
  for (const row of table.rows) {
    if (row.overspent)
      warnings.push(`「${lineName(row)}」实际支出已超出调整后预算 ${formatFen(row.actualFen - row.revisedFen)}`);
  }
  const overheadActualFen = table.rows.filter((r) => countsAsOverhead(r.category)).reduce((s, r) => s + r.actualFen, 0);
  const capIssue =
    overheadCapPct == null
      ? null
      : overheadCapIssue(overheadActualFen, table.totals.revisedFen, overheadCapPct, {
          overhead: "实际管理费支出",
          base: "项目资助预算",
        });
  if (capIssue) warnings.push(capIssue);
  return {
    overheadActualFen,
    overheadCapFen: overheadCapPct == null ? null : Math.floor((table.totals.revisedFen * overheadCapPct) / 100),
    overheadSharePct: percentOf(overheadActualFen, table.totals.actualFen),
    warnings,
  };
}
