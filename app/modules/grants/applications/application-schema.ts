// The 公益创投 application form's schemas: the draft schema (format only) and the
// submit schema (complete, plus the call's budget rules), and how parsed values
// are stored. Pure.
import { z } from "zod";
import { parseDateInput } from "~/utils/dates";
import { yuanToFen } from "~/utils/format";
import { INDICATOR_KINDS, SOCIAL_WORKER_LEVELS, type GrantApplicationData } from "./application-form";
import { BUDGET_CATEGORIES, checkBudget, sumLines, type BudgetRules, type FieldIssue } from "./budget-checks";
import { grantDocuments, type GrantDocumentKey } from "./documents";

export const FORM_INTENTS = ["save", "submit"] as const;
export type FormIntent = (typeof FORM_INTENTS)[number];

const text = (max: number, label: string) => z.string().trim().max(max, `${label}最多 ${max} 个字`).optional();
const date = (label: string) =>
  z
    .string()
    .trim()
    .refine((s) => parseDateInput(s) != null, `${label}格式不正确`)
    .optional();
const money = (label: string) =>
  z
    .string()
    .trim()
    .refine((s) => {
      const fen = yuanToFen(s);
      return fen != null && fen <= 1_000_000_000;
    }, `${label}请输入金额（元），最多两位小数，例如 50000`)
    .optional();

const MilestoneRow = z
  .object({ title: text(60, "里程碑名称"), date: date("日期"), description: text(300, "说明") })
  .optional();
const IndicatorRow = z
  .object({
    kind: z.enum(INDICATOR_KINDS, { invalid_type_error: "请选择指标类型" }).optional(),
    name: text(60, "指标名称"),
    target: text(100, "目标值"),
  })
  .optional();
const MemberRow = z
  .object({
    name: text(30, "姓名"),
    role: text(30, "岗位"),
    socialWorker: z.enum(["yes", "no"]).optional(),
    certificate: z.enum(SOCIAL_WORKER_LEVELS, { invalid_type_error: "请选择证书等级" }).optional(),
  })
  .optional();
const BudgetRow = z
  .object({
    category: z.enum(BUDGET_CATEGORIES, { invalid_type_error: "请选择预算科目" }).optional(),
    description: text(100, "用途说明"),
    requested: money("申请资助"),
    own: money("自有资金"),
    matched: money("配套资金"),
  })
  .optional();

/** The fields as typed: what 保存草稿 checks (formats only). */
export const GrantApplicationFields = z.object({
  intent: z.enum(FORM_INTENTS).catch("save"),
  title: text(60, "项目名称"),
  category: text(20, "项目类别"),
  projectStart: date("开始日期"),
  projectEnd: date("结束日期"),
  serviceArea: text(200, "服务区域"),
  community: text(200, "服务社区"),
  beneficiaries: text(500, "受益对象"),
  beneficiaryCount: z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, "受益人数请填写整数")
    .optional(),
  needs: text(3000, "需求分析"),
  goals: text(3000, "项目目标"),
  milestones: z.array(MilestoneRow).max(30, "里程碑最多 30 项").optional(),
  indicators: z.array(IndicatorRow).max(30, "指标最多 30 项").optional(),
  team: z.array(MemberRow).max(30, "团队成员最多 30 人").optional(),
  // 申请资助 / 自有 / 配套 totals are computed from these lines (sumLines), never typed (#19 item 10).
  budget: z.array(BudgetRow).max(40, "预算明细最多 40 项").optional(),
  ...grantDocuments.fileFields(z.any()),
});

export type GrantFormValues = z.input<typeof GrantApplicationFields>;
type ParsedFields = z.output<typeof GrantApplicationFields>;

type Row<T> = T | null | undefined;
const blank = (row: Row<Record<string, string | undefined>>, ignore: string[] = []) =>
  !row || Object.entries(row).every(([k, v]) => ignore.includes(k) || !v);

const fen = (s: string | undefined) => (s ? yuanToFen(s) : null);

type TypedBudgetRow = Row<{
  category?: string;
  description?: string;
  requested?: string;
  own?: string;
  matched?: string;
}>;

/**
 * Budget rows as typed → the stored lines: blank rows dropped, an amount that is
 * not one (yet) counts 0. The form's live totals (sumLines of these) and the
 * stored ones come from here.
 */
export function budgetLinesOf(rows: readonly TypedBudgetRow[] | undefined) {
  return (rows ?? [])
    .filter((r) => !blank(r))
    .map((r) => ({
      category: r?.category ?? "OTHER",
      description: r?.description ?? "",
      requestedFen: fen(r?.requested) ?? 0,
      ownFen: fen(r?.own) ?? 0,
      matchedFen: fen(r?.matched) ?? 0,
    }));
}

/** Parsed form values → what is stored. Blank rows are dropped; the budget's totals are computed. */
export function toStoredValues(values: ParsedFields) {
  const count = values.beneficiaryCount ? Number(values.beneficiaryCount) : undefined;
  const budgetLines = budgetLinesOf(values.budget);
  const declared = sumLines(budgetLines);
  const data: GrantApplicationData = {
    serviceArea: values.serviceArea || undefined,
    community: values.community || undefined,
    beneficiaries: values.beneficiaries || undefined,
    beneficiaryCount: count,
    needs: values.needs || undefined,
    goals: values.goals || undefined,
    team: (values.team ?? [])
      .filter((r) => !blank(r, ["socialWorker"]))
      .map((r) => ({
        name: r?.name || undefined,
        role: r?.role || undefined,
        socialWorker: r?.socialWorker === "yes",
        certificate: r?.socialWorker === "yes" ? r?.certificate || undefined : undefined,
      })),
    declared,
  };
  return {
    title: values.title ?? "",
    category: values.category || null,
    projectStart: values.projectStart ? parseDateInput(values.projectStart) : null,
    projectEnd: values.projectEnd ? parseDateInput(values.projectEnd) : null,
    data: JSON.parse(JSON.stringify(data)) as GrantApplicationData,
    milestones: (values.milestones ?? [])
      .filter((r) => !blank(r))
      .map((r) => ({
        title: r?.title ?? "",
        description: r?.description || null,
        dueDate: r?.date ? parseDateInput(r.date) : null,
      })),
    indicators: (values.indicators ?? [])
      .filter((r) => !blank(r, ["kind"]))
      .map((r) => ({ kind: r?.kind ?? "OUTPUT", name: r?.name ?? "", target: r?.target ?? "" })),
    budgetLines,
    declared,
  };
}
export type StoredValues = ReturnType<typeof toStoredValues>;

export type CallRules = BudgetRules & { categories: string[] };

/** What a submitted application must contain, each at its field (rows as on screen). */
export function completenessIssues(values: ParsedFields, categories: string[], hasPlan: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const need = (v: unknown, path: string, message: string) => {
    if (v == null || v === "") issues.push({ path: [path], message });
  };
  need(values.title, "title", "请填写项目名称");
  need(values.category, "category", "请选择项目类别");
  if (values.category && !categories.includes(values.category))
    issues.push({ path: ["category"], message: "请从本次活动的类别中选择" });
  need(values.projectStart, "projectStart", "请填写项目开始日期");
  need(values.projectEnd, "projectEnd", "请填写项目结束日期");
  need(values.serviceArea, "serviceArea", "请填写服务区域");
  need(values.community, "community", "请填写服务社区");
  need(values.beneficiaries, "beneficiaries", "请填写受益对象");
  need(values.beneficiaryCount, "beneficiaryCount", "请填写受益人数");
  need(values.needs, "needs", "请填写需求分析");
  need(values.goals, "goals", "请填写项目目标");

  const rows = <T>(
    list: Row<T>[] | undefined,
    path: string,
    empty: string,
    check: (row: T, index: number) => void,
    ignore: string[] = [],
  ) => {
    const filled = (list ?? [])
      .map((r, i) => [r, i] as const)
      .filter(([r]) => !blank(r as Row<Record<string, string>>, ignore));
    if (!filled.length) issues.push({ path: [path], message: empty });
    for (const [r, i] of filled) check(r as T, i);
  };
  rows(values.milestones, "milestones", "请至少填写一项活动或里程碑", (r, i) => {
    if (!r?.title) issues.push({ path: ["milestones", i, "title"], message: "请填写名称" });
  });
  rows(
    values.indicators,
    "indicators",
    "请至少填写一项产出或成效指标",
    (r, i) => {
      if (!r?.name) issues.push({ path: ["indicators", i, "name"], message: "请填写指标名称" });
      if (!r?.target) issues.push({ path: ["indicators", i, "target"], message: "请填写目标值" });
    },
    ["kind"],
  );
  rows(
    values.team,
    "team",
    "请至少填写一位项目团队成员",
    (r, i) => {
      if (!r?.name) issues.push({ path: ["team", i, "name"], message: "请填写姓名" });
      if (!r?.role) issues.push({ path: ["team", i, "role"], message: "请填写岗位" });
      if (r?.socialWorker === "yes" && !r.certificate)
        issues.push({ path: ["team", i, "certificate"], message: "请选择证书等级" });
    },
    ["socialWorker"],
  );
  rows(values.budget, "budget", "请至少填写一项预算明细", (r, i) => {
    if (!r?.category) issues.push({ path: ["budget", i, "category"], message: "请选择预算科目" });
    if (!r?.description) issues.push({ path: ["budget", i, "description"], message: "请填写用途说明" });
  });
  if (!hasPlan) issues.push({ path: ["planFile"], message: `请上传${grantDocuments.label("plan")}` });
  return issues;
}

/**
 * The fields 提交 demands, named as conform names them (rows as "milestones[].title"),
 * for the required marks on the form. Read from completenessIssues itself: what it
 * reports on an empty form, and what it demands of a row that holds anything.
 */
export function requiredGrantFields(categories: string[]) {
  const probeRow = { probe: "x" } as never;
  const empty = { intent: "submit" } as ParsedFields;
  const probed = {
    ...empty,
    milestones: [probeRow],
    indicators: [probeRow],
    team: [probeRow],
    budget: [probeRow],
  } as ParsedFields;
  const names = new Set<string>();
  for (const issue of [
    ...completenessIssues(empty, categories, false),
    ...completenessIssues(probed, categories, false),
  ]) {
    const name = issue.path
      .map((p) => (typeof p === "number" ? "[]" : p))
      .join(".")
      .replace(/\.\[\]/g, "[]");
    names.add(name);
  }
  return [...names];
}

/** The call's budget rules applied to the typed values (only what is filled in). */
export function budgetIssues(values: ParsedFields, rules: BudgetRules): FieldIssue[] {
  const stored = toStoredValues(values);
  return checkBudget(rules, {
    projectStart: stored.projectStart,
    projectEnd: stored.projectEnd,
    lines: stored.budgetLines,
    declared: stored.declared,
    milestones: stored.milestones,
  });
}

export type GrantSchemaOptions = {
  call: CallRules;
  /** Documents already stored for this application. */
  existingDocuments: GrantDocumentKey[];
  /** The check of one uploaded file: content-sniffing on the server, presence in the browser. */
  fileSchema: z.ZodTypeAny;
};

/**
 * 保存草稿 checks formats only; 提交 adds completeness and the budget rules.
 * While typing, budget rules are shown too (so an over-cap amount is flagged at once)
 * but only 提交 is blocked by them: see `liveIssues`.
 */
export function buildGrantApplicationSchema(options: GrantSchemaOptions) {
  return GrantApplicationFields.extend(grantDocuments.fileFields(options.fileSchema))
    .superRefine((values, ctx) => {
      // A milestone is stored with its date, so even a draft row needs one.
      (values.milestones ?? []).forEach((row, index) => {
        if (row && (row.title || row.description) && !row.date) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["milestones", index, "date"], message: "请填写日期" });
        }
      });
      if (values.intent !== "submit") return;
      const hasPlan = values.planFile != null || options.existingDocuments.includes("plan");
      const issues = [
        ...completenessIssues(values, options.call.categories, hasPlan),
        ...budgetIssues(values, options.call),
      ];
      for (const issue of issues)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: issue.path, message: issue.message });
    })
    .transform((values) => ({
      intent: values.intent,
      values: toStoredValues(values),
      files: grantDocuments.filesFrom(values),
    }));
}
