// The text forms of a leaf's 评分细则 and 限制条件, as staff type them in the builder and keep
// them in Excel: one item per line, "□ 按期换届 得 4 分"; a rule as "封顶3A：应建未建党组织的…"
// or "否决：挪用项目资金的…", optionally "得分≤2时封顶3A：…". Parsing and writing live together
// so the export writes exactly what the import reads.
import { type CapRule, formatPoints, type LeafMethod, type SchemeRules, type ScoreItem, type VetoRule } from "./tree";

const ITEM_LINE = /^(?:[□☐■☑✓√·•\-*]\s*)?(.*?)[\s，,：:]*得\s*([0-9]+(?:\.[0-9]+)?)\s*分$/;

/** Items from the text, one per non-empty line; points from "得 N 分" at the end of a line, if any (else a note). */
export function parseItemsText(text: string): ScoreItem[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = ITEM_LINE.exec(line);
      return match && match[1]
        ? { label: match[1].trim(), points: Number(match[2]) }
        : { label: line.replace(/^[□☐]\s*/, ""), points: null };
    });
}

export function formatItemsText(method: LeafMethod | null, items: ScoreItem[]): string {
  return items
    .map((item) => {
      const mark = method === "CHECKLIST" ? "□ " : "";
      return item.points === null ? item.label : `${mark}${item.label} 得 ${formatPoints(item.points)} 分`;
    })
    .join("\n");
}

export type LeafRuleText = { cap: Omit<CapRule, "leafCode"> } | { veto: Omit<VetoRule, "leafCode"> };

const RULE_LINE =
  /^(?:得分\s*[≤<=]+\s*([0-9]+(?:\.[0-9]+)?)\s*(?:分)?\s*时\s*)?(?:封顶\s*([1-5])\s*A|(否决))\s*[：:]\s*(.+)$/;

/** A cap or veto from its text; null for an empty text; an error message when it cannot be read. */
export function parseRuleText(text: string): LeafRuleText | null | { error: string } {
  const line = text.trim();
  if (!line) return null;
  const match = RULE_LINE.exec(line);
  if (!match) return { error: "限制条件应写作“封顶3A：说明”或“否决：说明”，可在前面加“得分≤N时”" };
  const atMost = match[1] ? Number(match[1]) : 0;
  const label = match[4].trim();
  return match[3] ? { veto: { atMost, label } } : { cap: { atMost, maxLevel: Number(match[2]), label } };
}

export function formatRuleText(rule: { atMost: number; label: string; maxLevel?: number }): string {
  const when = rule.atMost > 0 ? `得分≤${formatPoints(rule.atMost)}时` : "";
  return `${when}${rule.maxLevel !== undefined ? `封顶${rule.maxLevel}A` : "否决"}：${rule.label}`;
}

/** The cap or veto that reads this leaf, as text (empty when none). */
export function ruleTextFor(rules: SchemeRules, leafCode: string): string {
  const rule = rules.caps.find((r) => r.leafCode === leafCode) ?? rules.vetoes.find((r) => r.leafCode === leafCode);
  return rule ? formatRuleText(rule) : "";
}

/** The rules with this leaf's cap or veto replaced by `rule` (or removed when null). */
export function withLeafRule(rules: SchemeRules, leafCode: string, rule: LeafRuleText | null): SchemeRules {
  const caps = rules.caps.filter((r) => r.leafCode !== leafCode);
  const vetoes = rules.vetoes.filter((r) => r.leafCode !== leafCode);
  if (rule && "cap" in rule) caps.push({ leafCode, ...rule.cap });
  if (rule && "veto" in rule) vetoes.push({ leafCode, ...rule.veto });
  return { caps, vetoes };
}
