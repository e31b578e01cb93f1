// Writing a scheme as nested data (the seed, tests): leaves carry their points and method, a
// parent's points are the sum of its children, codes follow the positions (1, 1.2, 1.2.3).
// Caps and vetoes are attached to the leaf they read.
import { type FlatNode, type LeafMethod, type SchemeRules, sumPoints } from "./tree";

type LeafRule = { cap?: { maxLevel: number; label: string }; veto?: { label: string }; atMost?: number };

export type LeafDef = {
  title: string;
  points: number;
  method: LeafMethod;
  items: Array<[string, number | null]>;
  evidence: string;
  source?: string;
  rule?: LeafRule;
};
export type BranchDef = { title: string; bonus?: boolean; children: Array<BranchDef | LeafDef> };
export type NodeDef = BranchDef | LeafDef;

type Extra = { source?: string; rule?: LeafRule; note?: string };
const notes = (note?: string): Array<[string, null]> => (note ? [[note, null]] : []);

export const branch = (title: string, children: NodeDef[]): BranchDef => ({ title, children });
export const bonusBlock = (title: string, children: NodeDef[]): BranchDef => ({ title, bonus: true, children });

export const yesNo = (title: string, points: number, evidence: string, extra: Extra = {}): LeafDef => ({
  title,
  points,
  method: "YES_NO",
  items: notes(extra.note),
  evidence,
  ...extra,
});

export const manual = (title: string, points: number, evidence: string, extra: Extra = {}): LeafDef => ({
  title,
  points,
  method: "MANUAL",
  items: notes(extra.note),
  evidence,
  ...extra,
});

/** Checklist: the items add up to the leaf's points. */
export const checklist = (title: string, items: Array<[string, number]>, evidence: string, extra: Extra = {}) =>
  ({ title, points: sumPoints(items.map(([, p]) => p)), method: "CHECKLIST", items, evidence, ...extra }) as LeafDef;

/** Tiers: the best tier is the leaf's points. */
export const tiers = (title: string, items: Array<[string, number]>, evidence: string, extra: Extra = {}) =>
  ({ title, points: Math.max(...items.map(([, p]) => p)), method: "TIERS", items, evidence, ...extra }) as LeafDef;

const isBranch = (def: NodeDef): def is BranchDef => "children" in def;

export function pointsOf(def: NodeDef): number {
  return isBranch(def) ? sumPoints(def.children.map(pointsOf)) : def.points;
}

/** The rows (parents first) and the rules of a scheme written as nested data. */
export function defineRows(defs: NodeDef[]): { rows: FlatNode[]; rules: SchemeRules; totalPoints: number } {
  const rows: FlatNode[] = [];
  const rules: SchemeRules = { caps: [], vetoes: [] };
  const walk = (list: NodeDef[], prefix: string, bonus: boolean) =>
    list.forEach((def, index) => {
      const code = prefix ? `${prefix}.${index + 1}` : String(index + 1);
      const isBonus = bonus || (isBranch(def) && Boolean(def.bonus));
      if (isBranch(def)) {
        rows.push({
          code,
          title: def.title,
          points: pointsOf(def),
          method: null,
          items: [],
          evidence: null,
          bonus: isBonus,
          source: null,
        });
        walk(def.children, code, isBonus);
        return;
      }
      const items = def.items.map(([label, points]) => ({ label, points }));
      rows.push({
        code,
        title: def.title,
        points: def.points,
        method: def.method,
        items,
        evidence: def.evidence,
        bonus: isBonus,
        source: def.source ?? null,
      });
      const atMost = def.rule?.atMost ?? 0;
      if (def.rule?.cap) rules.caps.push({ leafCode: code, atMost, ...def.rule.cap });
      if (def.rule?.veto) rules.vetoes.push({ leafCode: code, atMost, ...def.rule.veto });
    });
  walk(defs, "", false);
  const totalPoints = sumPoints(defs.filter((d) => !(isBranch(d) && d.bonus)).map(pointsOf));
  return { rows, rules, totalPoints };
}
