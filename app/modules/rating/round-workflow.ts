import { defineWorkflow } from "~/modules/workflow/state-machine";

export const RATING_ROUND_STATES = ["DRAFT", "OPEN", "REVIEWING", "COMMITTEE", "PUBLICITY", "ANNOUNCED"] as const;
export type RatingRoundState = (typeof RATING_ROUND_STATES)[number];

/** RatingRound as the audit trail's entityType. */
export const RATING_ROUND_ENTITY_TYPE = "RatingRound";

// A rating round (#12). Staff set it up (DRAFT) and open it: opening freezes
// the indicator schemes it uses and organizations may apply until the window
// closes. REVIEWING: staff check applications and the expert panel scores.
// COMMITTEE: the 评估委员会 decides the grades. PUBLICITY: the results are
// published and 复核 may be asked for. ANNOUNCED: the grades are in force.
export const ratingRoundWorkflow = defineWorkflow<RatingRoundState>({
  name: "rating_round",
  stateLabels: {
    DRAFT: "筹备中",
    OPEN: "接受申报",
    REVIEWING: "审核评审",
    COMMITTEE: "评估委员会审定",
    PUBLICITY: "结果公示",
    ANNOUNCED: "已公告",
  },
  transitions: [
    { from: "DRAFT", to: "OPEN", by: ["ADMIN"], label: "开放申报" },
    { from: "OPEN", to: "REVIEWING", by: ["ADMIN", "SYSTEM"], label: "截止申报" },
    { from: "REVIEWING", to: "COMMITTEE", by: ["ADMIN"], label: "提交评估委员会" },
    { from: "COMMITTEE", to: "REVIEWING", by: ["ADMIN"], label: "退回专家评审", requiresReason: true },
    { from: "COMMITTEE", to: "PUBLICITY", by: ["ADMIN"], label: "发布评估结果公示" },
    { from: "PUBLICITY", to: "ANNOUNCED", by: ["ADMIN"], label: "发布评估结果公告" },
  ],
});
