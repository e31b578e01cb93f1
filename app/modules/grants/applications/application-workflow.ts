import { defineWorkflow } from "~/modules/workflow/state-machine";

export const GRANT_APPLICATION_STATES = [
  "DRAFT",
  "SUBMITTED",
  "CORRECTION",
  "SCREEN_PASSED",
  "SCREEN_FAILED",
  "SHORTLISTED",
  "NOT_FUNDED",
  "FUNDED",
  "AWARD_WITHDRAWN",
  "IN_PROGRESS",
  "COMPLETED",
  "TERMINATED",
] as const;
export type GrantApplicationState = (typeof GRANT_APPLICATION_STATES)[number];

// The whole life of a project application. Screening (资格审查) ends at
// SCREEN_PASSED / SCREEN_FAILED; review, allocation, publicity, agreement and
// evaluation move it on from there.
export const grantApplicationWorkflow = defineWorkflow<GrantApplicationState>({
  name: "grant_application",
  stateLabels: {
    DRAFT: "草稿",
    SUBMITTED: "已提交",
    CORRECTION: "退回补正",
    SCREEN_PASSED: "初审通过",
    SCREEN_FAILED: "初审不通过",
    SHORTLISTED: "拟入围",
    NOT_FUNDED: "未获资助",
    FUNDED: "已立项",
    AWARD_WITHDRAWN: "已撤销资助",
    IN_PROGRESS: "执行中",
    COMPLETED: "已结项",
    TERMINATED: "已终止",
  },
  transitions: [
    { from: "DRAFT", to: "SUBMITTED", by: ["ORG_MEMBER"], label: "提交申报" },
    { from: "CORRECTION", to: "SUBMITTED", by: ["ORG_MEMBER"], label: "补正后重新提交" },
    { from: "SUBMITTED", to: "SCREEN_PASSED", by: ["ADMIN"], label: "初审通过" },
    { from: "SUBMITTED", to: "CORRECTION", by: ["ADMIN"], label: "退回补正", requiresReason: true },
    { from: "SUBMITTED", to: "SCREEN_FAILED", by: ["ADMIN"], label: "初审不通过", requiresReason: true },
    { from: "SCREEN_PASSED", to: "SHORTLISTED", by: ["ADMIN"], label: "列入拟入围名单" },
    { from: "SCREEN_PASSED", to: "NOT_FUNDED", by: ["ADMIN"], label: "未获资助", requiresReason: true },
    { from: "SHORTLISTED", to: "NOT_FUNDED", by: ["ADMIN"], label: "移出拟入围名单", requiresReason: true },
    { from: "SHORTLISTED", to: "FUNDED", by: ["ADMIN"], label: "确认立项" },
    { from: "FUNDED", to: "IN_PROGRESS", by: ["ADMIN"], label: "签订协议" },
    // Always taken together with the project's 撤销资助, which requires the reason (funding/withdraw-award.server.ts).
    { from: "FUNDED", to: "AWARD_WITHDRAWN", by: ["ADMIN"], label: "撤销资助" },
    { from: "IN_PROGRESS", to: "COMPLETED", by: ["ADMIN"], label: "结项" },
    { from: "IN_PROGRESS", to: "TERMINATED", by: ["ADMIN", "SYSTEM"], label: "终止项目", requiresReason: true },
  ],
});

/** States in which the applicant may still edit the form. */
export const EDITABLE_GRANT_STATES: GrantApplicationState[] = ["DRAFT", "CORRECTION"];

export function stateOf(status: string): GrantApplicationState {
  if (!grantApplicationWorkflow.isState(status)) throw new Error(`Unknown grant application state ${status}`);
  return status;
}

export function grantStateLabel(status: string) {
  return grantApplicationWorkflow.stateLabels[status as GrantApplicationState] ?? status;
}
