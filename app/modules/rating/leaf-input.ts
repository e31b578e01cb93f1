// How a leaf is scored in a form, by its method (#12 item 6): checklist boxes that add up, a
// tier select, yes/no, or a number up to the leaf's points. Pure: the organization's
// self-assessment form builds its fields and reads its scores with these, in the browser and on
// the server. The input is kept (RatingSelfScore.note, JSON) so a draft opens as it was left.
import { z } from "zod";
import { checklistScore, formatPoints, validateLeafScore, type IndicatorTreeNode } from "~/modules/indicators/scheme";

export type FormLeaf = Pick<IndicatorTreeNode, "code" | "title" | "points" | "method" | "items" | "evidence" | "bonus">;

/** A form-safe name for a leaf code (conform reads dots as paths): "1.2.3" → "1_2_3". */
export const leafKey = (code: string) => code.replace(/\./g, "_");
export const scoreField = (code: string) => `s_${leafKey(code)}`;

/** What the scorer chose, as stored beside the score. */
export type LeafChoice = { ticked?: number[]; tier?: number; yes?: boolean };

function scoreInputSchema(leaf: FormLeaf) {
  switch (leaf.method) {
    case "CHECKLIST":
      return z.array(z.string()).optional();
    case "TIERS":
      return z.string().optional();
    case "YES_NO":
      return z.enum(["yes", "no"]).optional();
    default:
      return z
        .number({ invalid_type_error: "请填写数字" })
        .min(0, "得分不能为负数")
        .max(leaf.points, `得分不能超过本项分值 ${formatPoints(leaf.points)} 分`)
        .optional();
  }
}

/** One optional score field per leaf (a draft may leave any of them empty). */
export function scoreFields(leaves: FormLeaf[]) {
  return Object.fromEntries(leaves.map((leaf) => [scoreField(leaf.code), scoreInputSchema(leaf)]));
}

/** The score and choice of one leaf from the parsed form value, or null when left empty. */
export function readLeafInput(leaf: FormLeaf, value: unknown): { score: number; choice: LeafChoice } | null {
  if (leaf.method === "CHECKLIST") {
    const ticked = (Array.isArray(value) ? value : [])
      .map(Number)
      .filter((i) => Number.isInteger(i) && i >= 0 && i < leaf.items.length);
    return { score: checklistScore(leaf, ticked), choice: { ticked } };
  }
  if (value === undefined || value === null || value === "") return null;
  if (leaf.method === "TIERS") {
    const tier = Number(value);
    if (!Number.isInteger(tier) || tier < 0 || tier >= leaf.items.length) return null;
    return { score: leaf.items[tier]?.points ?? 0, choice: { tier } };
  }
  if (leaf.method === "YES_NO") return { score: value === "yes" ? leaf.points : 0, choice: { yes: value === "yes" } };
  return typeof value === "number" ? { score: value, choice: {} } : null;
}

/** Scores of the leaves that were filled in, and a message per leaf whose score the method refuses. */
export function readLeafInputs(leaves: FormLeaf[], values: Record<string, unknown>) {
  const scores: { leafCode: string; score: number; choice: LeafChoice }[] = [];
  const errors: Record<string, string[]> = {};
  for (const leaf of leaves) {
    const read = readLeafInput(leaf, values[scoreField(leaf.code)]);
    if (!read) continue;
    const problem = validateLeafScore(leaf, read.score);
    if (problem) errors[scoreField(leaf.code)] = [problem];
    else scores.push({ leafCode: leaf.code, ...read });
  }
  return { scores, errors };
}

/** The form's default value of one leaf from what was stored. */
export function leafDefault(leaf: FormLeaf, stored: { score: number; note: string | null } | undefined) {
  if (!stored) return undefined;
  let choice: LeafChoice = {};
  try {
    choice = stored.note ? (JSON.parse(stored.note) as LeafChoice) : {};
  } catch {
    choice = {};
  }
  if (leaf.method === "CHECKLIST") return (choice.ticked ?? []).map(String);
  if (leaf.method === "TIERS") return choice.tier === undefined ? undefined : String(choice.tier);
  if (leaf.method === "YES_NO") return stored.score > 0 ? "yes" : "no";
  return String(stored.score);
}

/**
 * The self-assessment form of some leaves: their score fields and `extra` (the evidence
 * uploads), with the method's check of each filled score (a tier's points, a checklist sum).
 */
export function selfAssessmentSchema<E extends z.ZodRawShape>(leaves: FormLeaf[], extra: E) {
  return z.object({ ...scoreFields(leaves), ...extra }).superRefine((values, ctx) => {
    const { errors } = readLeafInputs(leaves, values as Record<string, unknown>);
    for (const [path, messages] of Object.entries(errors)) {
      for (const message of messages) ctx.addIssue({ code: "custom", path: [path], message });
    }
  });
}
