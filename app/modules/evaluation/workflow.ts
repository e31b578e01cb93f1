import type { BadgeTone } from "~/components/status-badge";
import { defineWorkflow } from "~/modules/workflow/state-machine";

export const EVALUATION_STATES = ["AWAITING_REPORT", "SUBMITTED", "SCORED", "PUBLICITY", "FINAL", "CANCELLED"] as const;
export type EvaluationState = (typeof EVALUATION_STATES)[number];

/** Audit entityType of an evaluation, also its ReviewAssignment subjectType. */
export const EVALUATION_SUBJECT_TYPE = "GrantEvaluation";

// A mid-term or final evaluation of a funded project (GrantEvaluation.status, #14 items 1–4).
// The organization submits its self-assessment with its report; the experts' panel scores it
// (the last expert's submission moves it to SCORED); staff publish the result for the publicity
// period and it becomes final by itself when the period ends with no objection pending
// (finality.server.ts, decision 026). Nothing filed by the due date makes it final
// as 不合格 at once. An upheld objection takes the result back for staff to correct.
export const evaluationWorkflow = defineWorkflow<EvaluationState>({
  name: "grant_evaluation",
  stateLabels: {
    AWAITING_REPORT: "待提交自评",
    SUBMITTED: "专家评审中",
    SCORED: "待公示",
    PUBLICITY: "公示中",
    FINAL: "结果已确定",
    CANCELLED: "已取消",
  },
  transitions: [
    { from: "AWAITING_REPORT", to: "SUBMITTED", by: ["ORG_MEMBER"], label: "提交自评" },
    { from: "SUBMITTED", to: "AWAITING_REPORT", by: ["ADMIN"], label: "退回自评", requiresReason: true },
    { from: "SUBMITTED", to: "SCORED", by: ["REVIEWER", "SYSTEM"], label: "专家评分完成" },
    { from: "SCORED", to: "PUBLICITY", by: ["ADMIN"], label: "公示评估结果" },
    { from: "PUBLICITY", to: "SCORED", by: ["ADMIN"], label: "异议成立，撤回公示", requiresReason: true },
    { from: "PUBLICITY", to: "FINAL", by: ["SYSTEM"], label: "公示期满，结果确定" },
    {
      from: "AWAITING_REPORT",
      to: "FINAL",
      by: ["ADMIN", "SYSTEM"],
      label: "逾期未提交，评为不合格",
      requiresReason: true,
    },
    { from: "AWAITING_REPORT", to: "CANCELLED", by: ["ADMIN", "SYSTEM"], label: "取消评估", requiresReason: true },
    { from: "SUBMITTED", to: "CANCELLED", by: ["ADMIN", "SYSTEM"], label: "取消评估", requiresReason: true },
    { from: "SCORED", to: "CANCELLED", by: ["ADMIN", "SYSTEM"], label: "取消评估", requiresReason: true },
  ],
});

export function evaluationStateLabel(status: string) {
  return evaluationWorkflow.stateLabels[status as EvaluationState] ?? status;
}

/** Evaluations still under way (not final, not cancelled). */
export const OPEN_EVALUATION_STATES: EvaluationState[] = ["AWAITING_REPORT", "SUBMITTED", "SCORED", "PUBLICITY"];

export const EVALUATION_TONES = {
  AWAITING_REPORT: "neutral",
  SUBMITTED: "info",
  SCORED: "brand",
  PUBLICITY: "warning",
  FINAL: "success",
  CANCELLED: "neutral",
} as const satisfies Record<EvaluationState, BadgeTone>;

/** What staff decide after a mid-term 不合格 (#14 item 5). */
export const FAIL_DECISIONS = ["RECTIFY", "STOP_PAYMENTS", "TERMINATE"] as const;
export type FailDecision = (typeof FAIL_DECISIONS)[number];
export const FAIL_DECISION_LABELS: Record<FailDecision, string> = {
  RECTIFY: "限期整改后重新评估",
  STOP_PAYMENTS: "停止拨付",
  TERMINATE: "终止项目",
};
