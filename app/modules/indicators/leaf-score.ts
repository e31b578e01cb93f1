// What a scorer may give one leaf, by its method: checklist items add up (any set of ticked
// items), tiers give one tier's points, yes/no gives all or nothing, manual anything up to the
// maximum. Scores have at most one decimal (0.5).
import { type FlatNode, formatPoints, hasOneDecimal, sumPoints, toTenths } from "./tree";

type Leaf = Pick<FlatNode, "points" | "method" | "items">;

/** The scores a leaf allows when they are a short list (tiers, yes/no); null when any value up to the max may do. */
export function allowedScores(leaf: Leaf): number[] | null {
  if (leaf.method === "YES_NO") return [leaf.points, 0];
  if (leaf.method === "TIERS") {
    const tiers = leaf.items.map((item) => item.points ?? 0);
    return [...new Set([...tiers, 0].map(toTenths))].sort((a, b) => b - a).map((t) => t / 10);
  }
  return null;
}

/** The points of the ticked checklist items (by their index). */
export function checklistScore(leaf: Leaf, ticked: number[]) {
  return sumPoints(ticked.map((i) => leaf.items[i]?.points ?? 0));
}

/** The sums a set of checklist items can reach, in tenths. */
function reachableSums(points: number[]) {
  let reachable = new Set([0]);
  for (const p of points.map(toTenths)) reachable = new Set([...reachable, ...[...reachable].map((s) => s + p)]);
  return reachable;
}

/** Why a score is not allowed for this leaf (in Chinese, for the field), or null when it is. */
export function validateLeafScore(leaf: Leaf, score: number): string | null {
  if (typeof score !== "number" || Number.isNaN(score)) return "请填写得分";
  if (score < 0) return "得分不能为负数";
  if (toTenths(score) > toTenths(leaf.points)) return `得分不能超过本项分值 ${formatPoints(leaf.points)} 分`;
  if (!hasOneDecimal(score)) return "得分最多保留一位小数";
  const allowed = allowedScores(leaf);
  if (allowed && !allowed.some((a) => toTenths(a) === toTenths(score))) {
    return leaf.method === "YES_NO"
      ? `本项为是否判定，只能得 ${formatPoints(leaf.points)} 分或 0 分`
      : `本项按档计分，应为其中一档：${allowed.map(formatPoints).join("、")} 分`;
  }
  if (leaf.method === "CHECKLIST" && leaf.items.length > 0) {
    const sums = reachableSums(leaf.items.map((item) => item.points ?? 0));
    if (!sums.has(toTenths(score))) return "本项逐项计分，得分应为所符合条目的分值之和";
  }
  return null;
}
