// A scheme's total from per-leaf scores: the base (the leaves outside bonus items), the bonus
// (counted up to the scheme's bonusCap), the total (capped at the scheme's points), the
// subtotal and progress of each first-level block, and the rules that cap the grade or veto the
// result. A score over a leaf's points counts as its points; validateLeafScore stops it earlier.
import { fromTenths, type IndicatorTreeNode, leavesOf, type SchemeTree, toTenths } from "./tree";

export type BlockScore = {
  code: string;
  title: string;
  points: number;
  score: number;
  bonus: boolean;
  /** leaves with a score, of all leaves in the block (the application's progress) */
  scored: number;
  leaves: number;
};

export type ScoreSheet = {
  total: number;
  base: number;
  /** bonus counted, after the cap */
  bonus: number;
  /** bonus earned before the cap */
  bonusRaw: number;
  byBlock: BlockScore[];
  /** a veto was triggered: the total is 0 */
  vetoed?: { leafCode: string; label: string };
  /** the strictest grade cap triggered, e.g. { maxLevel: 3, label: "应建未建党组织的，不得评为4A及以上" } */
  cap?: { leafCode: string; maxLevel: number; label: string };
  /** codes of leaves (outside bonus items) without a score */
  missing: string[];
};

type Tree = Pick<SchemeTree, "roots" | "rules" | "totalPoints" | "bonusCap">;

function leafTenths(leaf: IndicatorTreeNode, scores: Map<string, number>) {
  const score = scores.get(leaf.code);
  if (score === undefined || Number.isNaN(score)) return 0;
  return Math.min(Math.max(toTenths(score), 0), toTenths(leaf.points));
}

export function scoreSheet(tree: Tree, scores: Map<string, number>): ScoreSheet {
  const byBlock = tree.roots.map((root): BlockScore => {
    const leaves = leavesOf([root]);
    return {
      code: root.code,
      title: root.title,
      points: root.points,
      score: fromTenths(leaves.reduce((sum, leaf) => sum + leafTenths(leaf, scores), 0)),
      bonus: root.bonus,
      scored: leaves.filter((leaf) => scores.has(leaf.code)).length,
      leaves: leaves.length,
    };
  });
  const sumOf = (bonus: boolean) =>
    byBlock.filter((b) => b.bonus === bonus).reduce((sum, b) => sum + toTenths(b.score), 0);
  const base = sumOf(false);
  const bonusRaw = sumOf(true);
  const bonus = Math.min(bonusRaw, toTenths(tree.bonusCap));
  const total = Math.min(base + bonus, toTenths(tree.totalPoints));

  const triggered = <R extends { leafCode: string; atMost: number }>(rules: R[]) =>
    rules.filter((rule) => {
      const score = scores.get(rule.leafCode);
      return score !== undefined && toTenths(score) <= toTenths(rule.atMost);
    });
  const veto = triggered(tree.rules.vetoes)[0];
  const cap = triggered(tree.rules.caps).sort((a, b) => a.maxLevel - b.maxLevel)[0];

  return {
    total: veto ? 0 : fromTenths(total),
    base: fromTenths(base),
    bonus: fromTenths(bonus),
    bonusRaw: fromTenths(bonusRaw),
    byBlock,
    ...(veto ? { vetoed: { leafCode: veto.leafCode, label: veto.label } } : {}),
    ...(cap ? { cap: { leafCode: cap.leafCode, maxLevel: cap.maxLevel, label: cap.label } } : {}),
    missing: leavesOf(tree.roots)
      .filter((leaf) => !leaf.bonus && !scores.has(leaf.code))
      .map((leaf) => leaf.code),
  };
}
