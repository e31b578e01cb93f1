// The staff's decision forms: one schema per decision (the reason where the
// workflow requires one) and what the page says once it is made.
import { z } from "zod";

const reasonField = (requiredMessage: string) =>
  z.string({ required_error: requiredMessage }).trim().min(2, "请至少填写 2 个字").max(1000, "最多 1000 个字");

export const AcceptSchema = z.object({ intent: z.literal("ACCEPTED") });
export const CorrectionSchema = z.object({
  intent: z.literal("CORRECTION"),
  reason: reasonField("请填写需要补正的内容"),
});
export const ApproveSchema = z.object({ intent: z.literal("APPROVED") });
export const RejectSchema = z.object({ intent: z.literal("REJECTED"), reason: reasonField("请填写不予登记的理由") });
export type Intent = "ACCEPTED" | "CORRECTION" | "APPROVED" | "REJECTED";
export const INTENTS: Intent[] = ["ACCEPTED", "CORRECTION", "APPROVED", "REJECTED"];
export const SCHEMAS: Record<Intent, z.ZodTypeAny> = {
  ACCEPTED: AcceptSchema,
  CORRECTION: CorrectionSchema,
  APPROVED: ApproveSchema,
  REJECTED: RejectSchema,
};
export const DONE_MESSAGES: Record<Intent, string> = {
  ACCEPTED: "已受理。",
  CORRECTION: "已退回补正，申请人将收到补正要求。",
  APPROVED: "已准予登记并赋予统一社会信用代码。",
  REJECTED: "已作出不予登记的决定。",
};

/** The decisions that cannot be undone ask first: what will happen (登记 reads 备案 for a filing). */
export function confirmTexts(kindLabel: string): Partial<Record<Intent, { label: string; message: string }>> {
  return {
    APPROVED: {
      label: `准予${kindLabel}`,
      message: `将赋予统一社会信用代码，并将申请中的登记事项载入该组织的登记信息，不可撤回。`,
    },
    REJECTED: {
      label: `不予${kindLabel}`,
      message: `将作出不予${kindLabel}的决定并通知申请人，本次申请随即办结，不可撤回。`,
    },
  };
}
