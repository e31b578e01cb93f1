// Chinese names for the states audit events record. Workflow transitions are
// logged as "<workflow>.transition", so the workflow's own labels apply.
import { grantApplicationWorkflow } from "~/modules/grants/application-workflow";
import { callWorkflow } from "~/modules/grants/call-workflow";
import { objectionWorkflow } from "~/modules/grants/objection-workflow";
import { reviewRoundWorkflow } from "~/modules/grants/review-round-workflow";
import { incubationWorkflow } from "~/modules/incubation/workflow";
import { inspectionWorkflow, rectificationWorkflow } from "~/modules/inspection/workflow";
import { registrationWorkflow } from "~/modules/registration/workflow";
import { organizationStatusWorkflow } from "~/modules/registry/status-workflow";
import { reviewAssignmentWorkflow } from "~/modules/review/assignment-workflow";
import { orderWorkflow } from "~/modules/showroom/order-workflow";
import { productWorkflow } from "~/modules/showroom/product-workflow";

const WORKFLOW_STATE_LABELS: Record<string, Record<string, string>> = {
  [registrationWorkflow.name]: registrationWorkflow.stateLabels,
  [incubationWorkflow.name]: incubationWorkflow.stateLabels,
  [inspectionWorkflow.name]: inspectionWorkflow.stateLabels,
  [rectificationWorkflow.name]: rectificationWorkflow.stateLabels,
  [callWorkflow.name]: callWorkflow.stateLabels,
  [grantApplicationWorkflow.name]: grantApplicationWorkflow.stateLabels,
  [reviewRoundWorkflow.name]: reviewRoundWorkflow.stateLabels,
  [objectionWorkflow.name]: objectionWorkflow.stateLabels,
  [reviewAssignmentWorkflow.name]: reviewAssignmentWorkflow.stateLabels,
  [productWorkflow.name]: productWorkflow.stateLabels,
  [orderWorkflow.name]: orderWorkflow.stateLabels,
  [organizationStatusWorkflow.name]: organizationStatusWorkflow.stateLabels,
};

const ACCOUNT_STATE_LABELS: Record<string, string> = {
  ACTIVE: "正常",
  DISABLED: "已停用",
  LOCKED: "已锁定",
  UNLOCKED: "已解锁",
};

/** The label of `state` in the context of `action`; unknown states are shown as stored. */
export function auditStateLabel(state: string, action?: string) {
  const workflow = action?.split(".")[0];
  return (workflow && WORKFLOW_STATE_LABELS[workflow]?.[state]) ?? ACCOUNT_STATE_LABELS[state] ?? state;
}

export function auditStateChange(from: string | null, to: string | null, action?: string) {
  if (!from && !to) return "—";
  return `${from ? auditStateLabel(from, action) : "—"} → ${to ? auditStateLabel(to, action) : "—"}`;
}
