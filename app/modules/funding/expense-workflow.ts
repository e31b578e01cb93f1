import { defineWorkflow } from "~/modules/workflow/state-machine";

export const EXPENSE_STATES = ["RECORDED", "VOIDED"] as const;
export type ExpenseState = (typeof EXPENSE_STATES)[number];

// An expense (GrantExpense.status): recorded with its voucher, and never deleted —
// a mistaken entry is voided with a reason and stops counting as actual spending.
export const expenseWorkflow = defineWorkflow<ExpenseState>({
  name: "grant_expense",
  stateLabels: { RECORDED: "已入账", VOIDED: "已作废" },
  transitions: [
    { from: "RECORDED", to: "VOIDED", by: ["ORG_MEMBER", "ADMIN"], label: "作废支出", requiresReason: true },
  ],
});

export function expenseStateLabel(status: string) {
  return expenseWorkflow.stateLabels[status as ExpenseState] ?? status;
}
