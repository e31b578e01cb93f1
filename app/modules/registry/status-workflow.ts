// 注销 and 撤销: the moves of a registered organization out of the register.
import { defineWorkflow } from "~/modules/workflow/state-machine";

export const ORGANIZATION_STATES = ["PREPARING", "REGISTERED", "DEREGISTERED", "REVOKED"] as const;
export type OrganizationState = (typeof ORGANIZATION_STATES)[number];

export const organizationStatusWorkflow = defineWorkflow<OrganizationState>({
  name: "organization",
  stateLabels: {
    PREPARING: "筹备中（未登记）",
    REGISTERED: "正常",
    DEREGISTERED: "已注销",
    REVOKED: "已撤销",
  },
  transitions: [
    { from: "REGISTERED", to: "DEREGISTERED", by: ["ADMIN"], label: "注销登记", requiresReason: true },
    { from: "REGISTERED", to: "REVOKED", by: ["ADMIN"], label: "撤销登记", requiresReason: true },
  ],
});

/** The OrganizationChange kind written with each move. */
export const STATUS_CHANGE_KINDS = { DEREGISTERED: "DEREGISTER", REVOKED: "REVOKE" } as const;
export type StatusTarget = keyof typeof STATUS_CHANGE_KINDS;
