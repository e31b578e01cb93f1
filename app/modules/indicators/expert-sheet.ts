// What an expert scoring a subject on an indicator scheme reads beside the form (rating
// applications, funded-project evaluations): the first-level blocks with every leaf's 评分细则
// and the owner's self-score, plus what the subject adds to a leaf (its evidence files, what the
// record suggests); and the scheme's leaves as the panel's criteria (criterion id = leaf code,
// the total is the scheme's sum, not a weighted rubric). Pure.
import type { PanelCriterion } from "~/modules/review/subject";
import { leavesOf, type IndicatorTreeNode, type SchemeTree } from "./tree";

export function expertBlocks<Extra extends object>(
  tree: SchemeTree,
  selfScores: { leafCode: string; score: number }[],
  extra: (leaf: IndicatorTreeNode) => Extra,
) {
  const self = new Map(selfScores.map((s) => [s.leafCode, s.score]));
  return tree.roots.map((root) => ({
    code: root.code,
    title: root.title,
    points: root.points,
    leaves: leavesOf([root]).map((leaf) => ({
      code: leaf.code,
      title: leaf.title,
      points: leaf.points,
      method: leaf.method,
      items: leaf.items,
      evidence: leaf.evidence,
      bonus: leaf.bonus,
      self: self.get(leaf.code) ?? null,
      ...extra(leaf),
    })),
  }));
}

export function schemeCriteria(tree: SchemeTree): PanelCriterion[] {
  return leavesOf(tree).map((leaf) => ({
    id: leaf.code,
    name: `${leaf.code} ${leaf.title}`,
    description: leaf.evidence,
    maxScore: leaf.points,
    weightPct: 0,
  }));
}
