import type { BadgeTone } from "~/components/status-badge";
import { defineWorkflow } from "~/modules/workflow/state-machine";

export const ENTRY_STATES = ["SUBMITTED", "RETURNED", "REJECTED", "PASSED", "STRUCK", "LISTED", "REMOVED"] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

// An organization's place in one edition. An application is SUBMITTED and reviewed;
// 5A organizations and last year's entries start PASSED (on the proposed list).
// Publication lists every PASSED entry; a removal trigger (SYSTEM, from the write
// path that created the fact, or staff) removes a proposed or listed one.
export const entryWorkflow = defineWorkflow<EntryState>({
  name: "directory_entry",
  stateLabels: {
    SUBMITTED: "待审核",
    RETURNED: "退回补正",
    REJECTED: "不予列入",
    PASSED: "拟列入",
    STRUCK: "异议成立，不予列入",
    LISTED: "已列入目录",
    REMOVED: "已移出目录",
  },
  transitions: [
    { from: "SUBMITTED", to: "PASSED", by: ["ADMIN"], label: "审核通过" },
    { from: "SUBMITTED", to: "RETURNED", by: ["ADMIN"], label: "退回补正", requiresReason: true },
    { from: "SUBMITTED", to: "REJECTED", by: ["ADMIN"], label: "不予列入", requiresReason: true },
    { from: "RETURNED", to: "SUBMITTED", by: ["ORG_MEMBER"], label: "补正后重新提交" },
    { from: "PASSED", to: "STRUCK", by: ["ADMIN"], label: "公示异议成立", requiresReason: true },
    { from: "PASSED", to: "LISTED", by: ["ADMIN"], label: "列入目录" },
    { from: "PASSED", to: "REMOVED", by: ["SYSTEM", "ADMIN"], label: "移出名单", requiresReason: true },
    { from: "LISTED", to: "REMOVED", by: ["SYSTEM", "ADMIN"], label: "移出目录", requiresReason: true },
  ],
});

export const ENTRY_TONES = {
  SUBMITTED: "warning",
  RETURNED: "warning",
  REJECTED: "danger",
  PASSED: "info",
  STRUCK: "danger",
  LISTED: "success",
  REMOVED: "danger",
} as const satisfies Record<EntryState, BadgeTone>;

export const ENTRY_ROUTES = { APPLIED: "申报", AUTO_5A: "5A 自动列入", CARRY_OVER: "上年结转" } as const;
export type EntryRoute = keyof typeof ENTRY_ROUTES;
