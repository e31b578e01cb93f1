import type { BadgeTone } from "~/components/status-badge";
import { defineWorkflow } from "~/modules/workflow/state-machine";

export const VISIT_STATES = ["PLANNED", "OPEN", "REPLIED", "CLOSED", "CANCELLED"] as const;
export type VisitState = (typeof VISIT_STATES)[number];

// A monitoring visit (督导, GrantMonitoringVisit.status). Staff plan it (the organization
// is told the date and what will be looked at), then record it with findings and the
// actions requested by a due date: OPEN. A visit nobody planned is recorded straight
// away (created OPEN). The organization replies; staff close it, or ask again (back to
// OPEN with a reason and a new due date) when the reply does not answer the actions.
export const visitWorkflow = defineWorkflow<VisitState>({
  name: "grant_visit",
  stateLabels: {
    PLANNED: "已安排",
    OPEN: "待机构回复",
    REPLIED: "机构已回复",
    CLOSED: "已关闭",
    CANCELLED: "已取消",
  },
  transitions: [
    { from: "PLANNED", to: "OPEN", by: ["ADMIN"], label: "记录督导结果" },
    { from: "PLANNED", to: "CANCELLED", by: ["ADMIN"], label: "取消督导", requiresReason: true },
    { from: "OPEN", to: "REPLIED", by: ["ORG_MEMBER"], label: "回复督导意见" },
    { from: "REPLIED", to: "OPEN", by: ["ADMIN"], label: "要求补充回复", requiresReason: true },
    { from: "REPLIED", to: "CLOSED", by: ["ADMIN"], label: "关闭督导" },
    { from: "OPEN", to: "CLOSED", by: ["ADMIN"], label: "关闭督导", requiresReason: true },
  ],
});

export const VISIT_TONES: Partial<Record<VisitState, BadgeTone>> = {
  PLANNED: "info",
  OPEN: "warning",
  REPLIED: "info",
  CLOSED: "success",
  CANCELLED: "neutral",
};

export function visitStateLabel(status: string) {
  return visitWorkflow.stateLabels[status as VisitState] ?? status;
}
