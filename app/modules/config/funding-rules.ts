// The 公益创投 (funded projects) group of the rule numbers, kept apart from rules.ts so
// each area's rules stay in a file of their own size. Spread into RULES there.
import type { RuleDefinition } from "./rules";

export const FUNDING_RULES = {
  // Budget changes are banded by the largest share of one line they move (#13 item 7):
  // up to the first number → recorded with notice; up to the second → staff approval;
  // above it → approval and a reason.
  "funding.budgetChange.noticeMaxPct": {
    group: "公益创投",
    label: "预算调整备案即可的最大调整幅度（单个科目）",
    kind: "int",
    unit: "%",
    defaultValue: 5,
  },
  "funding.budgetChange.approvalMaxPct": {
    group: "公益创投",
    label: "预算调整须审批（无须说明理由）的最大调整幅度，超过须审批并说明理由",
    kind: "int",
    unit: "%",
    defaultValue: 10,
  },
  // A terminated project or a final 不合格 bars the organization from venture calls (#14 item 7).
  "funding.banYears": {
    group: "公益创投",
    label: "项目被终止或终期评估不合格后暂停申报公益创投的年限",
    kind: "int",
    unit: "年",
    defaultValue: 3,
  },
} as const satisfies Record<string, RuleDefinition>;
