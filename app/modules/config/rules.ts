// The rule numbers from the domain guide (docs/DOMAIN.md). They differ by city and change over time,
// so they live in the RuleParameter table with an effective date; the values
// here are only the seeded defaults and the description of each key.

import { FUNDING_RULES } from "./funding-rules";
import { DIRECTORY_RULES } from "./rules-directory";

export type RuleKind = "fen" | "int" | "stringList" | "monthDay" | "text";

/** The sections of the rules page, in order. */
export const RULE_GROUPS = ["登记", "孵化基地", "年检", "评估", "公益创投", "公益产品展销", "推荐性目录"] as const;

export type RuleDefinition = {
  group: (typeof RULE_GROUPS)[number];
  label: string;
  kind: RuleKind;
  defaultValue: number | string | string[];
  unit?: string;
};

export const RULES = {
  "registration.socialGroup.minIndividualMembers": {
    group: "登记",
    label: "社会团体个人会员最低人数",
    kind: "int",
    unit: "人",
    defaultValue: 50,
  },
  "registration.socialGroup.minUnitMembers": {
    group: "登记",
    label: "社会团体单位会员最低数量",
    kind: "int",
    unit: "个",
    defaultValue: 30,
  },
  "registration.socialGroup.minMixedMembers": {
    group: "登记",
    label: "社会团体混合会员最低总数",
    kind: "int",
    unit: "个",
    defaultValue: 50,
  },
  "registration.socialGroup.minCapitalLocalFen": {
    group: "登记",
    label: "地方性社会团体活动资金下限",
    kind: "fen",
    defaultValue: 3_000_000,
  },
  "registration.socialGroup.minCapitalNationalFen": {
    group: "登记",
    label: "全国性社会团体活动资金下限",
    kind: "fen",
    defaultValue: 10_000_000,
  },
  "registration.foundation.minCapitalNationalPublicFen": {
    group: "登记",
    label: "全国性公募基金会原始基金下限",
    kind: "fen",
    defaultValue: 800_000_000,
  },
  "registration.foundation.minCapitalLocalPublicFen": {
    group: "登记",
    label: "地方性公募基金会原始基金下限",
    kind: "fen",
    defaultValue: 400_000_000,
  },
  "registration.foundation.minCapitalNonPublicFen": {
    group: "登记",
    label: "非公募基金会原始基金下限",
    kind: "fen",
    defaultValue: 200_000_000,
  },
  "registration.foundation.minDirectors": {
    group: "登记",
    label: "基金会理事最少人数",
    kind: "int",
    unit: "人",
    defaultValue: 5,
  },
  "registration.foundation.maxDirectors": {
    group: "登记",
    label: "基金会理事最多人数",
    kind: "int",
    unit: "人",
    defaultValue: 25,
  },
  "registration.localNameForbiddenWords": {
    group: "登记",
    label: "地方性组织名称不得使用的字样",
    kind: "stringList",
    defaultValue: ["中国", "全国", "中华"],
  },
  "registration.directCategories": {
    group: "登记",
    label: "可直接登记（无需业务主管单位）的类别",
    kind: "stringList",
    defaultValue: ["行业协会商会", "科技类", "公益慈善类", "城乡社区服务类"],
  },
  "registration.reviewDays": {
    group: "登记",
    label: "登记申请办理时限",
    kind: "int",
    unit: "日",
    defaultValue: 60,
  },
  "registration.areaCode": {
    group: "登记",
    label: "本登记管理机关行政区划代码",
    kind: "stringList",
    defaultValue: ["320115"],
  },
  "incubation.firstCheckWorkingDays": {
    group: "孵化基地",
    label: "入驻申请初审时限",
    kind: "int",
    unit: "个工作日",
    defaultValue: 5,
  },
  "incubation.termMonths": {
    group: "孵化基地",
    label: "默认孵化期",
    kind: "int",
    unit: "个月",
    defaultValue: 24,
  },
  "incubation.handoverWorkingDays": {
    group: "孵化基地",
    label: "退驻后交还场地时限",
    kind: "int",
    unit: "个工作日",
    defaultValue: 15,
  },
  "incubation.exclusionLookbackYears": {
    group: "孵化基地",
    label: "年检不合格或未参检的追溯年数",
    kind: "int",
    unit: "年",
    defaultValue: 2,
  },
  "inspection.deadline": {
    group: "年检",
    label: "社会团体、社会服务机构年检截止日（次年）",
    kind: "monthDay",
    defaultValue: "05-31",
  },
  "inspection.foundationDeadline": {
    group: "年检",
    label: "基金会年检截止日（次年）",
    kind: "monthDay",
    defaultValue: "03-31",
  },
  "inspection.exemptMonths": {
    group: "年检",
    label: "登记不满多少个月（至12月31日）免于当年年检",
    kind: "int",
    unit: "个月",
    defaultValue: 6,
  },
  "inspection.simplifiedMinGrade": {
    group: "年检",
    label: "可适用简化年检的最低评估等级（0 表示不适用）",
    kind: "int",
    unit: "A",
    defaultValue: 4,
  },
  "inspection.rectificationDays": {
    group: "年检",
    label: "整改期限",
    kind: "int",
    unit: "日",
    defaultValue: 90,
  },
  "rating.band5Min": {
    group: "评估",
    label: "5A 等级最低分（千分制）",
    kind: "int",
    unit: "分",
    defaultValue: 900,
  },
  "rating.band4Min": {
    group: "评估",
    label: "4A 等级最低分",
    kind: "int",
    unit: "分",
    defaultValue: 800,
  },
  "rating.band3Min": {
    group: "评估",
    label: "3A 等级最低分",
    kind: "int",
    unit: "分",
    defaultValue: 700,
  },
  "rating.band2Min": {
    group: "评估",
    label: "2A 等级最低分",
    kind: "int",
    unit: "分",
    defaultValue: 600,
  },
  "rating.band1Min": {
    group: "评估",
    label: "1A 等级最低分（低于此分不定级）",
    kind: "int",
    unit: "分",
    defaultValue: 500,
  },
  "rating.reviewersPerApplication": {
    group: "评估",
    label: "每份评估申请的评估专家人数",
    kind: "int",
    unit: "人",
    defaultValue: 3,
  },
  "rating.reviewDays": {
    group: "评估",
    label: "申报截止后专家评估期限",
    kind: "int",
    unit: "日",
    defaultValue: 30,
  },
  "rating.publicityDays": {
    group: "评估",
    label: "评估结果公示期",
    kind: "int",
    unit: "日",
    defaultValue: 7,
  },
  "rating.committeeMembers": {
    group: "评估",
    label: "评估委员会委员人数",
    kind: "int",
    unit: "人",
    defaultValue: 7,
  },
  "rating.minRegisteredYears": {
    group: "评估",
    label: "申请评估须登记满",
    kind: "int",
    unit: "年",
    defaultValue: 2,
  },
  "rating.downgradeWaitYears": {
    group: "评估",
    label: "被降级的组织再次申请评估须间隔",
    kind: "int",
    unit: "年",
    defaultValue: 2,
  },
  "rating.cancelWaitYears": {
    group: "评估",
    label: "被取消等级的组织再次申请评估须间隔",
    kind: "int",
    unit: "年",
    defaultValue: 3,
  },
  "rating.reRatingWithinYears": {
    group: "评估",
    label: "（2026 年办法）等级有效期内可申请重新评估的前",
    kind: "int",
    unit: "年",
    defaultValue: 4,
  },
  "rating.certificateReturnDays": {
    group: "评估",
    label: "降级或取消等级后退回证书和牌匾的期限",
    kind: "int",
    unit: "日",
    defaultValue: 15,
  },
  "rating.reviewDecisionDays": {
    group: "评估",
    label: "复核申请的答复期限",
    kind: "int",
    unit: "日",
    defaultValue: 15,
  },
  "rating.followUpMinGrade": {
    group: "评估",
    label: "跟踪评估抽查的最低等级",
    kind: "int",
    unit: "A",
    defaultValue: 4,
  },
  // How a buyer pays an offline order (#19 item 2): shown on the order page, in the lookup and at checkout.
  "showroom.bankTransfer.payeeName": {
    group: "公益产品展销",
    label: "银行转账收款户名",
    kind: "text",
    defaultValue: "南京市江宁区社会组织服务中心",
  },
  "showroom.bankTransfer.bank": {
    group: "公益产品展销",
    label: "银行转账开户银行",
    kind: "text",
    defaultValue: "中国银行南京江宁支行",
  },
  "showroom.bankTransfer.accountNumber": {
    group: "公益产品展销",
    label: "银行转账收款账号",
    kind: "text",
    defaultValue: "5050 6612 3456 7890",
  },
  "showroom.bankTransfer.expiryHours": {
    group: "公益产品展销",
    label: "银行转账订单付款期限",
    kind: "int",
    unit: "小时",
    defaultValue: 72,
  },
  "showroom.counter.address": {
    group: "公益产品展销",
    label: "柜台付款地址",
    kind: "text",
    defaultValue: "南京市江宁区东山街道上元大街 500 号 区社会组织服务中心一楼公益产品展销厅",
  },
  "showroom.counter.hours": {
    group: "公益产品展销",
    label: "柜台营业时间",
    kind: "text",
    defaultValue: "周一至周五 9:00–17:00（法定节假日除外）",
  },
  "showroom.counter.expiryHours": {
    group: "公益产品展销",
    label: "柜台付款订单付款期限",
    kind: "int",
    unit: "小时",
    defaultValue: 48,
  },
  ...FUNDING_RULES,
  ...DIRECTORY_RULES,
} as const satisfies Record<string, RuleDefinition>;

export type RuleKey = keyof typeof RULES;
export const RULE_KEYS = Object.keys(RULES) as RuleKey[];

type ValueOf<K extends RuleKey> = (typeof RULES)[K]["kind"] extends "stringList"
  ? string[]
  : (typeof RULES)[K]["kind"] extends "monthDay" | "text"
    ? string
    : number;

export type RuleValues = { [K in RuleKey]: ValueOf<K> };

export type RuleRow = { key: string; value: string; effectiveFrom: Date };

/** The values in force at `at`: the latest row per key that has taken effect, else the default. */
export function valuesInForce(rows: RuleRow[], at: Date): RuleValues {
  const chosen = new Map<string, RuleRow>();
  for (const row of rows) {
    if (row.effectiveFrom.getTime() > at.getTime()) continue;
    const current = chosen.get(row.key);
    if (!current || current.effectiveFrom < row.effectiveFrom) chosen.set(row.key, row);
  }
  const values = {} as Record<string, unknown>;
  for (const key of RULE_KEYS) {
    const row = chosen.get(key);
    values[key] = row ? JSON.parse(row.value) : RULES[key].defaultValue;
  }
  return values as RuleValues;
}

/** Parses what an administrator typed for a rule; null when it does not fit the kind. */
export function parseRuleInput(key: RuleKey, input: string): number | string | string[] | null {
  const kind: RuleKind = RULES[key].kind;
  const text = input.trim();
  if (kind === "int") return /^\d{1,9}$/.test(text) ? Number(text) : null;
  if (kind === "fen") {
    const cleaned = text.replace(/[,，\s¥￥]/g, "");
    if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
    const [whole, frac = ""] = cleaned.split(".");
    return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  }
  if (kind === "monthDay") {
    const m = /^(\d{1,2})-(\d{1,2})$/.exec(text);
    if (!m) return null;
    const month = Number(m[1]);
    const day = Number(m[2]);
    const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    if (!days || day < 1 || day > days) return null;
    return `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }
  if (kind === "text") return text.length > 0 && text.length <= 200 ? text : null;
  const list = text
    .split(/[,，、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length > 0 ? list : null;
}
