import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { SectionCard } from "~/components/section-card";
import { requireStaffProject } from "~/modules/funding/access.server";
import { decideBudgetChange } from "~/modules/funding/budget-changes.server";
import { DECIDE_CHANGE, DecideChangeSchema, VOID_EXPENSE, VoidExpenseSchema } from "~/modules/funding/budget-forms";
import { ActualsNotes, BudgetChangeList, BudgetVsActualTable, ExpenseTable } from "~/modules/funding/budget-view";
import {
  budgetChangeThresholds,
  listBudgetChanges,
  listExpenses,
  loadBudgetTable,
} from "~/modules/funding/budget.server";
import { voidExpense } from "~/modules/funding/expenses.server";
import { VoidExpenseForm } from "~/modules/funding/void-expense-form";
import { dispatchIntent, handler } from "~/utils/action.server";
import { prisma } from "~/utils/db.server";
import { getPage } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";
import { DecideChangeForm } from "./decide-form";

const DONE_MESSAGES: Record<string, string> = {
  approve: "已批准预算调整，调整后金额已写入预算，已告知该社会组织。",
  reject: "已不批准该预算调整，已告知该社会组织。",
  void: "支出记录已作废，已告知该社会组织。",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireStaffProject(request, params.projectId);
  const page = getPage(new URL(request.url));
  const [table, expenses, changes, thresholds] = await Promise.all([
    loadBudgetTable(prisma, project.id),
    listExpenses(project.id, page),
    listBudgetChanges(project.id),
    budgetChangeThresholds(),
  ]);
  return { table, expenses, changes, thresholds, page };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, project } = await requireStaffProject(request, params.projectId);
  const here = `/admin/projects/${project.id}/budget`;
  return dispatchIntent(await readForm(request), {
    [DECIDE_CHANGE]: handler({
      schema: DecideChangeSchema,
      run: ({ changeId, decision, note }) =>
        decideBudgetChange({
          project,
          changeId,
          approve: decision === "approve",
          note: note ?? null,
          actorId: user.id,
          request,
        }),
      done: (_, { decision }) => redirect(`${here}?done=${decision}`),
    }),
    [VOID_EXPENSE]: handler({
      schema: VoidExpenseSchema,
      run: ({ expenseId, reason }) =>
        voidExpense({ project, expenseId, reason, actor: { id: user.id, role: "ADMIN" }, request }),
      done: () => redirect(`${here}?done=void`),
    }),
  });
}

export default function StaffProjectBudget() {
  const { table, expenses, changes, thresholds, page } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = DONE_MESSAGES[params.get("done") ?? ""];
  const pending = changes.filter((c) => c.status === "PENDING").length;
  return (
    <div className="space-y-4">
      {done ? <Notice>{done}</Notice> : null}
      {pending ? <Notice tone="warning">有 {pending} 项预算调整等待审批。</Notice> : null}
      <SectionCard id="budget-actual" title="预算执行情况">
        <div className="space-y-3">
          <BudgetVsActualTable rows={table.rows} totals={table.totals} />
          <ActualsNotes check={table.check} overheadCapPct={table.overheadCapPct} />
        </div>
      </SectionCard>
      <SectionCard id="changes" title="预算调整">
        <p className="mb-3 text-sm text-gray-600">
          单个科目调整不超过 {thresholds.noticeMaxPct}% 备案即生效；{thresholds.noticeMaxPct}%–
          {thresholds.approvalMaxPct}% 须审批；超过 {thresholds.approvalMaxPct}%
          须审批并由机构说明理由（规则参数「公益创投」）。
        </p>
        <BudgetChangeList
          changes={changes}
          lines={table.rows}
          actions={(c) => (c.status === "PENDING" ? <DecideChangeForm changeId={c.id} /> : null)}
        />
      </SectionCard>
      <SectionCard id="expenses" title={`支出记录（${expenses.total}）`}>
        <ExpenseTable
          expenses={expenses.expenses}
          lines={table.rows}
          actions={(e) => (e.status === "RECORDED" ? <VoidExpenseForm expenseId={e.id} reply={reply} /> : null)}
        />
        <Pagination page={page} total={expenses.total} />
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
