import { defineWorkflow } from "~/modules/workflow/state-machine";

export const GRANT_PROJECT_STATES = [
  "AWAITING_SIGNATURE",
  "IN_DELIVERY",
  "RECTIFYING",
  "SUSPENDED",
  "TERMINATED",
  "WITHDRAWN",
  "CLOSED",
] as const;
export type GrantProjectState = (typeof GRANT_PROJECT_STATES)[number];

// A funded project (GrantProject.status), from the confirmed shortlist to 结项.
// Signing moves it into delivery; a mid-term 不合格 may send it to 整改 (RECTIFYING),
// stop its payments (SUSPENDED) or end it (TERMINATED); a final 不合格 ends it too (TERMINATED,
// by the system when the result becomes final: no last tranche, no closing, decision 026); an
// award never signed may be withdrawn; closing needs the checklist in the evaluation module.
export const grantProjectWorkflow = defineWorkflow<GrantProjectState>({
  name: "grant_project",
  stateLabels: {
    AWAITING_SIGNATURE: "待签约",
    IN_DELIVERY: "执行中",
    RECTIFYING: "整改中",
    SUSPENDED: "暂停拨付",
    TERMINATED: "已终止",
    WITHDRAWN: "已撤销资助",
    CLOSED: "已结项",
  },
  transitions: [
    { from: "AWAITING_SIGNATURE", to: "IN_DELIVERY", by: ["ADMIN"], label: "双方签订协议" },
    { from: "AWAITING_SIGNATURE", to: "WITHDRAWN", by: ["ADMIN"], label: "撤销资助", requiresReason: true },
    { from: "IN_DELIVERY", to: "RECTIFYING", by: ["ADMIN"], label: "责令整改", requiresReason: true },
    {
      from: "RECTIFYING",
      to: "IN_DELIVERY",
      by: ["ADMIN", "SYSTEM"],
      label: "整改合格，恢复执行",
      requiresReason: true,
    },
    { from: "IN_DELIVERY", to: "SUSPENDED", by: ["ADMIN"], label: "暂停拨付", requiresReason: true },
    { from: "RECTIFYING", to: "SUSPENDED", by: ["ADMIN"], label: "暂停拨付", requiresReason: true },
    { from: "SUSPENDED", to: "IN_DELIVERY", by: ["ADMIN"], label: "恢复拨付", requiresReason: true },
    { from: "IN_DELIVERY", to: "TERMINATED", by: ["ADMIN", "SYSTEM"], label: "终止项目", requiresReason: true },
    { from: "RECTIFYING", to: "TERMINATED", by: ["ADMIN", "SYSTEM"], label: "终止项目", requiresReason: true },
    { from: "SUSPENDED", to: "TERMINATED", by: ["ADMIN", "SYSTEM"], label: "终止项目", requiresReason: true },
    { from: "IN_DELIVERY", to: "CLOSED", by: ["ADMIN"], label: "结项" },
  ],
});

/** Projects whose delivery is running (reports, expenses and monitoring are open). */
export const ACTIVE_PROJECT_STATES: GrantProjectState[] = ["IN_DELIVERY", "RECTIFYING", "SUSPENDED"];

export function projectStateLabel(status: string) {
  return grantProjectWorkflow.stateLabels[status as GrantProjectState] ?? status;
}
