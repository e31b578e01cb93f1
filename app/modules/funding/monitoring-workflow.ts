import { defineWorkflow } from "~/modules/workflow/state-machine";

export const VISIT_STATES = ["OPEN", "REPLIED", "CLOSED"] as const;
export type VisitState = (typeof VISIT_STATES)[number];

// A monitoring visit (督导, GrantMonitoringVisit.status). Staff record it OPEN with
// findings and requested actions; the organization replies; staff close it, or ask
// again (back to OPEN with a reason) when the reply does not answer the actions.
export const visitWorkflow = defineWorkflow<VisitState>({
  name: "grant_visit",
  stateLabels: {
    OPEN: "待机构回复",
    REPLIED: "机构已回复",
    CLOSED: "已关闭",
  },
  transitions: [
    { from: "OPEN", to: "REPLIED", by: ["ORG_MEMBER"], label: "回复督导意见" },
    { from: "REPLIED", to: "OPEN", by: ["ADMIN"], label: "要求补充回复", requiresReason: true },
    { from: "REPLIED", to: "CLOSED", by: ["ADMIN"], label: "关闭督导" },
    { from: "OPEN", to: "CLOSED", by: ["ADMIN"], label: "关闭督导", requiresReason: true },
  ],
});

export function visitStateLabel(status: string) {
  return visitWorkflow.stateLabels[status as VisitState] ?? status;
}
