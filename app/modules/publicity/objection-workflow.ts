import { defineWorkflow } from "~/modules/workflow/state-machine";

export const OBJECTION_STATES = ["RECEIVED", "UPHELD", "DISMISSED"] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];

// An objection filed during a publicity period, against one entry of the
// published list. What upholding it does belongs to the area that published the
// list (grants: remove the entry or change its amount; Objection.upheldAction).
// Audit events before decision 013 were written as "grant_objection.*".
export const objectionWorkflow = defineWorkflow<ObjectionState>({
  name: "objection",
  stateLabels: { RECEIVED: "已受理", UPHELD: "异议成立", DISMISSED: "异议不成立" },
  transitions: [
    { from: "RECEIVED", to: "UPHELD", by: ["ADMIN"], label: "异议成立", requiresReason: true },
    { from: "RECEIVED", to: "DISMISSED", by: ["ADMIN"], label: "异议不成立", requiresReason: true },
  ],
});

export const DECISION_OUTCOMES = { DISMISSED: "异议不成立", UPHELD: "异议成立" } as const;
export type DecisionOutcome = keyof typeof DECISION_OUTCOMES;
