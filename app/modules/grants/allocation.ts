// Ranking and allocation of a call's reviewed applications. Pure.
// CONTRACT (implementation pending): see the function comments.

export const TIE_BREAK_RULE = "总分相同时，申请资助金额较少的项目排名在前；仍相同的，提交申报时间较早的在前。";

export type RankInput = { applicationId: string; finalScore: number; requestedFen: number; submittedAt: Date };

/** Sorted by finalScore desc, then requestedFen asc, then submittedAt asc; rank is 1-based and unique. */
export function rankApplications<T extends RankInput>(_items: T[]): (T & { rank: number })[] {
  throw new Error("not implemented");
}

export type AllocationRules = { poolFen: number; perProjectCapFen: number; maxGrantSharePct: number };
export type AllocationCandidate = { applicationId: string; rank: number; requestedFen: number; totalBudgetFen: number };
export type AllocationOverride = { applicationId: string; selected?: boolean | null; amountFen?: number | null; reason: string };

/** The most the call may give: min(requested, per-project cap, floor(total budget × share%)). */
export function maxGrantFor(_candidate: AllocationCandidate, _rules: AllocationRules): number {
  throw new Error("not implemented");
}

/** null when the override is acceptable, else a Chinese message (amount 1 分 … maxGrantFor, reason required). */
export function validateOverride(_candidate: AllocationCandidate, _rules: AllocationRules, _override: AllocationOverride): string | null {
  throw new Error("not implemented");
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

/**
 * In rank order each candidate is proposed maxGrantFor (or its override amount);
 * the rule stops at the first candidate that no longer fits the pool (no skipping
 * ahead to cheaper, lower-ranked projects). Overrides: selected=false drops a
 * candidate (its money goes on down the list), selected=true includes it if it fits
 * what is left, amountFen replaces the proposed amount.
 */
export function allocate(_candidates: AllocationCandidate[], _rules: AllocationRules, _overrides: AllocationOverride[]): AllocationResult {
  throw new Error("not implemented");
}
