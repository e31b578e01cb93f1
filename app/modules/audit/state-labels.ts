// Chinese names for the states audit events record. Workflow transitions are
// logged as "<workflow>.transition" (or the action their table names, such as
// "user.disable"), so the workflow's own labels apply; they
// come from the workflow registry (filled by app/modules/workflows.ts), so this
// file depends on no area.
import { workflowStateLabel } from "~/modules/workflow/registry";

// Account events written outside a workflow table (signup, the lock after wrong passwords).
const ACCOUNT_STATE_LABELS: Record<string, string> = {
  ACTIVE: "正常",
  DISABLED: "已停用",
  LOCKED: "已锁定",
  UNLOCKED: "已解锁",
};

/** The label of `state` in the context of `action`; unknown states are shown as stored. */
export function auditStateLabel(state: string, action?: string) {
  return (action && workflowStateLabel(action, state)) ?? ACCOUNT_STATE_LABELS[state] ?? state;
}

export function auditStateChange(from: string | null, to: string | null, action?: string) {
  if (!from && !to) return "—";
  return `${from ? auditStateLabel(from, action) : "—"} → ${to ? auditStateLabel(to, action) : "—"}`;
}
