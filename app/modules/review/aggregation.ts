// Scores to a final score per subject. Pure; configurable per round.

export type RubricCriterion = { id: string; maxScore: number; weightPct: number };

/**
 * Rounds away binary floating-point noise (80.1 − 70.1 is 9.999999999999986):
 * totals and spreads are kept to 6 decimals so that "= threshold" compares equal.
 */
function clean(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Half-up to 2 decimals, robust to 1.005 being stored as 1.00499999…. */
export function round2(x: number): number {
  return Math.round(Number((x * 100).toPrecision(12))) / 100;
}

/**
 * Σ score/maxScore × weightPct, i.e. 0–100. Missing scores count as 0.
 * A criterion with maxScore ≤ 0 or a non-finite score contributes 0 (never NaN).
 * Scores are not clamped: validating them against maxScore is the form's job.
 * Result kept to 6 decimals.
 */
export function weightedTotal(criteria: RubricCriterion[], scores: Record<string, number>): number {
  let sum = 0;
  for (const c of criteria) {
    const score = scores[c.id];
    if (typeof score !== "number" || !Number.isFinite(score) || !(c.maxScore > 0)) continue;
    // score × weight first: with whole-number inputs that product is exact.
    sum += (score * c.weightPct) / c.maxScore;
  }
  return clean(sum);
}

export type ReviewerTotal = { subjectId: string; reviewerId: string; total: number };
export type AggregationMode = "MEAN" | "TRIMMED_MEAN";
export type AggregationSettings = { mode: AggregationMode; zScore: boolean; disagreementThreshold: number };

export type SubjectAggregate = {
  subjectId: string;
  /** null when there is no submitted review */
  finalScore: number | null;
  reviewCount: number;
  /** the reviewers' weighted totals as submitted */
  rawTotals: number[];
  /** max − min of rawTotals (0 with fewer than two) */
  spread: number;
  /** spread above disagreementThreshold */
  flagged: boolean;
  /** the highest and lowest were dropped (TRIMMED_MEAN with 5 or more reviews) */
  trimmed: boolean;
};

/** Trimmed mean needs this many reviews; then exactly one highest and one lowest are dropped. */
export const TRIM_MIN_REVIEWS = 5;

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
/** Population standard deviation (divide by n). */
const stdDev = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

/**
 * Final score per subject: optionally z-score-normalise each reviewer's totals
 * over all the subjects they scored in the round (rescaled to the round's overall
 * mean and standard deviation; a reviewer with one score or no spread is only
 * shifted), then the mean, or the trimmed mean. Rounded to 2 decimals.
 *
 * Precisely:
 * - overall mean M and population standard deviation S are over every raw total given;
 * - a reviewer with mean m and population standard deviation s over their totals maps
 *   t → M + S × (t − m) / s, or, with one total or s = 0, t → t + (M − m);
 * - TRIMMED_MEAN with 5+ totals drops one highest and one lowest of the (normalised)
 *   values, then averages; otherwise the plain mean;
 * - spread, flagged (spread > threshold, strictly) and rawTotals always use the raw totals;
 * - normalised scores are not clamped to 0–100 (clamping would create false ties);
 * - subjects come out in order of first appearance, rawTotals in input order.
 * Only the given totals are aggregated: pass the submitted reviews of one round.
 */
export function aggregateScores(totals: ReviewerTotal[], settings: AggregationSettings): SubjectAggregate[] {
  const adjusted = settings.zScore ? zScoreNormalise(totals) : totals.map((t) => t.total);

  const bySubject = new Map<string, { raw: number[]; values: number[] }>();
  totals.forEach((t, i) => {
    let entry = bySubject.get(t.subjectId);
    if (!entry) bySubject.set(t.subjectId, (entry = { raw: [], values: [] }));
    entry.raw.push(t.total);
    entry.values.push(adjusted[i]);
  });

  const out: SubjectAggregate[] = [];
  for (const [subjectId, { raw, values }] of bySubject) {
    const trimmed = settings.mode === "TRIMMED_MEAN" && values.length >= TRIM_MIN_REVIEWS;
    // Dropping the first max and first min: with equal values that is still one of each.
    const kept = trimmed
      ? values
          .slice()
          .sort((a, b) => a - b)
          .slice(1, -1)
      : values;
    const spread = raw.length >= 2 ? clean(Math.max(...raw) - Math.min(...raw)) : 0;
    out.push({
      subjectId,
      finalScore: kept.length > 0 ? round2(mean(kept)) : null,
      reviewCount: raw.length,
      rawTotals: raw,
      spread,
      flagged: spread > settings.disagreementThreshold,
      trimmed,
    });
  }
  return out;
}

/** Each total mapped onto the round's scale, in input order (see aggregateScores). */
export function zScoreNormalise(totals: ReviewerTotal[]): number[] {
  if (totals.length === 0) return [];
  const all = totals.map((t) => t.total);
  const M = mean(all);
  const S = stdDev(all);

  const byReviewer = new Map<string, number[]>();
  for (const t of totals) {
    const list = byReviewer.get(t.reviewerId);
    if (list) list.push(t.total);
    else byReviewer.set(t.reviewerId, [t.total]);
  }
  const stats = new Map<string, { m: number; s: number }>();
  for (const [reviewerId, list] of byReviewer) {
    // Spread below float noise counts as none (avoids dividing by ~1e-15).
    const s = stdDev(list);
    stats.set(reviewerId, { m: mean(list), s: s < 1e-9 ? 0 : s });
  }

  return totals.map((t) => {
    const { m, s } = stats.get(t.reviewerId)!;
    return s === 0 ? t.total + (M - m) : M + (S * (t.total - m)) / s;
  });
}
