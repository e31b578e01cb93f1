// Scores to a final score per subject. Pure; configurable per round.
// CONTRACT (implementation pending): see the function comments.

export type RubricCriterion = { id: string; maxScore: number; weightPct: number };

/** Σ score/maxScore × weightPct, i.e. 0–100. Missing scores count as 0. */
export function weightedTotal(_criteria: RubricCriterion[], _scores: Record<string, number>): number {
  throw new Error("not implemented");
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

/**
 * Final score per subject: optionally z-score-normalise each reviewer's totals
 * over all the subjects they scored in the round (rescaled to the round's overall
 * mean and standard deviation; a reviewer with one score or no spread is only
 * shifted), then the mean, or the trimmed mean. Rounded to 2 decimals.
 */
export function aggregateScores(_totals: ReviewerTotal[], _settings: AggregationSettings): SubjectAggregate[] {
  throw new Error("not implemented");
}
