import { defineWorkflow } from "~/modules/workflow/state-machine";

export const AGREEMENT_STATES = [
  "DRAFT",
  "AWAITING_ORG",
  "AWAITING_BUREAU",
  "SIGNED",
  "SUPERSEDED",
  "CANCELLED",
] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

export const AGREEMENT_KINDS = ["ORIGINAL", "EXTENSION", "BUDGET_REVISION", "LEAD_CHANGE"] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const AGREEMENT_KIND_LABELS: Record<AgreementKind, string> = {
  ORIGINAL: "资助协议",
  EXTENSION: "补充协议（不增加资金延期）",
  BUDGET_REVISION: "补充协议（预算调整）",
  LEAD_CHANGE: "补充协议（项目负责人变更）",
};

// One version of the 资助协议 (GrantAgreement.status). Staff prepare the draft and
// issue it (the text is frozen with its SHA-256); the organization signs, then the
// bureau countersigns. Staff may recall an issued version to correct it (the
// signatures so far are void because the text changes). An amendment is a new
// version; when it is signed the version before it is superseded. A version that
// is never signed is cancelled with a reason (a withdrawn award, a dropped amendment).
export const agreementWorkflow = defineWorkflow<AgreementState>({
  name: "grant_agreement",
  stateLabels: {
    DRAFT: "待出具",
    AWAITING_ORG: "待机构签署",
    AWAITING_BUREAU: "待民政局会签",
    SIGNED: "已生效",
    SUPERSEDED: "已被新版本替代",
    CANCELLED: "已作废",
  },
  transitions: [
    { from: "DRAFT", to: "AWAITING_ORG", by: ["ADMIN"], label: "出具协议" },
    { from: "AWAITING_ORG", to: "AWAITING_BUREAU", by: ["ORG_MEMBER"], label: "机构签署" },
    { from: "AWAITING_BUREAU", to: "SIGNED", by: ["ADMIN"], label: "民政局会签" },
    { from: "AWAITING_ORG", to: "DRAFT", by: ["ADMIN"], label: "撤回修改", requiresReason: true },
    { from: "AWAITING_BUREAU", to: "DRAFT", by: ["ADMIN"], label: "撤回修改", requiresReason: true },
    { from: "SIGNED", to: "SUPERSEDED", by: ["ADMIN"], label: "由新版本替代" },
    { from: "DRAFT", to: "CANCELLED", by: ["ADMIN"], label: "作废", requiresReason: true },
    { from: "AWAITING_ORG", to: "CANCELLED", by: ["ADMIN"], label: "作废", requiresReason: true },
    { from: "AWAITING_BUREAU", to: "CANCELLED", by: ["ADMIN"], label: "作废", requiresReason: true },
  ],
});

/** Versions still being prepared or signed: at most one per project at a time. */
export const OPEN_AGREEMENT_STATES: AgreementState[] = ["DRAFT", "AWAITING_ORG", "AWAITING_BUREAU"];

export function agreementStateLabel(status: string) {
  return agreementWorkflow.stateLabels[status as AgreementState] ?? status;
}

export function agreementKindLabel(kind: string) {
  return AGREEMENT_KIND_LABELS[kind as AgreementKind] ?? kind;
}
