// The staff's forms on a project's 评估 tab. Pure: browser and server.
import { z } from "zod";
import { FAIL_DECISIONS } from "./workflow";

const id = z.string({ required_error: "缺少评估" }).min(1, "缺少评估");
const reason = (message: string) =>
  z.string({ required_error: message }).trim().min(1, message).max(2000, "不能超过 2000 字");

export const VetoSchema = z.object({
  intent: z.literal("veto"),
  evaluationId: id,
  reason: reason("请填写挪用、侵占项目资金的事实"),
});
export const StepSchema = z.object({
  intent: z.enum(["publish", "missing"]),
  evaluationId: id,
});
export const ReturnSchema = z.object({
  intent: z.literal("return"),
  evaluationId: id,
  reason: reason("请填写退回理由"),
});
export const DecideSchema = z
  .object({
    intent: z.literal("decide"),
    evaluationId: id,
    decision: z.enum(FAIL_DECISIONS, { required_error: "请选择处理方式", invalid_type_error: "请选择处理方式" }),
    reason: reason("请填写决定理由"),
    rectifyDueAt: z.string().optional(),
    clawbackYuan: z.string().optional(),
    clawbackDueAt: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "RECTIFY" && !v.rectifyDueAt)
      ctx.addIssue({ code: "custom", path: ["rectifyDueAt"], message: "请填写整改期限" });
    if (v.clawbackYuan && !/^\d+(\.\d{1,2})?$/.test(v.clawbackYuan))
      ctx.addIssue({ code: "custom", path: ["clawbackYuan"], message: "请填写金额（元，最多两位小数）" });
  });
export const ObjectionDecisionSchema = z.object({
  intent: z.literal("objection"),
  objectionId: z.string().min(1),
  outcome: z.enum(["UPHELD", "DISMISSED"], { required_error: "请选择处理结果", invalid_type_error: "请选择处理结果" }),
  reply: reason("请填写答复意见（异议人可见）"),
});
