import { defineWorkflow } from "~/modules/workflow/state-machine";

export const INCUBATION_STATES = [
  "APPLIED",
  "FIRST_CHECK_PASSED",
  "ADMITTED",
  "IN_RESIDENCE",
  "GRADUATED",
  "EXITED",
  "REJECTED",
] as const;
export type IncubationState = (typeof INCUBATION_STATES)[number];

// Apply → first check (5 working days) → review → entry agreement → in
// residence → exit review: 出壳 (graduated), 续驻 (stays in residence with a
// new end date) or 退驻 (asked to leave).
export const incubationWorkflow = defineWorkflow<IncubationState>({
  name: "incubation",
  stateLabels: {
    APPLIED: "已申请",
    FIRST_CHECK_PASSED: "初审通过",
    ADMITTED: "评审通过（待签协议）",
    IN_RESIDENCE: "在孵",
    GRADUATED: "已出壳",
    EXITED: "已退驻",
    REJECTED: "未通过",
  },
  transitions: [
    { from: "APPLIED", to: "FIRST_CHECK_PASSED", by: ["ADMIN"], label: "初审通过" },
    { from: "APPLIED", to: "REJECTED", by: ["ADMIN"], label: "初审不通过", requiresReason: true },
    { from: "FIRST_CHECK_PASSED", to: "ADMITTED", by: ["ADMIN"], label: "评审通过" },
    { from: "FIRST_CHECK_PASSED", to: "REJECTED", by: ["ADMIN"], label: "评审不通过", requiresReason: true },
    { from: "ADMITTED", to: "IN_RESIDENCE", by: ["ADMIN"], label: "签订入驻协议" },
    { from: "IN_RESIDENCE", to: "GRADUATED", by: ["ADMIN"], label: "出壳", requiresReason: true },
    { from: "IN_RESIDENCE", to: "IN_RESIDENCE", by: ["ADMIN"], label: "续驻", requiresReason: true },
    { from: "IN_RESIDENCE", to: "EXITED", by: ["ADMIN"], label: "退驻", requiresReason: true },
  ],
});
