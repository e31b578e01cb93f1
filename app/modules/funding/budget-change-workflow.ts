import { defineWorkflow } from "~/modules/workflow/state-machine";

export const BUDGET_CHANGE_STATES = ["RECORDED", "PENDING", "APPROVED", "REJECTED", "WITHDRAWN"] as const;
export type BudgetChangeState = (typeof BUDGET_CHANGE_STATES)[number];

// A budget change request (GrantBudgetChange.status). A change in the notice band is
// created RECORDED and applies at once; the others are created PENDING and wait for
// staff: approval writes the new amounts to the lines in the same transaction. The
// organization may withdraw a request staff have not decided yet.
export const budgetChangeWorkflow = defineWorkflow<BudgetChangeState>({
  name: "grant_budget_change",
  stateLabels: {
    RECORDED: "已备案",
    PENDING: "待审批",
    APPROVED: "已批准",
    REJECTED: "未批准",
    WITHDRAWN: "已撤回",
  },
  transitions: [
    { from: "PENDING", to: "APPROVED", by: ["ADMIN"], label: "批准预算调整" },
    { from: "PENDING", to: "REJECTED", by: ["ADMIN"], label: "不批准预算调整", requiresReason: true },
    { from: "PENDING", to: "WITHDRAWN", by: ["ORG_MEMBER"], label: "撤回预算调整申请" },
  ],
});

export function budgetChangeStateLabel(status: string) {
  return budgetChangeWorkflow.stateLabels[status as BudgetChangeState] ?? status;
}
