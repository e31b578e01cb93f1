// The staff review panel of a call (#6): form schemas and small pure rules of
// the grant pages. No database here; the panel machinery itself is in review/.
import { z } from "zod";
import { parseDateInput } from "~/utils/dates";

export const CALL_ENTITY_TYPE = "GrantCall";
export const MAX_REVIEWERS_PER_APPLICATION = 9;

export const AGGREGATION_LABELS = {
  MEAN: "平均分",
  TRIMMED_MEAN: "去掉最高最低分后平均（5 人及以上）",
} as const;
export type AggregationKey = keyof typeof AGGREGATION_LABELS;

const reason = (label: string) =>
  z
    .string({ required_error: `请填写${label}` })
    .trim()
    .min(2, `${label}至少 2 个字`)
    .max(500, `${label}最多 500 个字`);

const id = (message: string) => z.string({ required_error: message }).min(1, message).max(40, message);

export const ReviewSettingsSchema = z.object({
  intent: z.literal("settings"),
  reviewersPerApplication: z
    .number({ required_error: "请填写每项申报的评审专家人数", invalid_type_error: "请填写 1–9 的整数" })
    .int("请填写 1–9 的整数")
    .min(1, "每项申报至少 1 位评审专家")
    .max(MAX_REVIEWERS_PER_APPLICATION, `每项申报最多 ${MAX_REVIEWERS_PER_APPLICATION} 位评审专家`),
  blindReview: z.boolean().default(false),
  aggregation: z.enum(["MEAN", "TRIMMED_MEAN"], { errorMap: () => ({ message: "请选择汇总方式" }) }),
  zScoreNormalize: z.boolean().default(false),
  disagreementThreshold: z
    .number({ required_error: "请填写分歧阈值", invalid_type_error: "请填写 0–100 的整数" })
    .int("请填写 0–100 的整数")
    .min(0, "分歧阈值不能小于 0")
    .max(100, "分歧阈值不能大于 100"),
});
export type ReviewSettingsInput = z.infer<typeof ReviewSettingsSchema>;

export const AutoAssignSchema = z.object({
  intent: z.literal("auto-assign"),
  reviewerIds: z
    .array(id("所选专家无效"), { required_error: "请至少选择一位评审专家" })
    .min(1, "请至少选择一位评审专家")
    .max(500),
  k: z
    .number({ required_error: "请填写每项申报的评审专家人数", invalid_type_error: "请填写 1–9 的整数" })
    .int("请填写 1–9 的整数")
    .min(1, "每项申报至少 1 位评审专家")
    .max(MAX_REVIEWERS_PER_APPLICATION, `每项申报最多 ${MAX_REVIEWERS_PER_APPLICATION} 位评审专家`),
  seed: z
    .string()
    .trim()
    .max(32, "随机种子最多 32 个字符")
    .regex(/^[A-Za-z0-9_-]*$/, "随机种子只能包含字母、数字、- 和 _")
    .optional(),
  dueAt: z
    .string()
    .trim()
    .refine((v) => parseDateInput(v) !== null, "请填写有效的日期")
    .optional(),
});

export const RemindSchema = z.object({ intent: z.literal("remind") });

export const ReplaceReviewerSchema = z.object({
  intent: z.literal("replace"),
  assignmentId: id("请选择要更换的评审任务"),
  reviewerId: id("请选择替换的评审专家"),
  reason: reason("更换理由"),
});

export const AddReviewerSchema = z.object({
  intent: z.literal("add"),
  reviewerId: id("请选择补派的评审专家"),
  reason: reason("补派理由"),
});

export const ReopenReviewSchema = z.object({
  intent: z.literal("reopen"),
  assignmentId: id("请选择评审任务"),
  reason: reason("重新开放理由"),
});

/** Settings that change what reviewers see or how many there are, locked once any review is submitted. */
export function lockedSettingErrors(
  current: { reviewersPerApplication: number; blindReview: boolean },
  next: { reviewersPerApplication: number; blindReview: boolean },
  submittedCount: number,
): Record<string, string[]> {
  if (submittedCount === 0) return {};
  const errors: Record<string, string[]> = {};
  if (current.reviewersPerApplication !== next.reviewersPerApplication) {
    errors.reviewersPerApplication = ["已有专家提交评分，不能再修改每项申报的评审专家人数"];
  }
  if (current.blindReview !== next.blindReview) {
    errors.blindReview = ["已有专家提交评分，不能再修改是否匿名评审"];
  }
  return errors;
}

/** Why an application could not reach k reviewers, in Chinese. */
export function unfilledExplanation(missing: number) {
  return `还差 ${missing} 位评审专家：所选专家中没有足够的无利益冲突、且未在该项目上回避或被更换的人选。请增加专家后再次分配，或在详情页手动补派。`;
}
