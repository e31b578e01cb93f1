// The annual report (年度报告): its sections, the zod schemas for a draft and
// for submission, and the finance arithmetic. Pure, shared by server and browser.
// Money is typed in 元 and stored in the report's JSON as integer 分.
import { z } from "zod";
import { formatFen } from "~/utils/format";

export const INCOME_LINES = [
  ["incomeDonation", "捐赠收入"],
  ["incomeMembershipFee", "会费收入"],
  ["incomeService", "提供服务收入"],
  ["incomeGovernment", "政府补助收入"],
  ["incomeInvestment", "投资收益"],
  ["incomeOther", "其他收入"],
] as const;

export const EXPENSE_LINES = [
  ["expenseProgram", "业务活动成本"],
  ["expenseManagement", "管理费用"],
  ["expenseFundraising", "筹资费用"],
  ["expenseOther", "其他费用"],
] as const;

export const BALANCE_LINES = [
  ["assetsTotal", "资产合计"],
  ["liabilitiesTotal", "负债合计"],
  ["netAssetsTotal", "净资产合计"],
] as const;

/** Totals the system computes from their lines (#19 item 10): shown live, stored, never typed. */
export const TOTAL_LABELS = { incomeTotal: "收入合计", expenseTotal: "费用合计" } as const;
export type ComputedTotal = keyof typeof TOTAL_LABELS;

export const MONEY_FIELDS = [
  ...INCOME_LINES.map(([k]) => k),
  "incomeTotal",
  ...EXPENSE_LINES.map(([k]) => k),
  "expenseTotal",
  ...BALANCE_LINES.map(([k]) => k),
] as const;
export type MoneyField = (typeof MONEY_FIELDS)[number];

/** The money the organization types: every line and the balance sheet, not the computed totals. */
export const TYPED_MONEY_FIELDS = MONEY_FIELDS.filter(
  (field): field is Exclude<MoneyField, ComputedTotal> => !(field in TOTAL_LABELS),
);

export const MONEY_LABELS: Record<MoneyField, string> = {
  ...(Object.fromEntries([...INCOME_LINES, ...EXPENSE_LINES, ...BALANCE_LINES]) as Record<string, string>),
  ...TOTAL_LABELS,
} as Record<MoneyField, string>;

/** Only net assets may be negative (an organization can owe more than it owns). */
const SIGNED_FIELDS = new Set<string>(["netAssetsTotal"]);

export const PARTY_ORG_OPTIONS = [
  "已单独建立党组织",
  "已联合建立党组织",
  "未建立党组织，已选派党建工作指导员",
  "未建立党组织",
] as const;
export const CHARTER_OPTIONS = ["是", "否"] as const;

export const TEXT_LABELS = {
  activitiesSummary: "年度业务活动情况",
  charterCompliance: "是否按照章程规定的宗旨和业务范围开展活动",
  personnelChanges: "负责人、理事（会员）等人员变动情况",
  structureChanges: "内设机构、分支（代表）机构变动情况",
  partyOrgStatus: "党组织建立情况",
  partyActivities: "党建活动开展情况",
  rectificationReport: "整改情况报告",
} as const;

export const COUNT_LABELS = {
  memberCount: "会员数（个人和单位会员合计）",
  staffCount: "专职工作人员数",
  volunteerCount: "志愿者人数",
  partyMemberCount: "党员人数",
} as const;

export type SectionKey = "activities" | "changes" | "people" | "party" | "finance";

export type ReportSection = {
  key: SectionKey;
  title: string;
  /** Fields that must be filled for the section to be complete. */
  required: readonly string[];
  /** Whether the section is required in the simplified report too. */
  inSimplified: boolean;
};

export const REPORT_SECTIONS: readonly ReportSection[] = [
  {
    key: "activities",
    title: "一、业务活动情况",
    required: ["activitiesSummary", "charterCompliance"],
    inSimplified: true,
  },
  {
    key: "changes",
    title: "二、人员和机构变动情况",
    required: ["personnelChanges", "structureChanges"],
    inSimplified: false,
  },
  { key: "people", title: "三、会员和工作人员", required: ["memberCount", "staffCount"], inSimplified: false },
  { key: "party", title: "四、党建工作", required: ["partyOrgStatus", "partyMemberCount"], inSimplified: false },
  { key: "finance", title: "五、财务情况", required: [...MONEY_FIELDS], inSimplified: true },
];

/** What is kept in InspectionReport.data: text as strings, counts as numbers, money as 分. */
export type ReportData = Partial<Record<string, string | number>>;

export type FormOptions = {
  simplified: boolean;
  /** The organization has an open or returned rectification to report on with this report. */
  rectificationRequired: boolean;
};

/** "1,234.5" → 123450; "-20" → -2000 where negatives are allowed; null when not an amount. */
export function parseYuan(input: string, signed = false): number | null {
  let text = input.replace(/[,，\s¥￥]/g, "");
  let sign = 1;
  if (signed && text.startsWith("-")) {
    sign = -1;
    text = text.slice(1);
  }
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  const [whole, frac = ""] = text.split(".");
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  if (!Number.isSafeInteger(fen)) return null;
  return fen === 0 ? 0 : sign * fen;
}

/** 123450 → "1234.50", for refilling an input. */
export function fenToInput(fen: number | null | undefined) {
  if (fen == null) return "";
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

function moneySchema(field: MoneyField) {
  const label = MONEY_LABELS[field];
  const signed = SIGNED_FIELDS.has(field);
  return z
    .string({ required_error: `请填写${label}（没有请填 0）` })
    .refine((v) => parseYuan(v, signed) !== null, {
      message: signed ? `${label}请填写金额，如 1234.50 或 -200` : `${label}请填写金额，如 1234.50`,
    })
    .transform((v) => parseYuan(v, signed)!);
}

function countSchema(label: string) {
  return z
    .number({ required_error: `请填写${label}`, invalid_type_error: `${label}请填写整数` })
    .int(`${label}请填写整数`)
    .min(0, `${label}不能为负数`)
    .max(10_000_000, `${label}过大`);
}

function textSchema(label: string, max: number) {
  return z
    .string({ required_error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}最多 ${max} 个字`);
}

function fieldSchemas(requiredKeys: Set<string>, rectificationRequired: boolean) {
  const req = <T extends z.ZodTypeAny>(key: string, schema: T) => (requiredKeys.has(key) ? schema : schema.optional());
  const shape: Record<string, z.ZodTypeAny> = {
    activitiesSummary: req("activitiesSummary", textSchema(TEXT_LABELS.activitiesSummary, 5000)),
    charterCompliance: req(
      "charterCompliance",
      z.enum(CHARTER_OPTIONS, {
        required_error: "请选择是否按章程开展活动",
        invalid_type_error: "请选择是否按章程开展活动",
      }),
    ),
    personnelChanges: req("personnelChanges", textSchema(TEXT_LABELS.personnelChanges, 2000)),
    structureChanges: req("structureChanges", textSchema(TEXT_LABELS.structureChanges, 2000)),
    memberCount: req("memberCount", countSchema("会员数")),
    staffCount: req("staffCount", countSchema("专职工作人员数")),
    volunteerCount: countSchema("志愿者人数").optional(),
    partyOrgStatus: req(
      "partyOrgStatus",
      z.enum(PARTY_ORG_OPTIONS, { required_error: "请选择党组织建立情况", invalid_type_error: "请选择党组织建立情况" }),
    ),
    partyMemberCount: req("partyMemberCount", countSchema("党员人数")),
    partyActivities: textSchema(TEXT_LABELS.partyActivities, 2000).optional(),
    rectificationReport: rectificationRequired
      ? req("rectificationReport", textSchema(TEXT_LABELS.rectificationReport, 5000))
      : z.string().max(5000).optional(),
  };
  for (const field of TYPED_MONEY_FIELDS) shape[field] = req(field, moneySchema(field));
  return shape;
}

/** The fields that must be filled to submit. */
export function requiredFields(options: FormOptions) {
  const keys = new Set<string>();
  for (const section of REPORT_SECTIONS) {
    if (options.simplified && !section.inSimplified) continue;
    for (const key of section.required) keys.add(key);
  }
  if (options.rectificationRequired) keys.add("rectificationReport");
  return keys;
}

/** A draft: every field optional, but what is filled must be well-formed. */
export function draftSchema(options: FormOptions) {
  return z.object({ intent: z.literal("draft"), ...fieldSchemas(new Set(), options.rectificationRequired) });
}

/** Submission: the required sections complete and the finances adding up. */
export function submitSchema(options: FormOptions) {
  return z
    .object({ intent: z.literal("submit"), ...fieldSchemas(requiredFields(options), options.rectificationRequired) })
    .superRefine((value, ctx) => {
      const errors = checkFinance(withFinanceTotals(value as Partial<Record<MoneyField, number>>));
      for (const [path, message] of Object.entries(errors))
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    });
}

/** Picks the schema by the hidden/submit-button `intent` field. */
export function reportSchema(intent: unknown, options: FormOptions) {
  return intent === "submit" ? submitSchema(options) : draftSchema(options);
}

const sum = (values: Partial<Record<MoneyField, number>>, lines: readonly (readonly [MoneyField, string])[]) =>
  lines.reduce((acc, [key]) => acc + (values[key] ?? 0), 0);

export type FinanceTotal = {
  /** The sum of the lines filled so far. */
  fen: number;
  /** Every line of the group is filled: the total is final and is stored. */
  complete: boolean;
};

/**
 * 收入合计 and 费用合计 from their lines: the one computation behind the live
 * figures on the form and the totals stored with the report.
 */
export function financeTotals(values: Partial<Record<MoneyField, number>>): Record<ComputedTotal, FinanceTotal> {
  const total = (lines: readonly (readonly [MoneyField, string])[]) => ({
    fen: sum(values, lines),
    complete: lines.every(([key]) => values[key] != null),
  });
  return { incomeTotal: total(INCOME_LINES), expenseTotal: total(EXPENSE_LINES) };
}

/** The values with the computed totals set (a total only once all its lines are filled), typed ones ignored. */
export function withFinanceTotals<T extends Partial<Record<MoneyField, number>>>(values: T): T {
  const out: T = { ...values };
  for (const [key, total] of Object.entries(financeTotals(values)) as [ComputedTotal, FinanceTotal][]) {
    if (total.complete) out[key] = total.fen as T[ComputedTotal];
    else delete out[key];
  }
  return out;
}

/** What the organization has typed so far, as 分: lines that are not an amount yet count as not filled. */
export function typedMoney(formValue: Record<string, unknown> | undefined): Partial<Record<MoneyField, number>> {
  const out: Partial<Record<MoneyField, number>> = {};
  for (const field of TYPED_MONEY_FIELDS) {
    const raw = formValue?.[field];
    const fen = typeof raw === "string" && raw.trim() ? parseYuan(raw, SIGNED_FIELDS.has(field)) : null;
    if (fen != null) out[field] = fen;
  }
  return out;
}

/**
 * The arithmetic of the finance section. Returns an error for each wrong line,
 * keyed by that line's field name; empty when everything adds up. Totals that
 * are not filled in yet are not checked.
 */
export function checkFinance(values: Partial<Record<MoneyField, number>>): Partial<Record<MoneyField, string>> {
  const errors: Partial<Record<MoneyField, string>> = {};
  const income = sum(values, INCOME_LINES);
  if (values.incomeTotal != null && values.incomeTotal !== income) {
    errors.incomeTotal = `收入合计 ${formatFen(values.incomeTotal)} 不等于各项收入之和 ${formatFen(income)}`;
  }
  const expense = sum(values, EXPENSE_LINES);
  if (values.expenseTotal != null && values.expenseTotal !== expense) {
    errors.expenseTotal = `费用合计 ${formatFen(values.expenseTotal)} 不等于各项费用之和 ${formatFen(expense)}`;
  }
  const { assetsTotal, liabilitiesTotal, netAssetsTotal } = values;
  if (assetsTotal != null && liabilitiesTotal != null && netAssetsTotal != null) {
    const right = liabilitiesTotal + netAssetsTotal;
    if (assetsTotal !== right) {
      errors.assetsTotal = `资产合计 ${formatFen(assetsTotal)} 不等于负债合计与净资产合计之和 ${formatFen(right)}`;
    }
  }
  return errors;
}

/** Whether a foundation's audit report upload is required (not in the simplified report). */
export function auditReportRequired(type: string, simplified: boolean) {
  return type === "FOUNDATION" && !simplified;
}

const isFilled = (value: unknown) => value !== undefined && value !== null && value !== "";

export type SectionProgress = {
  key: SectionKey;
  title: string;
  filled: number;
  total: number;
  optional: boolean;
  /** Checks that will stop submission (the finance arithmetic): the section is not done while there are any. */
  problems: string[];
};

/** How far each section is filled in, for the progress list beside the form. */
export function sectionProgress(data: ReportData, simplified: boolean): SectionProgress[] {
  const financeProblems = Object.values(checkFinance(data as Partial<Record<MoneyField, number>>));
  return REPORT_SECTIONS.map((section) => ({
    key: section.key,
    title: section.title,
    filled: section.required.filter((k) => isFilled(data[k])).length,
    total: section.required.length,
    optional: simplified && !section.inSimplified,
    problems: section.key === "finance" ? financeProblems : [],
  }));
}

/** Parses the stored JSON, tolerating an empty or broken value. */
export function parseReportData(json: string | null | undefined): ReportData {
  if (!json) return {};
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as ReportData) : {};
  } catch {
    return {};
  }
}

/** Turns stored data back into form default values (money as 元 strings). */
export function reportDefaults(data: ReportData) {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value == null) continue;
    out[key] =
      (MONEY_FIELDS as readonly string[]).includes(key) && typeof value === "number"
        ? fenToInput(value)
        : String(value);
  }
  return out;
}

/** The validated values without the intent, with the computed totals, ready to store as JSON. */
export function toReportData(value: Record<string, unknown>): ReportData {
  const out: ReportData = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === "intent" || key in TOTAL_LABELS || v === undefined || v === null || v === "") continue;
    if (typeof v === "string" || typeof v === "number") out[key] = v;
  }
  return withFinanceTotals(out as Partial<Record<MoneyField, number>>) as ReportData;
}
