// The rules of an expert's leaf scores (#12 item 7). Pure: the scoring form and the panel hook
// use them. Every leaf is scored by its method; wherever points are taken off the expert says
// why (扣分原因); the application's expert score is the mean of the experts' totals.
import { toTenths } from "~/modules/indicators/scheme";

type Leaf = { code: string; points: number; bonus: boolean };

/** 扣分原因 is required when a (non-bonus) leaf gets less than its points. */
export function needsDeductionReason(leaf: Leaf, score: number) {
  return !leaf.bonus && toTenths(score) < toTenths(leaf.points);
}

/** The leaves scored below their points without a reason: leaf code → message. */
export function missingDeductionReasons(
  leaves: Leaf[],
  scores: Map<string, number>,
  notes: Map<string, string>,
): Map<string, string> {
  const errors = new Map<string, string>();
  for (const leaf of leaves) {
    const score = scores.get(leaf.code);
    if (score === undefined || !needsDeductionReason(leaf, score)) continue;
    if (!notes.get(leaf.code)?.trim()) errors.set(leaf.code, "扣分的指标须填写扣分原因");
  }
  return errors;
}

/** The mean of the experts' totals, to one decimal; null before any expert has submitted. */
export function expertTotal(totals: number[]): number | null {
  if (totals.length === 0) return null;
  const sum = totals.reduce((s, t) => s + toTenths(t), 0);
  return Math.round(sum / totals.length) / 10;
}
