// The staff's forms on a call's evaluation panel page. Pure.
import { z } from "zod";

export const EvaluationAutoAssignSchema = z.object({
  intent: z.literal("auto-assign"),
  reviewerIds: z
    .array(z.string().min(1), { required_error: "请至少选择一位评估专家" })
    .min(1, "请至少选择一位评估专家")
    .max(500),
  k: z
    .number({ required_error: "请填写每项评估的专家人数", invalid_type_error: "请填写 1–9 的整数" })
    .int("请填写 1–9 的整数")
    .min(1, "每项评估至少 1 位专家")
    .max(9, "每项评估最多 9 位专家"),
  dueAt: z.string().optional(),
});

export const EvaluationPanelSettingsSchema = z.object({
  intent: z.literal("settings"),
  blind: z.boolean().optional(),
});

export const ScheduleEvaluationsSchema = z.object({ intent: z.literal("schedule") });
