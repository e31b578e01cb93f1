// Ranking and allocation of a call's reviewed applications. Pure.
// Money is integer 分 throughout.

import { formatFen } from "~/utils/format";

export const TIE_BREAK_RULE = "总分相同时，申请资助金额较少的项目排名在前；仍相同的，提交申报时间较早的在前。";

export type RankInput = { applicationId: string; finalScore: number; requestedFen: number; submittedAt: Date };

/**
 * Sorted by finalScore desc, then requestedFen asc, then submittedAt asc; rank is 1-based and unique.
 * (If all three coincide to the millisecond, applicationId decides, only so that the
 * order never depends on the input order.) Returns new objects; the input is not touched.
 */
export function rankApplications<T extends RankInput>(items: T[]): (T & { rank: number })[] {
  return items
    .slice()
    .sort(
      (a, b) =>
        b.finalScore - a.finalScore ||
        a.requestedFen - b.requestedFen ||
        a.submittedAt.getTime() - b.submittedAt.getTime() ||
        (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0),
    )
    .map((item, i) => ({ ...item, rank: i + 1 }));
}

export type AllocationRules = { poolFen: number; perProjectCapFen: number; maxGrantSharePct: number };
export type AllocationCandidate = { applicationId: string; rank: number; requestedFen: number; totalBudgetFen: number };
export type AllocationOverride = {
  applicationId: string;
  selected?: boolean | null;
  amountFen?: number | null;
  reason: string;
};

/**
 * floor(total × pct / 100), i.e. the largest x with x × 100 ≤ total × pct — the same
 * test budget-checks uses, so an application that passed it gets its full request.
 */
function shareOf(totalFen: number, pct: number): number {
  if (!(totalFen > 0) || !(pct > 0)) return 0;
  const product = totalFen * pct;
  let x = Math.floor(product / 100);
  // Correct the float division by at most a step either way.
  while (x * 100 > product) x--;
  while ((x + 1) * 100 <= product) x++;
  return x;
}

/** The most the call may give: min(requested, per-project cap, floor(total budget × share%)). Never below 0. */
export function maxGrantFor(candidate: AllocationCandidate, rules: AllocationRules): number {
  return Math.max(
    0,
    Math.min(candidate.requestedFen, rules.perProjectCapFen, shareOf(candidate.totalBudgetFen, rules.maxGrantSharePct)),
  );
}

/**
 * null when the override is acceptable, else a Chinese message (amount 1 分 … maxGrantFor, reason required).
 * The amount is not checked when the override drops the candidate (it is ignored then).
 */
export function validateOverride(
  candidate: AllocationCandidate,
  rules: AllocationRules,
  override: AllocationOverride,
): string | null {
  if (!override.reason?.trim()) return "请填写调整理由";
  const amount = override.amountFen;
  if (amount == null || override.selected === false) return null;
  if (!Number.isSafeInteger(amount)) return "金额格式不正确";
  if (amount < 1) return "金额须大于 ¥0.00";
  const max = maxGrantFor(candidate, rules);
  if (amount > max) return `金额不能超过 ${formatFen(max)}（申请金额、单个项目上限和预算比例中的最低值）`;
  return null;
}

export type AllocationRow = {
  applicationId: string;
  rank: number;
  /** what the rule alone proposes (no overrides) */
  recommended: boolean;
  recommendedFen: number;
  /** after overrides */
  selected: boolean;
  amountFen: number;
  /** why not selected, in Chinese, e.g. "资金池余额不足" / "人工调整：…" */
  note: string | null;
};

export type AllocationResult = {
  rows: AllocationRow[];
  allocatedFen: number;
  remainingFen: number;
  /** forced inclusions that do not fit the pool, invalid overrides */
  errors: { applicationId: string; message: string }[];
};

export const NOTE_POOL_EXHAUSTED = "资金池余额不足";
export const NOTE_NOTHING_TO_GRANT = "可资助金额为 ¥0.00";

/**
 * In rank order each candidate is proposed maxGrantFor (or its override amount);
 * the rule stops at the first candidate that no longer fits the pool (no skipping
 * ahead to cheaper, lower-ranked projects). Overrides: selected=false drops a
 * candidate (its money goes on down the list), selected=true includes it if it fits
 * what is left, amountFen replaces the proposed amount.
 *
 * Details:
 * - rows are in rank order (applicationId breaks equal ranks); recommendedFen and
 *   amountFen are 0 on rows that are not recommended / not selected;
 * - a forced inclusion is taken if it fits what is left at its place in the order,
 *   even below the stop line; the candidates after it still are not; if it does not
 *   fit it is an error, and (as for any candidate that does not fit) the line stops there;
 * - an amount override on a candidate above the line is simply its proposed amount
 *   (a lower amount can move the line down, a higher one up);
 * - a candidate whose maximum is 0 is never selected ("可资助金额为 ¥0.00") and does
 *   not stop the line (it takes nothing from the pool);
 * - invalid overrides and overrides for unknown applications are reported in errors
 *   and ignored; with several overrides for one application the last one counts.
 */
export function allocate(
  candidates: AllocationCandidate[],
  rules: AllocationRules,
  overrides: AllocationOverride[],
): AllocationResult {
  const errors: AllocationResult["errors"] = [];
  const ordered = candidates
    .slice()
    .sort(
      (a, b) => a.rank - b.rank || (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0),
    );
  const byId = new Map(ordered.map((c) => [c.applicationId, c]));

  const valid = new Map<string, AllocationOverride>();
  for (const o of overrides) {
    const candidate = byId.get(o.applicationId);
    if (!candidate) {
      errors.push({ applicationId: o.applicationId, message: "该申报不在可分配名单中" });
      continue;
    }
    const message = validateOverride(candidate, rules, o);
    if (message) errors.push({ applicationId: o.applicationId, message });
    else valid.set(o.applicationId, o);
  }

  // The rule alone.
  const recommendedFen = new Map<string, number>();
  {
    let left = rules.poolFen;
    for (const c of ordered) {
      const amount = maxGrantFor(c, rules);
      if (amount <= 0) continue;
      if (amount > left) break; // strict stop: nothing below this line
      recommendedFen.set(c.applicationId, amount);
      left -= amount;
    }
  }

  // With overrides.
  const rows: AllocationRow[] = [];
  let left = rules.poolFen;
  let stopped = false;
  for (const c of ordered) {
    const o = valid.get(c.applicationId);
    const rec = recommendedFen.get(c.applicationId);
    const row: AllocationRow = {
      applicationId: c.applicationId,
      rank: c.rank,
      recommended: rec !== undefined,
      recommendedFen: rec ?? 0,
      selected: false,
      amountFen: 0,
      note: null,
    };
    rows.push(row);

    if (o?.selected === false) {
      row.note = `人工调整：${o.reason.trim()}`;
      continue; // dropped: its money stays for the next ones, the line does not stop
    }
    const amount = o?.amountFen ?? maxGrantFor(c, rules);
    if (amount <= 0) {
      row.note = NOTE_NOTHING_TO_GRANT;
      continue;
    }
    const forced = o?.selected === true;
    if (stopped && !forced) {
      row.note = NOTE_POOL_EXHAUSTED;
      continue;
    }
    if (amount > left) {
      stopped = true;
      row.note = NOTE_POOL_EXHAUSTED;
      if (forced) {
        errors.push({
          applicationId: c.applicationId,
          message: `资金池余额不足，无法纳入资助（需 ${formatFen(amount)}，剩余 ${formatFen(left)}）`,
        });
      }
      continue;
    }
    row.selected = true;
    row.amountFen = amount;
    left -= amount;
  }

  const allocatedFen = rows.reduce((s, r) => s + r.amountFen, 0);
  return { rows, allocatedFen, remainingFen: rules.poolFen - allocatedFen, errors };
}
