// 信用信息: credit records kept on an organization and shown publicly.
export const CREDIT_KINDS = ["ADMIN_PENALTY", "ABNORMAL_LIST", "FALSE_MATERIALS"] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];

export const CREDIT_KIND_LABELS: Record<CreditKind, string> = {
  ADMIN_PENALTY: "行政处罚",
  ABNORMAL_LIST: "列入活动异常名录",
  FALSE_MATERIALS: "提供虚假材料",
};

export function creditKindLabel(kind: string) {
  return CREDIT_KIND_LABELS[kind as CreditKind] ?? kind;
}

/** Only an abnormal-list entry can end (移出异常名录). */
export function canEndCreditRecord(record: { kind: string; endedAt: Date | string | null }) {
  return record.kind === "ABNORMAL_LIST" && record.endedAt == null;
}
