// The call editor's form and the checks a call must pass before it is
// published. Pure: used by the form (client and server) and by the publish
// button on the call's page, which re-checks the stored call.
import { z } from "zod";
import { parseDateInput, shanghaiEndOfDay, shanghaiParts, toDateInput } from "~/utils/dates";
import { fenToYuanInput, yuanToFen } from "~/utils/format";
import { plannedPublicityEnd } from "./phase";
import {
  CallEligibilitySchema,
  DEFAULT_CATEGORIES,
  TRANCHE_TRIGGERS,
  type CallEligibility,
  type TrancheTrigger,
} from "./settings";

export const DEFAULT_CRITERIA = [
  { name: "需求分析", description: "服务对象和需求是否明确，有调研依据", maxScore: 100, weightPct: 15 },
  { name: "项目设计", description: "目标、活动和产出是否清晰、相互衔接", maxScore: 100, weightPct: 20 },
  { name: "可行性", description: "进度安排、人员和资源能否保证实施", maxScore: 100, weightPct: 15 },
  { name: "创新性", description: "服务方式或内容是否有创新", maxScore: 100, weightPct: 10 },
  { name: "预算合理性", description: "预算是否真实、合理、与活动相符", maxScore: 100, weightPct: 15 },
  { name: "社会效益", description: "受益人数和预期成效", maxScore: 100, weightPct: 15 },
  { name: "机构能力", description: "机构既往项目经验、团队和内部治理", maxScore: 100, weightPct: 10 },
] as const;

export const DEFAULT_TRANCHES: ReadonlyArray<{ percent: number; trigger: TrancheTrigger }> = [
  { percent: 40, trigger: "SIGNING" },
  { percent: 40, trigger: "MIDTERM_PASS" },
  { percent: 20, trigger: "FINAL_EVALUATION" },
];

export const GRADE_OPTIONS = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n}A 及以上` }));

const TRIGGER_KEYS = Object.keys(TRANCHE_TRIGGERS) as [TrancheTrigger, ...TrancheTrigger[]];

const pct = (label: string) =>
  z
    .number({ required_error: `请填写${label}`, invalid_type_error: `${label}须为整数` })
    .int(`${label}须为整数`)
    .min(0, `${label}须在 0–100% 之间`)
    .max(100, `${label}须在 0–100% 之间`);

const yuan = (label: string) =>
  z
    .string({ required_error: `请填写${label}` })
    .trim()
    .refine((v) => yuanToFen(v) !== null, `${label}须为金额（元），最多两位小数`);

const dateField = (label: string) =>
  z.string({ required_error: `请选择${label}` }).refine((v) => parseDateInput(v) !== null, `${label}不是有效日期`);

export const CriterionRowSchema = z.object({
  name: z.string({ required_error: "请填写评分项名称" }).trim().max(30, "评分项名称最多 30 个字"),
  description: z.string().trim().max(200, "说明最多 200 个字").optional(),
  maxScore: z
    .number({ required_error: "请填写满分", invalid_type_error: "满分须为整数" })
    .int("满分须为整数")
    .min(0, "满分不能为负数")
    .max(1000, "满分最多 1000"),
  weightPct: pct("权重"),
});

export const TrancheRowSchema = z.object({
  percent: pct("拨付比例"),
  trigger: z.enum(TRIGGER_KEYS, { required_error: "请选择拨付条件", invalid_type_error: "请选择拨付条件" }),
});

const CallFieldsSchema = z.object({
  intent: z.enum(["draft", "publish"]).default("draft"),
  title: z.string({ required_error: "请填写活动名称" }).trim().max(60, "活动名称最多 60 个字"),
  year: z
    .number({ required_error: "请填写年度", invalid_type_error: "年度须为四位数字" })
    .int("年度须为四位数字")
    .min(2000, "年度须为四位数字")
    .max(2100, "年度须为四位数字"),
  description: z.string({ required_error: "请填写活动说明" }).trim().max(5000, "活动说明最多 5000 个字"),
  categories: z.array(z.string().trim().max(20)).default([]),
  newCategories: z.string().trim().max(200, "最多 200 个字").optional(),
  poolYuan: yuan("资金总额"),
  capYuan: yuan("单个项目资助上限"),
  maxGrantSharePct: pct("资助占项目预算比例上限"),
  minMatchRatioPct: pct("配套资金最低比例"),
  overheadCapPct: pct("管理费用比例上限"),
  applyOpensAt: dateField("申报开始日期"),
  applyClosesAt: dateField("申报截止日期"),
  screeningEndsAt: dateField("资格审查截止日期"),
  reviewEndsAt: dateField("专家评审截止日期"),
  publicityDays: z
    .number({ required_error: "请填写公示天数", invalid_type_error: "公示天数须为整数" })
    .int("公示天数须为整数")
    .min(1, "公示天数须在 1–60 天之间")
    .max(60, "公示天数须在 1–60 天之间"),
  signingEndsAt: dateField("签约截止日期"),
  registeredActive: z.boolean().optional(),
  inspectionNotFailedLastYear: z.boolean().optional(),
  notAbnormal: z.boolean().optional(),
  notBarred: z.boolean().optional(),
  barYears: z
    .number({ invalid_type_error: "限制年限须为整数" })
    .int("限制年限须为整数")
    .min(0, "限制年限须在 0–10 年之间")
    .max(10, "限制年限须在 0–10 年之间")
    .optional(),
  minGrade: z.number().int().min(1, "请选择等级").max(5, "请选择等级").optional(),
  incubatedOnly: z.boolean().optional(),
  criteria: z.array(CriterionRowSchema).max(20, "评分项最多 20 项").default([]),
  tranches: z.array(TrancheRowSchema).max(6, "拨付最多分 6 期").default([]),
});

export type CallFormValues = z.infer<typeof CallFieldsSchema>;

/** A call's settings in stored units (分, instants), as checked before publishing. */
export type CallSettingsInput = {
  categories: string[];
  poolFen: bigint;
  perProjectCapFen: number;
  maxGrantSharePct: number;
  minMatchRatioPct: number;
  overheadCapPct: number;
  applyOpensAt: Date;
  applyClosesAt: Date;
  screeningEndsAt: Date;
  reviewEndsAt: Date;
  publicityDays: number;
  signingEndsAt: Date;
  eligibility: CallEligibility;
  criteria: Array<{ name: string; description: string | null; maxScore: number; weightPct: number }>;
  tranches: Array<{ percent: number; trigger: TrancheTrigger }>;
};

/** Splits the free-text categories on 、，, ; and whitespace. */
export function splitCategories(text: string | undefined) {
  return (text ?? "")
    .split(/[、，,;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The chosen and the added categories, in order, without duplicates. */
export function mergeCategories(chosen: string[], added: string | undefined) {
  return [...new Set([...chosen.map((c) => c.trim()).filter(Boolean), ...splitCategories(added)])];
}

function endOfDayInput(value: string) {
  const p = shanghaiParts(parseDateInput(value)!);
  return shanghaiEndOfDay(p.year, p.month, p.day);
}

/** Converts parsed form values into stored units. Only call on values that passed the schema. */
export function formToSettings(v: CallFormValues): CallSettingsInput {
  return {
    categories: mergeCategories(v.categories, v.newCategories),
    poolFen: BigInt(yuanToFen(v.poolYuan)!),
    perProjectCapFen: yuanToFen(v.capYuan)!,
    maxGrantSharePct: v.maxGrantSharePct,
    minMatchRatioPct: v.minMatchRatioPct,
    overheadCapPct: v.overheadCapPct,
    // Applications open at the start of the day; every other date is the end of that day.
    applyOpensAt: parseDateInput(v.applyOpensAt)!,
    applyClosesAt: endOfDayInput(v.applyClosesAt),
    screeningEndsAt: endOfDayInput(v.screeningEndsAt),
    reviewEndsAt: endOfDayInput(v.reviewEndsAt),
    publicityDays: v.publicityDays,
    signingEndsAt: endOfDayInput(v.signingEndsAt),
    eligibility: CallEligibilitySchema.parse({
      registeredActive: v.registeredActive ?? false,
      inspectionNotFailedLastYear: v.inspectionNotFailedLastYear ?? false,
      notAbnormal: v.notAbnormal ?? false,
      notBarred: v.notBarred ?? false,
      barYears: v.barYears ?? 3,
      minGrade: v.minGrade ?? null,
      incubatedOnly: v.incubatedOnly ?? false,
    }),
    criteria: v.criteria.map((c) => ({
      name: c.name,
      description: c.description ?? null,
      maxScore: c.maxScore,
      weightPct: c.weightPct,
    })),
    tranches: v.tranches.map((t) => ({ percent: t.percent, trigger: t.trigger })),
  };
}

export type FieldErrors = Record<string, string[]>;

/**
 * The checks a call must pass to be published, each message keyed by the
 * form field it belongs to ("criteria" for the rubric as a whole,
 * "criteria[2].maxScore" for one row). Empty when the call may be published.
 */
export function validateCallForPublish(s: CallSettingsInput): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);

  if (s.categories.length === 0) add("categories", "请至少选择或填写一个项目类别");

  if (s.poolFen <= 0n) add("poolYuan", "资金总额须大于 0");
  if (s.perProjectCapFen <= 0) add("capYuan", "单个项目资助上限须大于 0");
  else if (BigInt(s.perProjectCapFen) > s.poolFen) add("capYuan", "单个项目资助上限不能超过资金总额");

  const percents: Array<[string, string, number]> = [
    ["maxGrantSharePct", "资助占项目预算比例上限", s.maxGrantSharePct],
    ["minMatchRatioPct", "配套资金最低比例", s.minMatchRatioPct],
    ["overheadCapPct", "管理费用比例上限", s.overheadCapPct],
  ];
  for (const [field, label, value] of percents) {
    if (!Number.isInteger(value) || value < 0 || value > 100) add(field, `${label}须在 0–100% 之间`);
  }
  if (s.maxGrantSharePct === 0) add("maxGrantSharePct", "资助占项目预算比例上限须大于 0");

  // Dates in order: opens < closes ≤ screening end ≤ review end < signing end (after publicity).
  if (s.applyClosesAt.getTime() <= s.applyOpensAt.getTime()) add("applyClosesAt", "申报截止日期须晚于申报开始日期");
  if (s.screeningEndsAt.getTime() < s.applyClosesAt.getTime())
    add("screeningEndsAt", "资格审查截止日期不能早于申报截止日期");
  if (s.reviewEndsAt.getTime() < s.screeningEndsAt.getTime())
    add("reviewEndsAt", "专家评审截止日期不能早于资格审查截止日期");
  if (s.signingEndsAt.getTime() <= s.reviewEndsAt.getTime()) add("signingEndsAt", "签约截止日期须晚于专家评审截止日期");
  else if (s.signingEndsAt.getTime() <= plannedPublicityEnd(s).getTime())
    add("signingEndsAt", `签约截止日期须晚于公示结束（评审截止后 ${s.publicityDays} 天）`);

  if (s.eligibility.minGrade != null && (s.eligibility.minGrade < 1 || s.eligibility.minGrade > 5))
    add("minGrade", "请选择等级");

  if (s.criteria.length === 0) add("criteria", "请至少设置一个评分项");
  else {
    const weights = s.criteria.reduce((sum, c) => sum + c.weightPct, 0);
    if (weights !== 100) add("criteria", `各评分项权重之和须为 100%，当前为 ${weights}%`);
    const names = new Set<string>();
    s.criteria.forEach((c, i) => {
      if (!c.name.trim()) add(`criteria[${i}].name`, "请填写评分项名称");
      else if (names.has(c.name.trim())) add(`criteria[${i}].name`, `评分项「${c.name.trim()}」重复`);
      names.add(c.name.trim());
      if (!(c.maxScore > 0)) add(`criteria[${i}].maxScore`, "满分须大于 0");
    });
  }

  if (s.tranches.length === 0) add("tranches", "请至少设置一期拨付");
  else {
    const total = s.tranches.reduce((sum, t) => sum + t.percent, 0);
    if (total !== 100) add("tranches", `各期拨付比例之和须为 100%，当前为 ${total}%`);
    s.tranches.forEach((t, i) => {
      if (!(t.percent > 0)) add(`tranches[${i}].percent`, "每期拨付比例须大于 0");
    });
  }
  return errors;
}

/**
 * The editor's schema: format checks always; on intent "publish" also the
 * publishing checks, attached to their fields.
 */
/** The call editor's form answers under this name (its buttons send draft/publish in `intent`). */
export const CALL_FORM = "call";

export const CallFormSchema = CallFieldsSchema.superRefine((v, ctx) => {
  if (v.intent !== "publish") return;
  // A field refinement that failed leaves the object "dirty" and still runs this;
  // its own message is already shown, so skip the cross-field checks until it is fixed.
  const dates = [v.applyOpensAt, v.applyClosesAt, v.screeningEndsAt, v.reviewEndsAt, v.signingEndsAt];
  if (dates.some((d) => parseDateInput(d) === null) || yuanToFen(v.poolYuan) === null || yuanToFen(v.capYuan) === null)
    return;
  const errors = validateCallForPublish(formToSettings(v));
  for (const [field, messages] of Object.entries(errors)) {
    const path = field
      .split(/[.[\]]+/)
      .filter(Boolean)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    for (const message of messages) ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
  }
});

/** A published call: only its description may still be changed. */
export const CallDescriptionSchema = z.object({
  intent: z.literal("description"),
  description: z.string({ required_error: "请填写活动说明" }).trim().max(5000, "活动说明最多 5000 个字"),
});

export { DEFAULT_CATEGORIES };

type StoredCallForForm = CallSettingsInput & { title: string; year: number; description: string };

/** The editor's starting values: a stored call's, or the usual ones for a new call. */
export function callFormDefaults(call: StoredCallForForm | null, today: Date) {
  if (!call) {
    const year = shanghaiParts(today).year;
    return {
      title: "",
      year: String(year),
      description: "",
      categories: [...DEFAULT_CATEGORIES] as string[],
      newCategories: "",
      poolYuan: "",
      capYuan: "",
      maxGrantSharePct: "60",
      minMatchRatioPct: "20",
      overheadCapPct: "10",
      applyOpensAt: "",
      applyClosesAt: "",
      screeningEndsAt: "",
      reviewEndsAt: "",
      publicityDays: "7",
      signingEndsAt: "",
      registeredActive: true,
      inspectionNotFailedLastYear: true,
      notAbnormal: true,
      notBarred: true,
      barYears: "3",
      minGrade: "",
      incubatedOnly: false,
      criteria: DEFAULT_CRITERIA.map((c) => ({ ...c, maxScore: String(c.maxScore), weightPct: String(c.weightPct) })),
      tranches: DEFAULT_TRANCHES.map((t) => ({ percent: String(t.percent), trigger: t.trigger as string })),
    };
  }
  return {
    title: call.title,
    year: String(call.year),
    description: call.description,
    categories: call.categories,
    newCategories: "",
    poolYuan: fenToYuanInput(call.poolFen),
    capYuan: fenToYuanInput(call.perProjectCapFen),
    maxGrantSharePct: String(call.maxGrantSharePct),
    minMatchRatioPct: String(call.minMatchRatioPct),
    overheadCapPct: String(call.overheadCapPct),
    applyOpensAt: toDateInput(call.applyOpensAt),
    applyClosesAt: toDateInput(call.applyClosesAt),
    screeningEndsAt: toDateInput(call.screeningEndsAt),
    reviewEndsAt: toDateInput(call.reviewEndsAt),
    publicityDays: String(call.publicityDays),
    signingEndsAt: toDateInput(call.signingEndsAt),
    registeredActive: call.eligibility.registeredActive,
    inspectionNotFailedLastYear: call.eligibility.inspectionNotFailedLastYear,
    notAbnormal: call.eligibility.notAbnormal,
    notBarred: call.eligibility.notBarred,
    barYears: String(call.eligibility.barYears),
    minGrade: call.eligibility.minGrade == null ? "" : String(call.eligibility.minGrade),
    incubatedOnly: call.eligibility.incubatedOnly,
    criteria: call.criteria.map((c) => ({
      name: c.name,
      description: c.description ?? "",
      maxScore: String(c.maxScore),
      weightPct: String(c.weightPct),
    })),
    tranches: call.tranches.map((t) => ({ percent: String(t.percent), trigger: t.trigger as string })),
  };
}

export type CallFormDefaults = ReturnType<typeof callFormDefaults>;
