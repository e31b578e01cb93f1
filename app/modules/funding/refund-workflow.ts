import { defineWorkflow } from "~/modules/workflow/state-machine";

export const REFUND_STATES = ["OUTSTANDING", "RECEIVED", "WAIVED"] as const;
export type RefundState = (typeof REFUND_STATES)[number];

/** GrantRefund's audit entity type. */
export const GRANT_REFUND_ENTITY = "GrantRefund";

// Money owed back by a project (GrantRefund.status). Staff record each receipt
// (part payments stay OUTSTANDING); the receipt of the last 分 settles it. A sum
// that will not come back may be written off only with a reason.
export const refundWorkflow = defineWorkflow<RefundState>({
  name: "grant_refund",
  stateLabels: { OUTSTANDING: "待退回", RECEIVED: "已退回", WAIVED: "已核销" },
  transitions: [
    { from: "OUTSTANDING", to: "RECEIVED", by: ["ADMIN"], label: "款项已全部退回" },
    { from: "OUTSTANDING", to: "WAIVED", by: ["ADMIN"], label: "核销", requiresReason: true },
  ],
});

export function refundStateLabel(status: string) {
  return refundWorkflow.stateLabels[status as RefundState] ?? status;
}
