// Display vocabulary for the inspection screens. Pure.
import { CONCLUSION_LABELS, inspectionWorkflow, rectificationWorkflow } from "./workflow";

export const SUPERVISOR_OPINIONS = ["拟合格", "拟基本合格", "拟不合格"] as const;
export type SupervisorOpinion = (typeof SUPERVISOR_OPINIONS)[number];

export const ROUND_STATUS_LABELS: Record<string, string> = { OPEN: "填报中", CLOSED: "填报已截止" };

export function reportStatusLabel(status: string) {
  return inspectionWorkflow.isState(status) ? inspectionWorkflow.stateLabels[status] : status;
}

export function rectificationStatusLabel(status: string) {
  return rectificationWorkflow.isState(status) ? rectificationWorkflow.stateLabels[status] : status;
}

export function conclusionLabel(conclusion: string | null | undefined) {
  if (!conclusion) return "—";
  return CONCLUSION_LABELS[conclusion as keyof typeof CONCLUSION_LABELS] ?? conclusion;
}

/** Statuses in which the organization can still edit its report. */
export const EDITABLE_STATUSES = ["PENDING", "DRAFT", "RETURNED"] as const;
/** Statuses that 标记未参检 turns into MISSED. */
export const UNFILED_STATUSES = ["PENDING", "DRAFT", "RETURNED"] as const;
/** Rectifications the organization still owes. */
export const OPEN_RECTIFICATION_STATUSES = ["OPEN", "RETURNED"] as const;
