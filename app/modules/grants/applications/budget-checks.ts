// The budget and schedule rules of a call, checked at the field while the
// applicant fills the form, again on submit, and at screening. Pure.
import { formatFen } from "~/utils/format";

export const BUDGET_CATEGORIES = [
  "PERSONNEL",
  "SOCIAL_WORK",
  "ACTIVITY",
  "MATERIALS",
  "PUBLICITY",
  "OVERHEAD",
  "OTHER",
] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

export const BUDGET_CATEGORY_LABELS: Record<BudgetCategory, string> = {
  PERSONNEL: "人员费",
  SOCIAL_WORK: "专业社工服务费",
  ACTIVITY: "活动费",
  MATERIALS: "物资费",
  PUBLICITY: "宣传费",
  OVERHEAD: "管理费",
  OTHER: "其他",
};

export type BudgetRules = {
  perProjectCapFen: number;
  maxGrantSharePct: number;
  minMatchRatioPct: number;
  overheadCapPct: number;
};

export type BudgetInput = {
  projectStart: Date | null;
  projectEnd: Date | null;
  lines: Array<{ category: string; requestedFen: number; ownFen: number; matchedFen: number }>;
  declared: { requestedFen: number | null; ownFen: number | null; matchedFen: number | null };
  milestones: Array<{ dueDate: Date | null }>;
};

/** An issue at a form field: path as conform names it (["milestones", 0, "date"] → milestones[0].date). */
export type FieldIssue = { path: (string | number)[]; message: string };

export function fieldName(path: (string | number)[]) {
  return path.reduce<string>(
    (name, part) => (typeof part === "number" ? `${name}[${part}]` : name ? `${name}.${part}` : part),
    "",
  );
}

export function sumLines(lines: BudgetInput["lines"]) {
  return lines.reduce(
    (s, l) => ({
      requestedFen: s.requestedFen + l.requestedFen,
      ownFen: s.ownFen + l.ownFen,
      matchedFen: s.matchedFen + l.matchedFen,
    }),
    { requestedFen: 0, ownFen: 0, matchedFen: 0 },
  );
}

/** Percentage compare without floating point: part ≤ pct% of whole. */
export function withinPct(part: number, whole: number, pct: number) {
  return part * 100 <= whole * pct;
}

/**
 * Which costs count against the overhead cap: the 管理费 lines only. Professional
 * social-worker service (SOCIAL_WORK) is project cost, never overhead — in the
 * application's budget and in a funded project's actual spending alike.
 */
export function countsAsOverhead(category: string) {
  return category === "OVERHEAD";
}

/**
 * The overhead cap: null when `overheadFen` is within `capPct`% of `baseFen`,
 * else the message. `what` names the figures ("管理费" / "实际管理费支出",
 * "项目总预算" / "项目资助预算").
 */
export function overheadCapIssue(
  overheadFen: number,
  baseFen: number,
  capPct: number,
  what: { overhead: string; base: string } = { overhead: "管理费", base: "项目总预算" },
) {
  if (overheadFen <= 0 || withinPct(overheadFen, baseFen, capPct)) return null;
  return `${what.overhead} ${formatFen(overheadFen)} 超过${what.base} ${formatFen(baseFen)} 的 ${capPct}%`;
}

export function checkBudget(rules: BudgetRules, input: BudgetInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const sums = sumLines(input.lines);
  const requested = input.declared.requestedFen ?? sums.requestedFen;
  const own = input.declared.ownFen ?? sums.ownFen;
  const matched = input.declared.matchedFen ?? sums.matchedFen;
  const total = requested + own + matched;

  // The declared totals must equal the sums of the lines.
  const pairs = [
    ["requestedTotal", "申请资助金额", input.declared.requestedFen, sums.requestedFen],
    ["ownTotal", "自有资金", input.declared.ownFen, sums.ownFen],
    ["matchedTotal", "配套资金", input.declared.matchedFen, sums.matchedFen],
  ] as const;
  for (const [field, label, declared, sum] of pairs) {
    if (declared != null && declared !== sum) {
      issues.push({
        path: [field],
        message: `${label}合计 ${formatFen(declared)} 与预算明细之和 ${formatFen(sum)} 不一致`,
      });
    }
  }

  if (requested > rules.perProjectCapFen) {
    issues.push({
      path: ["requestedTotal"],
      message: `申请资助金额 ${formatFen(requested)} 超过单个项目上限 ${formatFen(rules.perProjectCapFen)}`,
    });
  }

  if (total > 0 && !withinPct(requested, total, rules.maxGrantSharePct)) {
    issues.push({
      path: ["requestedTotal"],
      message: `申请资助金额 ${formatFen(requested)} 超过项目总预算 ${formatFen(total)} 的 ${rules.maxGrantSharePct}%`,
    });
  }

  if (rules.minMatchRatioPct > 0 && (own + matched) * 100 < requested * rules.minMatchRatioPct) {
    issues.push({
      path: ["matchedTotal"],
      message: `自有资金与配套资金合计 ${formatFen(own + matched)}，须不少于申请资助金额的 ${rules.minMatchRatioPct}%（${formatFen(Math.ceil((requested * rules.minMatchRatioPct) / 100))}）`,
    });
  }

  const overhead = input.lines
    .filter((l) => countsAsOverhead(l.category))
    .reduce((s, l) => s + l.requestedFen + l.ownFen + l.matchedFen, 0);
  const overheadMessage = overheadCapIssue(overhead, total, rules.overheadCapPct);
  if (overheadMessage) issues.push({ path: ["budget"], message: overheadMessage });

  const start = input.projectStart;
  const end = input.projectEnd;
  if (start && end && start.getTime() >= end.getTime()) {
    issues.push({ path: ["projectEnd"], message: "项目结束日期须晚于开始日期" });
  }
  if (start && end && start.getTime() < end.getTime()) {
    input.milestones.forEach((m, index) => {
      if (m.dueDate && (m.dueDate.getTime() < start.getTime() || m.dueDate.getTime() > end.getTime())) {
        issues.push({ path: ["milestones", index, "date"], message: "里程碑日期须在项目周期内" });
      }
    });
  }
  return issues;
}

/** What a saved application holds that the budget rules read. */
export type SavedBudget = {
  projectStart: Date | null;
  projectEnd: Date | null;
  budgetLines: BudgetInput["lines"];
  milestones: BudgetInput["milestones"];
  data: { declared?: BudgetInput["declared"] };
};

/** The budget rules over a saved application: at screening, and for the progress marks while it is a draft. */
export function checkSavedBudget(rules: BudgetRules, app: SavedBudget) {
  return checkBudget(rules, {
    projectStart: app.projectStart,
    projectEnd: app.projectEnd,
    lines: app.budgetLines,
    declared: app.data.declared ?? { requestedFen: null, ownFen: null, matchedFen: null },
    milestones: app.milestones,
  });
}
