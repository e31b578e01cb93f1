// The expert's scoring form of a rating application (#12 item 7): a score for every leaf by its
// method, a 扣分原因 wherever points are taken off, and the on-site visit notes. A draft keeps
// whatever is filled in; submitting needs all of it. Pure: built in the browser and on the server
// from the leaves of the application's scheme.
import { z } from "zod";
import { allowedScores, validateLeafScore, type IndicatorTreeNode } from "~/modules/indicators/scheme";
import { missingDeductionReasons } from "../expert-scores";
import { leafKey } from "../leaf-input";

export type ScoredLeaf = Pick<IndicatorTreeNode, "code" | "title" | "points" | "method" | "items" | "bonus">;

export const expertScoreField = (code: string) => `x_${leafKey(code)}`;
export const deductionField = (code: string) => `d_${leafKey(code)}`;
export const VISIT_NOTES_MAX = 5000;

/** The choices of a tiers or yes/no leaf; null when the expert types a number. */
export const expertChoices = (leaf: ScoredLeaf) => allowedScores(leaf);

export function buildRatingScoreSchema(leaves: ScoredLeaf[]) {
  const shape: Record<string, z.ZodTypeAny> = {
    intent: z.enum(["draft", "submit"], { message: "请选择保存草稿或提交评分" }),
    comment: z.string().trim().max(VISIT_NOTES_MAX, `现场评估记录不能超过 ${VISIT_NOTES_MAX} 字`).optional(),
  };
  for (const leaf of leaves) {
    shape[expertScoreField(leaf.code)] = z.number({ invalid_type_error: "请填写数字" }).optional();
    shape[deductionField(leaf.code)] = z.string().trim().max(500, "扣分原因最多 500 字").optional();
  }
  return z
    .object(shape)
    .superRefine((value, ctx) => {
      const scores = new Map<string, number>();
      const notes = new Map<string, string>();
      for (const leaf of leaves) {
        const score = value[expertScoreField(leaf.code)] as number | undefined;
        if (score === undefined) {
          if (value.intent === "submit") {
            ctx.addIssue({ code: "custom", path: [expertScoreField(leaf.code)], message: "提交前请为本项评分" });
          }
          continue;
        }
        const problem = validateLeafScore(leaf, score);
        if (problem) ctx.addIssue({ code: "custom", path: [expertScoreField(leaf.code)], message: problem });
        scores.set(leaf.code, score);
        notes.set(leaf.code, (value[deductionField(leaf.code)] as string | undefined) ?? "");
      }
      if (value.intent !== "submit") return;
      for (const [code, message] of missingDeductionReasons(leaves, scores, notes)) {
        ctx.addIssue({ code: "custom", path: [deductionField(code)], message });
      }
      if (!value.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "请填写现场评估记录" });
    })
    .transform((value) => {
      const scores: Record<string, number> = {};
      const notes: Record<string, string> = {};
      for (const leaf of leaves) {
        const score = value[expertScoreField(leaf.code)] as number | undefined;
        if (score === undefined) continue;
        scores[leaf.code] = score;
        const note = value[deductionField(leaf.code)] as string | undefined;
        if (note) notes[leaf.code] = note;
      }
      return {
        values: {
          intent: value.intent as "draft" | "submit",
          scores,
          comment: (value.comment as string | undefined) || null,
          recommendation: null,
        },
        notes,
      };
    });
}

/** Stored scores and notes → the form's default values. */
export function ratingScoreDefaults(
  leaves: ScoredLeaf[],
  stored: { scores: { criterionId: string; score: number; note: string | null }[]; comment: string | null },
) {
  const byCode = new Map(stored.scores.map((s) => [s.criterionId, s]));
  const defaults: Record<string, string> = { comment: stored.comment ?? "" };
  for (const leaf of leaves) {
    const row = byCode.get(leaf.code);
    defaults[expertScoreField(leaf.code)] = row ? String(row.score) : "";
    defaults[deductionField(leaf.code)] = row?.note ?? "";
  }
  return defaults;
}
