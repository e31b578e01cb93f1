import { defineWorkflow } from "~/modules/workflow/state-machine";

/** The audit entityType of an assignment's transitions. */
export const ASSIGNMENT_ENTITY_TYPE = "ReviewAssignment";

export const REVIEW_ASSIGNMENT_STATES = ["ASSIGNED", "DRAFTED", "SUBMITTED", "RECUSED", "REPLACED"] as const;
export type ReviewAssignmentState = (typeof REVIEW_ASSIGNMENT_STATES)[number];

/** Assignments that still count toward an application's k reviewers. */
export const ACTIVE_ASSIGNMENT_STATES: ReviewAssignmentState[] = ["ASSIGNED", "DRAFTED", "SUBMITTED"];
/** Assignments the reviewer can still work on. */
export const OPEN_ASSIGNMENT_STATES: ReviewAssignmentState[] = ["ASSIGNED", "DRAFTED"];

// One reviewer's work on one subject (a project application today; rating
// self-assessments and evaluations reuse it). Submitting locks the scores;
// only staff reopen them, with a reason. A recused or replaced reviewer's row
// stays for the record and a new row is made for the replacement.
export const reviewAssignmentWorkflow = defineWorkflow<ReviewAssignmentState>({
  name: "review_assignment",
  stateLabels: {
    ASSIGNED: "待评审",
    DRAFTED: "已保存草稿",
    SUBMITTED: "已提交",
    RECUSED: "已回避",
    REPLACED: "已更换",
  },
  transitions: [
    { from: "ASSIGNED", to: "DRAFTED", by: ["REVIEWER"], label: "保存评分草稿" },
    { from: "ASSIGNED", to: "SUBMITTED", by: ["REVIEWER"], label: "提交评分" },
    { from: "DRAFTED", to: "SUBMITTED", by: ["REVIEWER"], label: "提交评分" },
    { from: "SUBMITTED", to: "DRAFTED", by: ["ADMIN"], label: "重新开放评分", requiresReason: true },
    { from: "ASSIGNED", to: "RECUSED", by: ["REVIEWER"], label: "申请回避", requiresReason: true },
    { from: "DRAFTED", to: "RECUSED", by: ["REVIEWER"], label: "申请回避", requiresReason: true },
    { from: "ASSIGNED", to: "REPLACED", by: ["ADMIN"], label: "更换评审专家", requiresReason: true },
    { from: "DRAFTED", to: "REPLACED", by: ["ADMIN"], label: "更换评审专家", requiresReason: true },
  ],
});

export const RECOMMENDATIONS = {
  FUND: "建议资助",
  FUND_WITH_CHANGES: "修改后资助",
  DO_NOT_FUND: "不建议资助",
} as const;
export type Recommendation = keyof typeof RECOMMENDATIONS;
