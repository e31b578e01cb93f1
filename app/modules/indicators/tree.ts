// The indicator tree's types, points arithmetic, codes and JSON columns (see scheme.ts).
import { z } from "zod";

export const SCHEME_PURPOSES = ["RATING", "GRANT_EVALUATION"] as const;
export type SchemePurpose = (typeof SCHEME_PURPOSES)[number];
export const PURPOSE_LABELS: Record<SchemePurpose, string> = {
  RATING: "社会组织等级评估",
  GRANT_EVALUATION: "资助项目评估",
};

export const LEAF_METHODS = ["CHECKLIST", "TIERS", "YES_NO", "MANUAL"] as const;
export type LeafMethod = (typeof LEAF_METHODS)[number];
export const METHOD_LABELS: Record<LeafMethod, string> = {
  CHECKLIST: "逐项计分",
  TIERS: "分档计分",
  YES_NO: "是否判定",
  MANUAL: "据实评分",
};

export function isLeafMethod(value: unknown): value is LeafMethod {
  return typeof value === "string" && (LEAF_METHODS as readonly string[]).includes(value);
}

/** How deep a tree may go: 基础条件 → 法人资格 → 法定代表人 → "按章程规定程序选举产生". */
export const MAX_LEVEL = 4;

/**
 * A line of a leaf's 评分细则: a checklist item or a tier with its points; for yes/no and
 * manual leaves a note without points (what the scorer looks at).
 */
export type ScoreItem = { label: string; points: number | null };

/** A condition on one leaf's score that caps the grade or vetoes the result (e.g. 党组织应建未建). */
export type CapRule = { leafCode: string; atMost: number; maxLevel: number; label: string };
export type VetoRule = { leafCode: string; atMost: number; label: string };
export type SchemeRules = { caps: CapRule[]; vetoes: VetoRule[] };

/** One indicator as a row: what the builder edits, the Excel sheet holds and the database stores. */
export type FlatNode = {
  code: string;
  title: string;
  points: number;
  method: LeafMethod | null;
  items: ScoreItem[];
  evidence: string | null;
  bonus: boolean;
  source: string | null;
};

export type IndicatorTreeNode = FlatNode & { level: number; children: IndicatorTreeNode[] };

export type SchemeMeta = {
  id: string;
  key: string;
  version: number;
  title: string;
  purpose: SchemePurpose;
  orgType: string | null;
  subtype: string | null;
  totalPoints: number;
  bonusCap: number;
  frozenAt: Date | null;
};

export type SchemeTree = SchemeMeta & { roots: IndicatorTreeNode[]; rules: SchemeRules };

// ── points arithmetic: in tenths, so 0.5 + 0.2 never becomes 0.7000000001 ──

export const toTenths = (points: number) => Math.round(points * 10);
export const fromTenths = (tenths: number) => tenths / 10;

/** Adds points exactly to one decimal. */
export function sumPoints(values: number[]) {
  return fromTenths(values.reduce((sum, v) => sum + toTenths(v), 0));
}

/** True when the value has at most one decimal (0.5, 2.5, 3). */
export function hasOneDecimal(value: number) {
  return Math.abs(value * 10 - Math.round(value * 10)) < 1e-6;
}

/** 30 → "30"; 2.5 → "2.5". */
export function formatPoints(points: number) {
  return String(fromTenths(toTenths(points)));
}

// ── codes ──

const CODE_PATTERN = /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/;

export function isValidCode(code: string) {
  return CODE_PATTERN.test(code);
}

/** "1.2.3" → "1.2"; "1" → null. */
export function parentCode(code: string) {
  const at = code.lastIndexOf(".");
  return at < 0 ? null : code.slice(0, at);
}

export function levelOf(code: string) {
  return code.split(".").length;
}

// ── JSON columns ──

const itemsSchema = z.array(z.object({ label: z.string(), points: z.number().nullable() }));
const rulesSchema = z.object({
  caps: z
    .array(z.object({ leafCode: z.string(), atMost: z.number(), maxLevel: z.number().int(), label: z.string() }))
    .default([]),
  vetoes: z.array(z.object({ leafCode: z.string(), atMost: z.number(), label: z.string() })).default([]),
});

export function parseItems(json: string | null | undefined): ScoreItem[] {
  if (!json) return [];
  const parsed = itemsSchema.safeParse(safeJson(json));
  return parsed.success ? parsed.data : [];
}

export function parseRules(json: string | null | undefined): SchemeRules {
  const parsed = rulesSchema.safeParse(safeJson(json || "{}"));
  return parsed.success ? parsed.data : { caps: [], vetoes: [] };
}

function safeJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

// ── the tree ──

/**
 * Builds the tree from rows in display order (a parent before its children), by code:
 * "1.2" hangs under "1". Rows whose parent is missing are left out (checkTree reports them).
 * A node under a bonus node is a bonus node.
 */
export function buildTree(rows: FlatNode[]): IndicatorTreeNode[] {
  const byCode = new Map<string, IndicatorTreeNode>();
  const roots: IndicatorTreeNode[] = [];
  for (const row of rows) {
    if (byCode.has(row.code)) continue;
    const parentAt = parentCode(row.code);
    const parent = parentAt === null ? null : byCode.get(parentAt);
    if (parentAt !== null && !parent) continue;
    const node: IndicatorTreeNode = {
      ...row,
      bonus: row.bonus || Boolean(parent?.bonus),
      level: levelOf(row.code),
      children: [],
    };
    byCode.set(row.code, node);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Every node, depth first, in display order. */
export function nodesOf(tree: { roots: IndicatorTreeNode[] } | IndicatorTreeNode[]): IndicatorTreeNode[] {
  const roots = Array.isArray(tree) ? tree : tree.roots;
  return roots.flatMap((node) => [node, ...nodesOf(node.children)]);
}

/** The leaves (the indicators that are scored), in display order. */
export function leavesOf(tree: { roots: IndicatorTreeNode[] } | IndicatorTreeNode[]): IndicatorTreeNode[] {
  return nodesOf(tree).filter((node) => node.children.length === 0);
}

/** The tree back as rows, parents first: what the database and the Excel sheet hold. */
export function flatten(tree: { roots: IndicatorTreeNode[] } | IndicatorTreeNode[]): FlatNode[] {
  return nodesOf(tree).map(({ code, title, points, method, items, evidence, bonus, source }) => ({
    code,
    title,
    points,
    method,
    items,
    evidence,
    bonus,
    source,
  }));
}
