// Budget change requests (#13 item 7), pure: what a request moves and its band.
// The band comes from the largest share of one line moved, against the thresholds
// in the rules (funding.budgetChange.*): up to noticeMaxPct → recorded with notice;
// up to approvalMaxPct → staff approval; above → approval and a reason.
import { formatFen } from "~/utils/format";
import { countsAsOverhead, overheadCapIssue, type FieldIssue } from "../grants/applications/budget-checks";
import { lineName, type ProjectBudgetLine } from "./budget";

export const BUDGET_CHANGE_BANDS = ["NOTICE", "APPROVAL", "APPROVAL_WITH_REASON"] as const;
export type BudgetChangeBand = (typeof BUDGET_CHANGE_BANDS)[number];

export const BUDGET_CHANGE_BAND_LABELS: Record<BudgetChangeBand, string> = {
  NOTICE: "备案（即时生效）",
  APPROVAL: "须审批",
  APPROVAL_WITH_REASON: "须审批并说明理由",
};

export type BudgetChangeThresholds = { noticeMaxPct: number; approvalMaxPct: number };

/** One line of a request as stored in GrantBudgetChange.lines. */
export type BudgetChangeLine = { budgetLineId: string; fromFen: number; toFen: number };

/**
 * The band of one line's move, compared without floating point. A line that had
 * nothing (fromFen 0) and gets money is a whole new line: the highest band.
 */
export function lineBand(fromFen: number, toFen: number, t: BudgetChangeThresholds): BudgetChangeBand {
  const moved = Math.abs(toFen - fromFen) * 100;
  if (moved === 0) return "NOTICE";
  if (fromFen <= 0) return "APPROVAL_WITH_REASON";
  if (moved <= fromFen * t.noticeMaxPct) return "NOTICE";
  if (moved <= fromFen * t.approvalMaxPct) return "APPROVAL";
  return "APPROVAL_WITH_REASON";
}

/** The share of a line moved in percent, two decimals (100 for a line that had nothing). */
export function lineMovedPct(fromFen: number, toFen: number) {
  if (toFen === fromFen) return 0;
  if (fromFen <= 0) return 100;
  return Math.round((Math.abs(toFen - fromFen) * 10000) / fromFen) / 100;
}

const BAND_ORDER: Record<BudgetChangeBand, number> = { NOTICE: 0, APPROVAL: 1, APPROVAL_WITH_REASON: 2 };

export type BudgetChangeAssessment = {
  changes: BudgetChangeLine[];
  movedPct: number;
  band: BudgetChangeBand;
  issues: FieldIssue[];
};

/**
 * What a request moves, its band and what is wrong with it. `requested` holds the
 * new amount per line (lines left out keep their amount). The grant stays the same:
 * the new amounts add up to today's total; none is negative; overhead stays within
 * the call's cap of the budget. Issue paths are those of the change form
 * (lines[i].amount, reason, form-level "").
 */
export function assessBudgetChange(
  lines: Array<ProjectBudgetLine>,
  requested: Array<{ budgetLineId: string; toFen: number | null }>,
  rules: { thresholds: BudgetChangeThresholds; overheadCapPct: number | null; reason?: string | null },
): BudgetChangeAssessment {
  const issues: FieldIssue[] = [];
  const byId = new Map(requested.map((r) => [r.budgetLineId, r.toFen]));
  const next = lines.map((line, index) => {
    const asked = byId.has(line.id) ? byId.get(line.id)! : line.revisedFen;
    if (asked == null || asked < 0) issues.push({ path: ["lines", index, "amount"], message: "请填写不小于 0 的金额" });
    return { line, toFen: asked == null || asked < 0 ? line.revisedFen : asked };
  });
  const changes = next
    .filter(({ line, toFen }) => toFen !== line.revisedFen)
    .map(({ line, toFen }) => ({ budgetLineId: line.id, fromFen: line.revisedFen, toFen }));
  let band: BudgetChangeBand = "NOTICE";
  let movedPct = 0;
  for (const c of changes) {
    const b = lineBand(c.fromFen, c.toFen, rules.thresholds);
    if (BAND_ORDER[b] > BAND_ORDER[band]) band = b;
    movedPct = Math.max(movedPct, lineMovedPct(c.fromFen, c.toFen));
  }
  if (issues.length) return { changes, movedPct, band, issues };
  if (changes.length === 0) issues.push({ path: [], message: "没有科目的金额发生变化，请修改至少一个科目" });
  const before = lines.reduce((s, l) => s + l.revisedFen, 0);
  const after = next.reduce((s, n) => s + n.toFen, 0);
  if (after !== before)
    issues.push({
      path: [],
      message: `调整后各科目合计 ${formatFen(after)}，须等于调整前合计 ${formatFen(before)}（资助总额不变，只能在科目之间调剂）`,
    });
  if (rules.overheadCapPct != null) {
    const overhead = next.filter((n) => countsAsOverhead(n.line.category)).reduce((s, n) => s + n.toFen, 0);
    const capIssue = overheadCapIssue(overhead, after, rules.overheadCapPct, {
      overhead: "调整后管理费",
      base: "项目资助预算",
    });
    if (capIssue) issues.push({ path: [], message: capIssue });
  }
  if (band === "APPROVAL_WITH_REASON" && !rules.reason?.trim())
    issues.push({
      path: ["reason"],
      message: `单个科目调整幅度超过 ${rules.thresholds.approvalMaxPct}%，须说明调整理由`,
    });
  return { changes, movedPct, band, issues };
}

/** "活动费（社区活动）：¥10,000.00 → ¥11,200.00" per changed line, for notices and lists. */
export function describeChanges(
  lines: Array<Pick<ProjectBudgetLine, "id" | "category" | "description">>,
  changes: BudgetChangeLine[],
) {
  const byId = new Map(lines.map((l) => [l.id, l]));
  return changes.map((c) => {
    const line = byId.get(c.budgetLineId);
    return `${line ? lineName(line) : "已删除的科目"}：${formatFen(c.fromFen)} → ${formatFen(c.toFen)}`;
  });
}

/** GrantBudgetChange.lines read back; malformed JSON reads as no lines. */
export function parseChangeLines(json: string): BudgetChangeLine[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (v): v is BudgetChangeLine =>
        typeof v === "object" &&
        v !== null &&
        typeof v.budgetLineId === "string" &&
        Number.isInteger(v.fromFen) &&
        Number.isInteger(v.toFen),
    );
  } catch {
    return [];
  }
}
