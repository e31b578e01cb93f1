import { defineWorkflow } from "~/modules/workflow/state-machine";

export const OBJECTION_STATES = ["RECEIVED", "UPHELD", "DISMISSED"] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];

// An objection filed during publicity. Upholding it removes the entry from the
// proposed list or changes its amount (GrantObjection.upheldAction).
export const objectionWorkflow = defineWorkflow<ObjectionState>({
  name: "grant_objection",
  stateLabels: { RECEIVED: "已受理", UPHELD: "异议成立", DISMISSED: "异议不成立" },
  transitions: [
    { from: "RECEIVED", to: "UPHELD", by: ["ADMIN"], label: "异议成立", requiresReason: true },
    { from: "RECEIVED", to: "DISMISSED", by: ["ADMIN"], label: "异议不成立", requiresReason: true },
  ],
});

export const UPHELD_ACTIONS = { REMOVE: "移出拟入围名单", CHANGE_AMOUNT: "调整资助金额" } as const;
export type UpheldAction = keyof typeof UPHELD_ACTIONS;
