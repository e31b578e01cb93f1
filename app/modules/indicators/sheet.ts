// A scheme as one Excel sheet, the way bureaus keep their 评分细则: one row per indicator, the
// tree in the codes. schemeToSheet writes exactly the columns sheetToScheme reads; the import
// checks every row with the builder's form schema and the whole tree with checkTree, and names
// the row of each problem.
import { parseWithZod } from "@conform-to/zod";
import { NodeSchema, nodeFromInput } from "./node-form";
import { formatItemsText, ruleTextFor, withLeafRule } from "./row-text";
import {
  type FlatNode,
  flatten,
  type IndicatorTreeNode,
  LEAF_METHODS,
  METHOD_LABELS,
  type LeafMethod,
  type SchemeRules,
} from "./tree";
import { checkTree } from "./tree-check";

export const SHEET_COLUMNS = [
  "编码",
  "名称",
  "分值",
  "评分方式",
  "评分细则/选项",
  "准备材料",
  "加分项",
  "限制条件",
  "数据来源",
] as const;
type Column = (typeof SHEET_COLUMNS)[number];
const REQUIRED: Column[] = ["编码", "名称", "分值"];

export type SheetCell = string | number | null;

/** The header row and one row per indicator, parents first. */
export function schemeToSheet(tree: { roots: IndicatorTreeNode[]; rules: SchemeRules }): SheetCell[][] {
  const rows = flatten(tree).map((node): SheetCell[] => [
    node.code,
    node.title,
    node.points,
    node.method ? METHOD_LABELS[node.method] : "",
    formatItemsText(node.method, node.items),
    node.evidence ?? "",
    node.bonus ? "是" : "",
    ruleTextFor(tree.rules, node.code),
    node.source ?? "",
  ]);
  return [[...SHEET_COLUMNS], ...rows];
}

function methodFromLabel(text: string): LeafMethod | "" | undefined {
  const label = text.trim();
  if (!label) return "";
  if ((LEAF_METHODS as readonly string[]).includes(label.toUpperCase())) return label.toUpperCase() as LeafMethod;
  if (/逐项|勾选|清单/.test(label)) return "CHECKLIST";
  if (/分档|档次|阶梯/.test(label)) return "TIERS";
  if (/是否|是\/否|有无/.test(label)) return "YES_NO";
  if (/据实|手工|酌情|评分/.test(label)) return "MANUAL";
  return undefined;
}

export type SheetResult = { ok: true; nodes: FlatNode[]; rules: SchemeRules } | { ok: false; errors: string[] };

/**
 * Reads the rows of a sheet (each with its row number in Excel). The header is the first row
 * that names 编码, 名称 and 分值 (a title row above it is fine); rows without a code are skipped.
 */
export function sheetToScheme(
  rows: Array<{ rowNumber: number; cells: SheetCell[] }>,
  totalPoints: number,
): SheetResult {
  const text = (cell: SheetCell | undefined) => (cell === null || cell === undefined ? "" : String(cell).trim());
  const headerAt = rows.findIndex((row) => REQUIRED.every((name) => row.cells.some((c) => text(c) === name)));
  if (headerAt < 0) return { ok: false, errors: [`找不到表头：第一行应包含“${REQUIRED.join("”“")}”等列`] };
  const header = rows[headerAt].cells.map(text);
  const column = (name: Column) => header.indexOf(name);

  const errors: string[] = [];
  const nodes: FlatNode[] = [];
  const rowOf = new Map<string, number>();
  let rules: SchemeRules = { caps: [], vetoes: [] };
  for (const { rowNumber, cells } of rows.slice(headerAt + 1)) {
    const get = (name: Column) => (column(name) < 0 ? "" : text(cells[column(name)]));
    if (!get("编码") && !get("名称")) continue;
    const method = methodFromLabel(get("评分方式"));
    if (method === undefined) {
      errors.push(
        `第 ${rowNumber} 行：评分方式“${get("评分方式")}”无法识别，应为${Object.values(METHOD_LABELS).join("、")}之一`,
      );
      continue;
    }
    const form = new FormData();
    const fields: Record<string, string> = {
      code: get("编码"),
      title: get("名称"),
      points: get("分值"),
      method,
      itemsText: get("评分细则/选项"),
      evidence: get("准备材料"),
      ruleText: get("限制条件"),
      source: get("数据来源"),
    };
    for (const [name, value] of Object.entries(fields)) if (value) form.set(name, value);
    if (/^(是|√|✓|y|yes|true|1)$/i.test(get("加分项"))) form.set("bonus", "on");
    const parsed = parseWithZod(form, { schema: NodeSchema });
    if (parsed.status !== "success") {
      const messages = Object.values(parsed.error ?? {}).flatMap((list) => list ?? []);
      errors.push(...messages.map((message) => `第 ${rowNumber} 行：${message}`));
      continue;
    }
    const { node, rule } = nodeFromInput(parsed.value);
    if (!rowOf.has(node.code)) rowOf.set(node.code, rowNumber);
    nodes.push(node);
    if (rule) rules = withLeafRule(rules, node.code, rule);
  }
  if (errors.length > 0) return { ok: false, errors };

  const issues = checkTree({ totalPoints, rules, nodes });
  if (issues.length > 0) {
    return {
      ok: false,
      errors: issues.map((issue) => {
        const row = issue.code === null ? undefined : rowOf.get(issue.code);
        return row === undefined ? issue.message : `第 ${row} 行：${issue.message}`;
      }),
    };
  }
  return { ok: true, nodes, rules };
}
