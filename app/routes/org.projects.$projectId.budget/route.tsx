import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { SectionCard } from "~/components/section-card";
import { useIsPending } from "~/components/use-form";
import { parseUploadForm, setAsideRefusedUploads, uploadSchema } from "~/modules/attachments/uploads.server";
import { requireMemberProject } from "~/modules/funding/access.server";
import { requestBudgetChange, withdrawBudgetChange } from "~/modules/funding/budget-changes.server";
import {
  BudgetChangeSchema,
  expenseSchema,
  RECORD_EXPENSE,
  REQUEST_CHANGE,
  VOID_EXPENSE,
  VoidExpenseSchema,
  WITHDRAW_CHANGE,
  WithdrawChangeSchema,
} from "~/modules/funding/budget-forms";
import { ActualsNotes, BudgetChangeList, BudgetVsActualTable, ExpenseTable } from "~/modules/funding/budget-view";
import {
  budgetChangeThresholds,
  listBudgetChanges,
  listExpenses,
  loadBudgetTable,
} from "~/modules/funding/budget.server";
import { expensesOpen, recordExpense, voidExpense } from "~/modules/funding/expenses.server";
import { VoidExpenseForm } from "~/modules/funding/void-expense-form";
import { dispatchIntent, handler } from "~/utils/action.server";
import { toDateInput } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { getPage } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { BudgetChangeForm } from "./change-form";
import { ExpenseForm } from "./expense-form";

const DONE_MESSAGES: Record<string, string> = {
  expense: "支出已登记。",
  void: "支出记录已作废。",
  recorded: "预算调整已备案并生效，已告知民政局。",
  pending: "预算调整已提交，等待民政局审批。",
  withdrawn: "预算调整申请已撤回。",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireMemberProject(request, params.projectId);
  const page = getPage(new URL(request.url));
  const [table, expenses, changes, thresholds] = await Promise.all([
    loadBudgetTable(prisma, project.id),
    listExpenses(project.id, page),
    listBudgetChanges(project.id),
    budgetChangeThresholds(),
  ]);
  return {
    project,
    table,
    expenses,
    changes,
    thresholds,
    overheadCapPct: table.overheadCapPct,
    open: expensesOpen(project),
    page,
    today: toDateInput(new Date()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, project } = await requireMemberProject(request, params.projectId);
  const voucherCheck = uploadSchema(["pdf", "jpg", "png"]);
  // A refused voucher is set aside so the rest of the form comes back as typed, with the message at the file.
  const { formData, refused } = await setAsideRefusedUploads(await parseUploadForm(request), voucherCheck);
  const here = `/org/projects/${project.id}/budget`;
  return dispatchIntent(formData, {
    [RECORD_EXPENSE]: handler({
      schema: expenseSchema(voucherCheck),
      refusedUploads: { fieldErrors: refused, savedNote: null },
      run: ({ budgetLineId, spentOn, amount, description, voucher }) =>
        recordExpense({
          project,
          actorId: user.id,
          values: { budgetLineId, spentOn, amountFen: amount, description },
          voucher,
          request,
        }),
      done: () => redirect(`${here}?done=expense`),
    }),
    [VOID_EXPENSE]: handler({
      schema: VoidExpenseSchema,
      run: ({ expenseId, reason }) =>
        voidExpense({ project, expenseId, reason, actor: { id: user.id, role: "ORG_MEMBER" }, request }),
      done: () => redirect(`${here}?done=void`),
    }),
    [REQUEST_CHANGE]: handler({
      schema: BudgetChangeSchema,
      run: ({ lines, reason }) =>
        requestBudgetChange({
          project,
          actorId: user.id,
          lines: lines.map((l) => ({ budgetLineId: l.budgetLineId, toFen: l.amount })),
          reason: reason ?? null,
          request,
        }),
      done: ({ recorded }) => redirect(`${here}?done=${recorded ? "recorded" : "pending"}#changes`),
    }),
    [WITHDRAW_CHANGE]: handler({
      schema: WithdrawChangeSchema,
      run: ({ changeId }) => withdrawBudgetChange({ project, changeId, actorId: user.id, request }),
      done: () => redirect(`${here}?done=withdrawn#changes`),
    }),
  });
}

export default function OrgProjectBudget() {
  const { table, expenses, changes, open, page, overheadCapPct } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = DONE_MESSAGES[params.get("done") ?? ""];
  const pending = changes.some((c) => c.status === "PENDING");
  const withdrawing = useIsPending({ intent: WITHDRAW_CHANGE });
  return (
    <div className="space-y-4">
      {done ? <Notice>{done}</Notice> : null}
      <SectionCard id="budget-actual" title="预算执行情况">
        <div className="space-y-3">
          <BudgetVsActualTable rows={table.rows} totals={table.totals} />
          <ActualsNotes check={table.check} overheadCapPct={overheadCapPct} />
        </div>
      </SectionCard>
      {open ? (
        <SectionCard id="new-expense" title="登记支出">
          <ExpenseForm />
        </SectionCard>
      ) : (
        <Notice tone="info">项目不在执行期，不能登记支出或调整预算。</Notice>
      )}
      <SectionCard id="expenses" title={`支出记录（${expenses.total}）`}>
        <ExpenseTable
          expenses={expenses.expenses}
          lines={table.rows}
          actions={(e) =>
            open && e.status === "RECORDED" ? <VoidExpenseForm expenseId={e.id} reply={reply} multipart /> : null
          }
        />
        <Pagination page={page} total={expenses.total} />
      </SectionCard>
      <SectionCard id="changes" title="预算调整">
        <div className="space-y-4">
          <BudgetChangeList
            changes={changes}
            lines={table.rows}
            actions={(c) =>
              c.status === "PENDING" ? (
                <Form method="post" encType="multipart/form-data">
                  <input type="hidden" name="intent" value={WITHDRAW_CHANGE} />
                  <input type="hidden" name="changeId" value={c.id} />
                  <button type="submit" className="btn-secondary" disabled={withdrawing}>
                    撤回申请
                  </button>
                </Form>
              ) : null
            }
          />
          {open && !pending ? (
            <div>
              <h3 className="mb-2 text-sm font-semibold text-gray-900">提出预算调整</h3>
              <BudgetChangeForm />
            </div>
          ) : open ? (
            <p className="text-sm text-gray-600">已有一项预算调整等待审批，审批或撤回后才能提出新的调整。</p>
          ) : null}
        </div>
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
