// How a demo self-assessment or expert scores an evaluation's scheme: every leaf at about
// `quality` (0–1) of its points, by the leaf's method (a tier, ticked checklist items, yes
// for 专款专用 so no veto, a whole number for 据实评分), as the forms would store them. Pure.
import { checklistScore, leavesOf, type SchemeTree } from "~/modules/indicators/scheme";
import type { LeafChoice } from "~/modules/rating/leaf-input";

export type LeafScore = { leafCode: string; score: number; choice: LeafChoice };

export function leafScores(tree: SchemeTree, quality: number, wobble = 0): LeafScore[] {
  return leavesOf(tree).map((leaf, i) => {
    const q = Math.max(0, Math.min(1, quality + (((i * 7 + Math.round(wobble * 10)) % 5) - 2) * 0.02 + wobble));
    const want = leaf.points * q;
    if (leaf.method === "TIERS") {
      const tiers = leaf.items.map((t, tier) => ({ tier, points: t.points ?? 0 }));
      const best = tiers.reduce((a, b) => (Math.abs(b.points - want) < Math.abs(a.points - want) ? b : a));
      return { leafCode: leaf.code, score: best.points, choice: { tier: best.tier } };
    }
    if (leaf.method === "CHECKLIST") {
      const ticked: number[] = [];
      for (const [index, item] of leaf.items.entries()) {
        if (checklistScore(leaf, [...ticked, index]) <= want + 0.01 || (item.points ?? 0) === 0) ticked.push(index);
      }
      return { leafCode: leaf.code, score: checklistScore(leaf, ticked), choice: { ticked } };
    }
    if (leaf.method === "YES_NO") return { leafCode: leaf.code, score: leaf.points, choice: { yes: true } };
    return { leafCode: leaf.code, score: Math.round(want), choice: {} };
  });
}
