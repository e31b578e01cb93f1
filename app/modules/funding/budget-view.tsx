// The budget tab's shared parts (org and staff): budget against actual, the
// warnings on actual spending, the expenses and the budget change requests.
// Each side passes its own forms (void, decide, withdraw) as `actions`.
import type { ReactNode } from "react";
import { DataCell, DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { Notice } from "~/components/notice";
import { StatusBadge, type BadgeTone } from "~/components/status-badge";
import { formatDate, formatDateTime, formatFen } from "~/utils/format";
import { BUDGET_CATEGORY_LABELS, type BudgetCategory } from "../grants/applications/budget-checks";
import type { BudgetRow, BudgetTotals } from "./budget";
import { BUDGET_CHANGE_BAND_LABELS, type BudgetChangeBand, type BudgetChangeLine } from "./budget-change";
import { budgetChangeWorkflow, type BudgetChangeState } from "./budget-change-workflow";
import { expenseWorkflow, type ExpenseState } from "./expense-workflow";

type Line = Pick<BudgetRow, "id" | "category" | "description">;

export function categoryLabel(category: string) {
  return BUDGET_CATEGORY_LABELS[category as BudgetCategory] ?? category;
}

function pct(value: number | null) {
  return value == null ? "—" : `${value}%`;
}

export function BudgetVsActualTable({ rows, totals }: { rows: BudgetRow[]; totals: BudgetTotals }) {
  return (
    <DataTable
      label="预算执行"
      layout="scroll"
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ "data-testid": `budget-line-${r.id}` })}
      columns={[
        { header: "科目", cell: (r) => categoryLabel(r.category) },
        { header: "说明", cell: (r) => r.description || "—" },
        { header: "批复预算", cell: (r) => formatFen(r.plannedFen), className: "text-right whitespace-nowrap" },
        { header: "调整后预算", cell: (r) => formatFen(r.revisedFen), className: "text-right whitespace-nowrap" },
        { header: "实际支出", cell: (r) => formatFen(r.actualFen), className: "text-right whitespace-nowrap" },
        {
          header: "结余",
          cell: (r) => (
            <span className={r.varianceFen < 0 ? "text-red-700" : undefined}>{formatFen(r.varianceFen)}</span>
          ),
          className: "text-right whitespace-nowrap",
        },
        {
          header: "执行率",
          cell: (r) => <span className={r.overspent ? "font-semibold text-red-700" : undefined}>{pct(r.usedPct)}</span>,
          className: "text-right whitespace-nowrap",
        },
      ]}
      footer={
        <tr role="row" className="font-semibold">
          <DataCell label="科目">合计</DataCell>
          <DataCell label="说明">—</DataCell>
          <DataCell label="批复预算" className="text-right">
            {formatFen(totals.plannedFen)}
          </DataCell>
          <DataCell label="调整后预算" className="text-right">
            {formatFen(totals.revisedFen)}
          </DataCell>
          <DataCell label="实际支出" className="text-right">
            {formatFen(totals.actualFen)}
          </DataCell>
          <DataCell label="结余" className="text-right">
            {formatFen(totals.varianceFen)}
          </DataCell>
          <DataCell label="执行率" className="text-right">
            {pct(totals.usedPct)}
          </DataCell>
        </tr>
      }
    />
  );
}

export function ActualsNotes({
  check,
  overheadCapPct,
}: {
  check: {
    warnings: string[];
    overheadActualFen: number;
    overheadCapFen: number | null;
    overheadSharePct: number | null;
  };
  overheadCapPct: number | null;
}) {
  return (
    <div className="space-y-2">
      {check.warnings.length ? (
        <Notice tone="warning" testId="budget-warnings">
          <p className="font-medium">预算执行预警</p>
          <ul className="mt-1 list-disc pl-5">
            {check.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <p className="text-sm text-gray-600">
        实际管理费支出 {formatFen(check.overheadActualFen)}
        {check.overheadSharePct != null ? `，占已支出的 ${check.overheadSharePct}%` : ""}
        {overheadCapPct != null && check.overheadCapFen != null
          ? `；上限为资助预算的 ${overheadCapPct}%（${formatFen(check.overheadCapFen)}）`
          : ""}
        。专业社工服务费计入项目成本，不计入管理费。
      </p>
    </div>
  );
}

const EXPENSE_TONES: Partial<Record<ExpenseState, BadgeTone>> = { RECORDED: "success", VOIDED: "neutral" };

type Expense = {
  id: string;
  budgetLineId: string;
  spentOn: string | Date;
  amountFen: number;
  description: string;
  status: string;
  voidReason: string | null;
  vouchers: { id: string; originalName: string }[];
};

export function ExpenseTable({
  expenses,
  lines,
  actions,
}: {
  expenses: Expense[];
  lines: Line[];
  actions?: (expense: Expense) => ReactNode;
}) {
  if (expenses.length === 0) return <EmptyState>尚未登记支出。</EmptyState>;
  const byId = new Map(lines.map((l) => [l.id, l]));
  return (
    <DataTable
      label="支出记录"
      rows={expenses}
      rowKey={(e) => e.id}
      rowProps={(e) => ({ "data-testid": `expense-${e.id}` })}
      columns={[
        { header: "支出日期", cell: (e) => formatDate(e.spentOn), className: "whitespace-nowrap" },
        {
          header: "预算科目",
          cell: (e) => {
            const line = byId.get(e.budgetLineId);
            return line ? `${categoryLabel(line.category)}${line.description ? `（${line.description}）` : ""}` : "—";
          },
        },
        { header: "用途", cell: (e) => e.description, primary: true },
        { header: "金额", cell: (e) => formatFen(e.amountFen), className: "text-right whitespace-nowrap" },
        {
          header: "凭证",
          cell: (e) =>
            e.vouchers.length
              ? e.vouchers.map((v) => (
                  <a key={v.id} href={`/files/${v.id}`} className="link block" target="_blank" rel="noreferrer">
                    {v.originalName}
                  </a>
                ))
              : "—",
        },
        {
          header: "状态",
          cell: (e) => (
            <div>
              <StatusBadge workflow={expenseWorkflow} state={e.status} tones={EXPENSE_TONES} />
              {e.voidReason ? <p className="mt-1 text-xs text-gray-600">作废理由：{e.voidReason}</p> : null}
            </div>
          ),
        },
        ...(actions ? [{ header: "操作", hideHeader: true, cell: (e: Expense) => actions(e) }] : []),
      ]}
    />
  );
}

const CHANGE_TONES: Partial<Record<BudgetChangeState, BadgeTone>> = {
  RECORDED: "info",
  PENDING: "warning",
  APPROVED: "success",
  REJECTED: "danger",
  WITHDRAWN: "neutral",
};

type Change = {
  id: string;
  lines: BudgetChangeLine[];
  movedPct: number;
  band: string;
  reason: string | null;
  status: string;
  decidedAt: string | Date | null;
  decisionNote: string | null;
  createdAt: string | Date;
};

export function BudgetChangeList({
  changes,
  lines,
  actions,
}: {
  changes: Change[];
  lines: Line[];
  actions?: (change: Change) => ReactNode;
}) {
  if (changes.length === 0) return <EmptyState>尚无预算调整。</EmptyState>;
  const byId = new Map(lines.map((l) => [l.id, l]));
  return (
    <ul className="space-y-3">
      {changes.map((c) => (
        <li key={c.id} className="rounded-md border border-gray-200 p-3" data-testid={`budget-change-${c.id}`}>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <StatusBadge workflow={budgetChangeWorkflow} state={c.status} tones={CHANGE_TONES} />
            <span>{BUDGET_CHANGE_BAND_LABELS[c.band as BudgetChangeBand] ?? c.band}</span>
            <span className="text-gray-600">最大调整幅度 {c.movedPct}%</span>
            <span className="text-gray-600">提出于 {formatDateTime(c.createdAt)}</span>
          </div>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {c.lines.map((l) => {
              const line = byId.get(l.budgetLineId);
              return (
                <li key={l.budgetLineId}>
                  {line ? `${categoryLabel(line.category)}${line.description ? `（${line.description}）` : ""}` : "—"}：
                  {formatFen(l.fromFen)} → {formatFen(l.toFen)}
                </li>
              );
            })}
          </ul>
          {c.reason ? <p className="mt-2 text-sm">调整理由：{c.reason}</p> : null}
          {c.decidedAt ? (
            <p className="mt-1 text-sm text-gray-600">
              {formatDate(c.decidedAt)} 审批{c.decisionNote ? `，意见：${c.decisionNote}` : ""}
            </p>
          ) : null}
          {actions ? <div className="mt-2">{actions(c)}</div> : null}
        </li>
      ))}
    </ul>
  );
}
