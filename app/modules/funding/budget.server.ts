// Reads for a funded project's budget tab (org and staff): the budget-vs-actual
// table with its warnings, one page of expenses with their vouchers, and the
// budget change requests. Sums are grouped in the database; no query per row.
import { getRules } from "~/modules/config/rules.server";
import { prisma, type Tx } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";
import { budgetVsActual, checkActuals, EXPENSE_RECORDED } from "./budget";
import { parseChangeLines, type BudgetChangeThresholds } from "./budget-change";

/** What an expense voucher is stored as (Attachment.subjectType / purpose). */
export const EXPENSE_SUBJECT_TYPE = "GrantExpense";
export const VOUCHER_PURPOSE = "EXPENSE_VOUCHER";
export const BUDGET_CHANGE_ENTITY = "GrantBudgetChange";

const lineSelect = {
  id: true,
  category: true,
  description: true,
  plannedFen: true,
  revisedFen: true,
  position: true,
} as const;

export async function loadBudgetLines(db: Tx | typeof prisma, projectId: string) {
  return db.grantProjectBudgetLine.findMany({ where: { projectId }, orderBy: { position: "asc" }, select: lineSelect });
}

/** The budget-vs-actual table of a project with the warnings on actual spending. */
export async function loadBudgetTable(db: Tx | typeof prisma, projectId: string) {
  const [lines, sums, project] = await Promise.all([
    loadBudgetLines(db, projectId),
    db.grantExpense.groupBy({
      by: ["budgetLineId"],
      where: { projectId, status: EXPENSE_RECORDED },
      _sum: { amountFen: true },
    }),
    db.grantProject.findUniqueOrThrow({
      where: { id: projectId },
      select: { call: { select: { overheadCapPct: true } } },
    }),
  ]);
  const table = budgetVsActual(
    lines,
    sums.map((s) => ({ budgetLineId: s.budgetLineId, amountFen: s._sum.amountFen ?? 0, status: EXPENSE_RECORDED })),
  );
  return {
    ...table,
    check: checkActuals(table, project.call.overheadCapPct),
    overheadCapPct: project.call.overheadCapPct,
  };
}

/** The budget change thresholds in force at `at` (rule data). */
export async function budgetChangeThresholds(
  at = new Date(),
  db: Tx | typeof prisma = prisma,
): Promise<BudgetChangeThresholds> {
  const rules = await getRules(at, db);
  return {
    noticeMaxPct: rules["funding.budgetChange.noticeMaxPct"],
    approvalMaxPct: rules["funding.budgetChange.approvalMaxPct"],
  };
}

/** One page of a project's expenses, newest first, with their vouchers. */
export async function listExpenses(projectId: string, page: number) {
  const [total, expenses] = await Promise.all([
    prisma.grantExpense.count({ where: { projectId } }),
    prisma.grantExpense.findMany({
      where: { projectId },
      orderBy: [{ spentOn: "desc" }, { createdAt: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        budgetLineId: true,
        spentOn: true,
        amountFen: true,
        description: true,
        status: true,
        voidReason: true,
      },
    }),
  ]);
  const vouchers = await prisma.attachment.findMany({
    where: {
      subjectType: EXPENSE_SUBJECT_TYPE,
      subjectId: { in: expenses.map((e) => e.id) },
      purpose: VOUCHER_PURPOSE,
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, subjectId: true, originalName: true },
  });
  return {
    total,
    expenses: expenses.map((e) => ({ ...e, vouchers: vouchers.filter((v) => v.subjectId === e.id) })),
  };
}

/** A project's budget change requests, newest first, with their lines read back. */
export async function listBudgetChanges(projectId: string) {
  const changes = await prisma.grantBudgetChange.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      lines: true,
      movedPct: true,
      band: true,
      reason: true,
      status: true,
      decidedAt: true,
      decisionNote: true,
      createdAt: true,
    },
  });
  return changes.map(({ lines, ...c }) => ({ ...c, lines: parseChangeLines(lines) }));
}
