// The workflow tables of what happens to a grade after it is announced: a grade
// action (降级 / 取消等级, proposed then confirmed or dismissed), the return of a
// certificate, and a 跟踪评估 / 核查评估 check. Pure.
import { defineWorkflow } from "~/modules/workflow/state-machine";

export const GRADE_ACTION_STATES = ["PROPOSED", "CONFIRMED", "DISMISSED"] as const;
export type GradeActionState = (typeof GRADE_ACTION_STATES)[number];

export const gradeActionWorkflow = defineWorkflow<GradeActionState>({
  name: "ratingGradeAction",
  stateLabels: { PROPOSED: "待确认", CONFIRMED: "已确认", DISMISSED: "不予处理" },
  transitions: [
    { from: "PROPOSED", to: "CONFIRMED", by: ["ADMIN"], label: "确认降级或取消等级", requiresReason: true },
    { from: "PROPOSED", to: "DISMISSED", by: ["ADMIN"], label: "不予处理", requiresReason: true },
  ],
});

export const CERTIFICATE_STATES = ["VALID", "RETURN_DUE", "RETURNED"] as const;
export type CertificateState = (typeof CERTIFICATE_STATES)[number];

export const certificateWorkflow = defineWorkflow<CertificateState>({
  name: "ratingCertificate",
  stateLabels: { VALID: "有效", RETURN_DUE: "待退回", RETURNED: "已退回" },
  transitions: [
    { from: "VALID", to: "RETURN_DUE", by: ["ADMIN"], label: "责令退回证书和牌匾", requiresReason: true },
    { from: "RETURN_DUE", to: "RETURNED", by: ["ADMIN"], label: "评估证书和牌匾已退回" },
  ],
});

export const CHECK_STATES = ["OPEN", "KEPT", "CHANGED"] as const;
export type CheckState = (typeof CHECK_STATES)[number];

export const checkWorkflow = defineWorkflow<CheckState>({
  name: "ratingCheck",
  stateLabels: { OPEN: "评估中", KEPT: "维持等级", CHANGED: "调整等级" },
  transitions: [
    { from: "OPEN", to: "KEPT", by: ["ADMIN"], label: "维持等级", requiresReason: true },
    { from: "OPEN", to: "CHANGED", by: ["ADMIN"], label: "调整等级", requiresReason: true },
  ],
});
