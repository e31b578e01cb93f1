import { defineWorkflow } from "~/modules/workflow/state-machine";

export const TRANCHE_STATES = ["PLANNED", "PAYABLE", "WITHHELD", "PAID", "STOPPED"] as const;
export type TrancheState = (typeof TRANCHE_STATES)[number];

// One tranche (GrantTranche.status). PLANNED until its gate is met (tranches.ts
// `gateMet`): signing meets the SIGNING gate; the evaluation module's results meet
// MIDTERM_PASS and FINAL_EVALUATION (through meetTrancheGates, never by hand without
// a reason). Staff then record the payment, or withhold / stop it with a reason.
export const trancheWorkflow = defineWorkflow<TrancheState>({
  name: "grant_tranche",
  stateLabels: {
    PLANNED: "待达成拨付条件",
    PAYABLE: "待拨付",
    WITHHELD: "暂缓拨付",
    PAID: "已拨付",
    STOPPED: "停止拨付",
  },
  transitions: [
    { from: "PLANNED", to: "PAYABLE", by: ["ADMIN", "SYSTEM"], label: "拨付条件已达成", requiresReason: true },
    { from: "PAYABLE", to: "PAID", by: ["ADMIN"], label: "登记拨付" },
    { from: "PAYABLE", to: "WITHHELD", by: ["ADMIN"], label: "暂缓拨付", requiresReason: true },
    { from: "WITHHELD", to: "PAYABLE", by: ["ADMIN"], label: "恢复拨付", requiresReason: true },
    { from: "PLANNED", to: "STOPPED", by: ["ADMIN", "SYSTEM"], label: "停止拨付", requiresReason: true },
    { from: "PAYABLE", to: "STOPPED", by: ["ADMIN", "SYSTEM"], label: "停止拨付", requiresReason: true },
    { from: "WITHHELD", to: "STOPPED", by: ["ADMIN", "SYSTEM"], label: "停止拨付", requiresReason: true },
  ],
});

export function trancheStateLabel(status: string) {
  return trancheWorkflow.stateLabels[status as TrancheState] ?? status;
}
