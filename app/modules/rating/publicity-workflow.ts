// A 复核 request filed during 公示: staff keep or change the grade, with a reason. Pure.
import { defineWorkflow } from "~/modules/workflow/state-machine";

export const REVIEW_REQUEST_STATES = ["FILED", "KEPT", "CHANGED"] as const;
export type ReviewRequestState = (typeof REVIEW_REQUEST_STATES)[number];

export const reviewRequestWorkflow = defineWorkflow<ReviewRequestState>({
  name: "ratingReviewRequest",
  stateLabels: { FILED: "待复核", KEPT: "维持原等级", CHANGED: "变更等级" },
  transitions: [
    { from: "FILED", to: "KEPT", by: ["ADMIN"], label: "复核维持原等级", requiresReason: true },
    { from: "FILED", to: "CHANGED", by: ["ADMIN"], label: "复核变更等级", requiresReason: true },
  ],
});
