// Whether a scheme's tree adds up: every node's children sum to its points, the first-level
// blocks (without bonus items) sum to the scheme's total, every leaf has a method whose items
// fit its points. The import names the row of each issue; the builder lists them; a scheme
// with issues cannot be used by a round.
import {
  type FlatNode,
  type SchemeRules,
  formatPoints,
  hasOneDecimal,
  isValidCode,
  levelOf,
  MAX_LEVEL,
  parentCode,
  sumPoints,
  toTenths,
} from "./tree";

/** One problem, at the indicator it concerns (null: the scheme as a whole). */
export type TreeIssue = { code: string | null; message: string };

type CheckInput = { totalPoints: number; rules?: SchemeRules; nodes: FlatNode[] };

export function checkTree({ totalPoints, rules, nodes }: CheckInput): TreeIssue[] {
  const issues: TreeIssue[] = [];
  const byCode = new Map<string, FlatNode>();
  const children = new Map<string, FlatNode[]>();
  const roots: FlatNode[] = [];

  for (const node of nodes) {
    const { code } = node;
    const issue = (message: string) => issues.push({ code, message: `${code} ${message}` });
    if (!isValidCode(code)) {
      issues.push({ code, message: `编码“${code}”格式不正确，应为 1、1.2、1.2.3 这样的数字编码` });
      continue;
    }
    if (byCode.has(code)) {
      issue("编码重复");
      continue;
    }
    if (levelOf(code) > MAX_LEVEL) issue(`超过 ${MAX_LEVEL} 级`);
    if (!node.title.trim()) issue("缺少名称");
    if (!(node.points > 0)) issue("的分值应大于 0");
    else if (!hasOneDecimal(node.points)) issue("的分值最多保留一位小数");
    const parent = parentCode(code);
    if (parent !== null && !byCode.has(parent)) issue(`的上级指标 ${parent} 不存在（上级须排在下级之前）`);
    byCode.set(code, node);
    if (parent === null) roots.push(node);
    else children.set(parent, [...(children.get(parent) ?? []), node]);
  }

  for (const node of byCode.values()) {
    const kids = children.get(node.code);
    if (kids) {
      const sum = sumPoints(kids.map((k) => k.points));
      if (toTenths(sum) !== toTenths(node.points)) {
        issues.push({
          code: node.code,
          message: `${node.code} 的下级分值合计 ${formatPoints(sum)}，应为 ${formatPoints(node.points)}`,
        });
      }
      if (node.method) issues.push({ code: node.code, message: `${node.code} 有下级指标，不应填写评分方式` });
    } else {
      issues.push(...leafIssues(node));
    }
  }

  const base = sumPoints(roots.filter((r) => !r.bonus).map((r) => r.points));
  if (roots.length > 0 && toTenths(base) !== toTenths(totalPoints)) {
    issues.push({
      code: null,
      message: `一级指标分值合计 ${formatPoints(base)}，应为总分 ${formatPoints(totalPoints)}`,
    });
  }
  if (nodes.length === 0) issues.push({ code: null, message: "指标体系还没有指标" });

  for (const rule of [...(rules?.caps ?? []), ...(rules?.vetoes ?? [])]) {
    const leaf = byCode.get(rule.leafCode);
    if (!leaf || children.has(rule.leafCode)) {
      issues.push({ code: null, message: `限制条件“${rule.label}”引用的末级指标 ${rule.leafCode} 不存在` });
    }
  }
  return issues;
}

function leafIssues(leaf: FlatNode): TreeIssue[] {
  const at = (message: string) => [{ code: leaf.code, message: `${leaf.code} ${message}` }];
  if (!leaf.method) return at("是末级指标，须填写评分方式");
  if (leaf.method !== "CHECKLIST" && leaf.method !== "TIERS") return [];
  if (leaf.items.length === 0) return at("须列出评分细则（每行一项，写明“得 N 分”）");
  const missing = leaf.items.find((item) => item.points === null || !(item.points >= 0));
  if (missing) return at(`的细则“${missing.label}”缺少分值`);
  const points = leaf.items.map((item) => item.points ?? 0);
  if (leaf.method === "CHECKLIST") {
    const sum = sumPoints(points);
    return toTenths(sum) === toTenths(leaf.points)
      ? []
      : at(`的评分细则合计 ${formatPoints(sum)}，应为 ${formatPoints(leaf.points)}`);
  }
  const top = Math.max(...points);
  return toTenths(top) === toTenths(leaf.points)
    ? []
    : at(`的最高一档 ${formatPoints(top)} 分，应为 ${formatPoints(leaf.points)}`);
}
