// The reviewer's scoring form for one round: one score per criterion, the
// comment and the overall recommendation. Pure (no database): the route builds
// the same schema in the browser and on the server from the round's criteria.
import { z } from "zod";
import { RECOMMENDATIONS, type Recommendation } from "./assignment-workflow";

export const SCORE_STEP = 0.5;
export const COMMENT_MIN = 10;
export const COMMENT_MAX = 5000;
export const RECUSE_REASON_MAX = 500;

export type RubricFieldCriterion = { id: string; name: string; maxScore: number };
export type RubricIntent = "draft" | "submit";

export const RECOMMENDATION_KEYS = Object.keys(RECOMMENDATIONS) as [Recommendation, ...Recommendation[]];

/** The form field of a criterion's score, e.g. "score.ck1" (conform reads it as { score: { ck1 } }). */
export function scoreFieldName(criterionId: string) {
  return `score.${criterionId}`;
}

/** "12" → 12, "" / "abc" → null; what the live total reads while the reviewer types. */
export function parseScoreInput(value: unknown): number | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : null;
}

function scoreSchema(criterion: RubricFieldCriterion) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw == null || raw.trim() === "") return undefined;
      const n = Number(raw.trim());
      if (!Number.isFinite(n)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "请输入数字" });
        return z.NEVER;
      }
      if (n < 0) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "评分不能小于 0" });
        return z.NEVER;
      }
      if (n > criterion.maxScore) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `不能超过满分 ${criterion.maxScore} 分` });
        return z.NEVER;
      }
      if (!Number.isInteger(n / SCORE_STEP)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `评分须为 ${SCORE_STEP} 的整数倍` });
        return z.NEVER;
      }
      return n;
    });
}

/**
 * The scoring form of a round. intent=draft accepts any subset of scores (each
 * within 0..满分) and no comment; intent=submit needs every score, a comment of
 * at least COMMENT_MIN characters and a recommendation.
 */
export function buildRubricSchema(criteria: RubricFieldCriterion[]) {
  const scoreShape = Object.fromEntries(criteria.map((c) => [c.id, scoreSchema(c)]));
  return z
    .object({
      intent: z.enum(["draft", "submit"], { message: "请选择保存草稿或提交评分" }),
      score: z.object(scoreShape).optional().default({}),
      comment: z.string().trim().max(COMMENT_MAX, `评审意见不能超过 ${COMMENT_MAX} 字`).optional(),
      recommendation: z.enum(RECOMMENDATION_KEYS, { message: "请选择总体推荐" }).optional(),
    })
    .superRefine((value, ctx) => {
      if (value.intent !== "submit") return;
      const scores = (value.score ?? {}) as Record<string, unknown>;
      for (const c of criteria) {
        // Only a blank field is undefined here; a bad value already has its own message.
        if (scores[c.id] === undefined) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["score", c.id], message: "提交前请填写评分" });
        }
      }
      if (!value.comment) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["comment"], message: "请填写评审意见" });
      } else if ([...value.comment].length < COMMENT_MIN) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["comment"], message: `评审意见至少 ${COMMENT_MIN} 个字` });
      }
      if (!value.recommendation) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["recommendation"], message: "请选择总体推荐" });
      }
    })
    .transform((value) => ({
      intent: value.intent,
      scores: Object.fromEntries(
        criteria
          .map((c) => [c.id, (value.score as Record<string, number | undefined>)[c.id]])
          .filter(([, v]) => v !== undefined),
      ) as Record<string, number>,
      comment: value.comment || null,
      recommendation: value.recommendation ?? null,
    }));
}

export type RubricSchema = ReturnType<typeof buildRubricSchema>;
export type RubricValues = z.output<RubricSchema>;

export const RecuseSchema = z.object({
  intent: z.literal("recuse"),
  recuseReason: z
    .string({ required_error: "请填写回避理由" })
    .trim()
    .min(1, "请填写回避理由")
    .max(RECUSE_REASON_MAX, `回避理由不能超过 ${RECUSE_REASON_MAX} 字`),
});

/** Stored scores → the form's default values ("score.<id>" as strings). */
export function rubricDefaults(
  criteria: { id: string }[],
  stored: { scores: { criterionId: string; score: number }[]; comment: string | null; recommendation: string | null },
) {
  const byId = new Map(stored.scores.map((s) => [s.criterionId, s.score]));
  return {
    score: Object.fromEntries(criteria.map((c) => [c.id, byId.has(c.id) ? String(byId.get(c.id)) : ""])),
    comment: stored.comment ?? "",
    recommendation: stored.recommendation ?? "",
  };
}

export function recommendationLabel(value: string | null | undefined) {
  return value ? (RECOMMENDATIONS[value as Recommendation] ?? value) : "—";
}
