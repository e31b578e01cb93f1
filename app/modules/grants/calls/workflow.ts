import { defineWorkflow } from "~/modules/workflow/state-machine";

export const CALL_STATES = ["DRAFT", "PUBLISHED", "CLOSED"] as const;
export type CallState = (typeof CALL_STATES)[number];

// A call is edited as a draft, checked and published; its phases then follow
// its dates. Closing ends it after the cycle (or cancels it).
export const callWorkflow = defineWorkflow<CallState>({
  name: "grant_call",
  stateLabels: { DRAFT: "草稿", PUBLISHED: "已发布", CLOSED: "已结束" },
  transitions: [
    { from: "DRAFT", to: "PUBLISHED", by: ["ADMIN"], label: "发布" },
    { from: "PUBLISHED", to: "CLOSED", by: ["ADMIN"], label: "结束活动", requiresReason: true },
  ],
});
