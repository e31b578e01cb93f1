import { defineWorkflow } from "~/modules/workflow/state-machine";

export const REVIEW_ROUND_STATES = ["OPEN", "RANKED", "PUBLICIZED", "CONFIRMED"] as const;
export type ReviewRoundState = (typeof REVIEW_ROUND_STATES)[number];

// A call's review round (GrantCall.reviewStage), after screening: experts
// score while OPEN; staff save a ranking with its allocation (RANKED), may
// reopen it, publish the proposed shortlist (PUBLICIZED, objections heard)
// and after the publicity period confirm it (CONFIRMED, applicants notified).
export const reviewRoundWorkflow = defineWorkflow<ReviewRoundState>({
  name: "grant_review_round",
  stateLabels: {
    OPEN: "专家评审",
    RANKED: "拟入围名单待公示",
    PUBLICIZED: "公示中",
    CONFIRMED: "名单已确认",
  },
  transitions: [
    { from: "OPEN", to: "RANKED", by: ["ADMIN"], label: "生成拟入围名单" },
    { from: "RANKED", to: "OPEN", by: ["ADMIN"], label: "撤回拟入围名单", requiresReason: true },
    { from: "RANKED", to: "PUBLICIZED", by: ["ADMIN"], label: "发布公示" },
    { from: "PUBLICIZED", to: "CONFIRMED", by: ["ADMIN"], label: "确认立项名单" },
  ],
});
