import { defineWorkflow } from "~/modules/workflow/state-machine";

export const RATING_APPLICATION_STATES = [
  "DRAFT",
  "SUBMITTED",
  "RETURNED",
  "REJECTED",
  "ACCEPTED",
  "SCORED",
  "DECIDED",
  "REVIEW_REQUESTED",
  "ANNOUNCED",
  "WITHDRAWN",
] as const;
export type RatingApplicationState = (typeof RATING_APPLICATION_STATES)[number];

// An organization's rating application (#12). The organization self-assesses
// and submits; staff check eligibility and completeness and return it for
// 补正, reject it, or accept it into the expert panel. When every active
// expert has submitted, the panel's hook marks it SCORED; the 评估委员会
// decides the grade (DECIDED); during 公示 the organization may ask for 复核
// (REVIEW_REQUESTED), which staff decide; the announcement ends it.
export const ratingApplicationWorkflow = defineWorkflow<RatingApplicationState>({
  name: "rating_application",
  stateLabels: {
    DRAFT: "自评填报中",
    SUBMITTED: "已提交",
    RETURNED: "退回补正",
    REJECTED: "未予受理",
    ACCEPTED: "专家评估中",
    SCORED: "专家评分完成",
    DECIDED: "委员会已审定",
    REVIEW_REQUESTED: "复核申请中",
    ANNOUNCED: "已公告",
    WITHDRAWN: "已撤回",
  },
  transitions: [
    { from: "DRAFT", to: "SUBMITTED", by: ["ORG_MEMBER"], label: "提交评估申请" },
    { from: "RETURNED", to: "SUBMITTED", by: ["ORG_MEMBER"], label: "补正后重新提交" },
    { from: "SUBMITTED", to: "RETURNED", by: ["ADMIN"], label: "退回补正", requiresReason: true },
    { from: "SUBMITTED", to: "REJECTED", by: ["ADMIN"], label: "不予受理", requiresReason: true },
    { from: "SUBMITTED", to: "ACCEPTED", by: ["ADMIN"], label: "审核通过，进入专家评估" },
    { from: "ACCEPTED", to: "SCORED", by: ["REVIEWER", "SYSTEM"], label: "专家评分完成" },
    { from: "SCORED", to: "ACCEPTED", by: ["ADMIN"], label: "重新开放专家评分", requiresReason: true },
    { from: "SCORED", to: "DECIDED", by: ["ADMIN"], label: "评估委员会审定" },
    { from: "DECIDED", to: "REVIEW_REQUESTED", by: ["ORG_MEMBER"], label: "申请复核", requiresReason: true },
    { from: "REVIEW_REQUESTED", to: "DECIDED", by: ["ADMIN"], label: "作出复核决定", requiresReason: true },
    { from: "DECIDED", to: "ANNOUNCED", by: ["ADMIN", "SYSTEM"], label: "发布评估结果公告" },
    { from: "DRAFT", to: "WITHDRAWN", by: ["ORG_MEMBER"], label: "撤回申请" },
    { from: "RETURNED", to: "WITHDRAWN", by: ["ORG_MEMBER"], label: "撤回申请" },
  ],
});
