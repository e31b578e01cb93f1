import { defineWorkflow } from "~/modules/workflow/state-machine";

export const REGISTRATION_STATES = ["DRAFT", "SUBMITTED", "ACCEPTED", "CORRECTION", "APPROVED", "REJECTED"] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

// 已提交 → 受理, with 补正 (possibly several rounds) → 准予登记 or 不予登记.
export const registrationWorkflow = defineWorkflow<RegistrationState>({
  name: "registration",
  stateLabels: {
    DRAFT: "草稿",
    SUBMITTED: "已提交",
    ACCEPTED: "已受理",
    CORRECTION: "待补正",
    APPROVED: "准予登记",
    REJECTED: "不予登记",
  },
  transitions: [
    { from: "DRAFT", to: "SUBMITTED", by: ["ORG_MEMBER"], label: "提交申请" },
    { from: "SUBMITTED", to: "ACCEPTED", by: ["ADMIN"], label: "受理" },
    { from: "SUBMITTED", to: "CORRECTION", by: ["ADMIN"], label: "退回补正", requiresReason: true },
    { from: "SUBMITTED", to: "REJECTED", by: ["ADMIN"], label: "不予登记", requiresReason: true },
    { from: "ACCEPTED", to: "CORRECTION", by: ["ADMIN"], label: "退回补正", requiresReason: true },
    { from: "ACCEPTED", to: "APPROVED", by: ["ADMIN"], label: "准予登记" },
    { from: "ACCEPTED", to: "REJECTED", by: ["ADMIN"], label: "不予登记", requiresReason: true },
    { from: "CORRECTION", to: "SUBMITTED", by: ["ORG_MEMBER"], label: "补正后重新提交" },
  ],
});

/** States in which the applicant may edit the form. */
export const EDITABLE_REGISTRATION_STATES: RegistrationState[] = ["DRAFT", "CORRECTION"];
