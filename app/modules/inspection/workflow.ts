import { defineWorkflow } from "~/modules/workflow/state-machine";

export const INSPECTION_STATES = [
  "PENDING",
  "DRAFT",
  "SUBMITTED",
  "RETURNED",
  "CONCLUDED",
  "MISSED",
  "EXEMPT",
] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];

// PENDING: the round lists the organization but nothing is filed yet.
export const inspectionWorkflow = defineWorkflow<InspectionState>({
  name: "inspection",
  stateLabels: {
    PENDING: "未填报",
    DRAFT: "填报中",
    SUBMITTED: "已提交",
    RETURNED: "退回修改",
    CONCLUDED: "已出结论",
    MISSED: "未参检",
    EXEMPT: "免于年检",
  },
  transitions: [
    { from: "PENDING", to: "DRAFT", by: ["ORG_MEMBER"], label: "开始填报" },
    { from: "PENDING", to: "SUBMITTED", by: ["ORG_MEMBER"], label: "提交年度报告" },
    { from: "DRAFT", to: "SUBMITTED", by: ["ORG_MEMBER"], label: "提交年度报告" },
    { from: "RETURNED", to: "SUBMITTED", by: ["ORG_MEMBER"], label: "修改后重新提交" },
    { from: "SUBMITTED", to: "RETURNED", by: ["ADMIN"], label: "退回修改", requiresReason: true },
    { from: "SUBMITTED", to: "CONCLUDED", by: ["ADMIN"], label: "作出年检结论" },
    { from: "PENDING", to: "MISSED", by: ["SYSTEM", "ADMIN"], label: "标记未参检" },
    { from: "DRAFT", to: "MISSED", by: ["SYSTEM", "ADMIN"], label: "标记未参检" },
    { from: "RETURNED", to: "MISSED", by: ["SYSTEM", "ADMIN"], label: "标记未参检" },
  ],
});

export const CONCLUSIONS = ["QUALIFIED", "BASIC", "UNQUALIFIED"] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

export const CONCLUSION_LABELS: Record<Conclusion | "MISSED", string> = {
  QUALIFIED: "合格",
  BASIC: "基本合格",
  UNQUALIFIED: "不合格",
  MISSED: "未参检",
};

export const RECTIFICATION_STATES = ["OPEN", "SUBMITTED", "ACCEPTED", "RETURNED"] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

export const rectificationWorkflow = defineWorkflow<RectificationState>({
  name: "rectification",
  stateLabels: {
    OPEN: "待整改",
    SUBMITTED: "整改报告已提交",
    ACCEPTED: "整改已通过",
    RETURNED: "整改被退回",
  },
  transitions: [
    { from: "OPEN", to: "SUBMITTED", by: ["ORG_MEMBER"], label: "提交整改报告" },
    { from: "RETURNED", to: "SUBMITTED", by: ["ORG_MEMBER"], label: "重新提交整改报告" },
    { from: "SUBMITTED", to: "ACCEPTED", by: ["ADMIN"], label: "整改通过" },
    { from: "SUBMITTED", to: "RETURNED", by: ["ADMIN"], label: "退回整改报告", requiresReason: true },
  ],
});
