import { defineWorkflow } from "~/modules/workflow/state-machine";

export const REPORT_STATES = ["SCHEDULED", "DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED"] as const;
export type ReportState = (typeof REPORT_STATES)[number];

// A progress report (GrantProgressReport.status). Scheduled at countersign
// (reports.server.ts scheduleReports); the organization saves drafts and submits;
// staff accept it or return it with comments, and a returned report is resubmitted.
// Saving a draft of a returned report keeps it RETURNED (the comments stay in view).
export const reportWorkflow = defineWorkflow<ReportState>({
  name: "grant_report",
  stateLabels: {
    SCHEDULED: "待填报",
    DRAFT: "草稿",
    SUBMITTED: "待审核",
    RETURNED: "已退回修改",
    ACCEPTED: "已通过",
  },
  transitions: [
    { from: "SCHEDULED", to: "DRAFT", by: ["ORG_MEMBER"], label: "保存草稿" },
    { from: "SCHEDULED", to: "SUBMITTED", by: ["ORG_MEMBER"], label: "提交报告" },
    { from: "DRAFT", to: "SUBMITTED", by: ["ORG_MEMBER"], label: "提交报告" },
    { from: "RETURNED", to: "SUBMITTED", by: ["ORG_MEMBER"], label: "重新提交报告" },
    { from: "SUBMITTED", to: "ACCEPTED", by: ["ADMIN"], label: "通过报告" },
    { from: "SUBMITTED", to: "RETURNED", by: ["ADMIN"], label: "退回修改", requiresReason: true },
  ],
});

/** Reports the organization still has to file (or file again). */
export const OPEN_REPORT_STATES: ReportState[] = ["SCHEDULED", "DRAFT", "RETURNED"];
/** States in which the organization may edit the report. */
export const EDITABLE_REPORT_STATES: ReportState[] = ["SCHEDULED", "DRAFT", "RETURNED"];

export function reportStateLabel(status: string) {
  return reportWorkflow.stateLabels[status as ReportState] ?? status;
}
