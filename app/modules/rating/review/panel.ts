// The staff's automatic assignment form of a rating round's panel. Pure.
import { z } from "zod";

export const RatingAutoAssignSchema = z.object({
  intent: z.literal("auto-assign"),
  reviewerIds: z
    .array(z.string().min(1), { required_error: "请至少选择一位评估专家" })
    .min(1, "请至少选择一位评估专家")
    .max(500),
  k: z
    .number({ required_error: "请填写每份申请的评估专家人数", invalid_type_error: "请填写 1–9 的整数" })
    .int("请填写 1–9 的整数")
    .min(1, "每份申请至少 1 位评估专家")
    .max(9, "每份申请最多 9 位评估专家"),
  dueAt: z.string().optional(),
});
