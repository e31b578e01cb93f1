// Pure helpers of the ranking and allocation screen (#6): how the call's score
// aggregation reads in words and the override form. (When publicity ends:
// call-phase.ts.)
import { z } from "zod";
import { formatFen, yuanToFen } from "~/utils/format";

/** The call's aggregation settings in words, e.g. for the ranking page header. */
export function aggregationDescription(settings: { aggregation: string; zScoreNormalize: boolean }) {
  const mode =
    settings.aggregation === "TRIMMED_MEAN" ? "去掉一个最高分和一个最低分后的平均分（5 名及以上专家时）" : "平均分";
  return {
    mode,
    zScore: settings.zScoreNormalize ? "已按专家进行标准分（z-score）校正" : "未做标准分校正",
    text: settings.zScoreNormalize ? `${mode}；已按专家进行标准分（z-score）校正` : mode,
  };
}

// ───────────────────────── Overrides ─────────────────────────

export const OVERRIDE_CHOICES = ["auto", "include", "exclude"] as const;
export type OverrideChoice = (typeof OVERRIDE_CHOICES)[number];
export const OVERRIDE_CHOICE_LABELS: Record<OverrideChoice, string> = {
  auto: "按规则",
  include: "列入",
  exclude: "不列入",
};

/** GrantAward.overrideSelected → the form's choice. */
export function overrideChoiceOf(overrideSelected: boolean | null | undefined): OverrideChoice {
  return overrideSelected === true ? "include" : overrideSelected === false ? "exclude" : "auto";
}

/** The form's choice → GrantAward.overrideSelected. */
export function overrideSelectedOf(choice: OverrideChoice): boolean | null {
  return choice === "include" ? true : choice === "exclude" ? false : null;
}

/** "列入 ¥50,000.00" / "不列入", for the audit trail of an override. */
export function allocationState(selected: boolean, amountFen: number) {
  return selected ? `列入 ${formatFen(amountFen)}` : "不列入";
}

export const OverrideSchema = z
  .object({
    intent: z.literal("override"),
    applicationId: z.string({ required_error: "缺少申报" }).min(1, "缺少申报"),
    selected: z.enum(OVERRIDE_CHOICES, { errorMap: () => ({ message: "请选择是否列入" }) }),
    amountYuan: z.string().trim().max(20, "金额格式不正确").optional(),
    reason: z
      .string({ required_error: "请填写调整理由" })
      .trim()
      .min(1, "请填写调整理由")
      .max(500, "调整理由最多 500 个字"),
  })
  .superRefine((v, ctx) => {
    if (!v.amountYuan) return;
    const fen = yuanToFen(v.amountYuan);
    if (fen == null)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["amountYuan"],
        message: "请输入金额（元），最多两位小数，如 50000 或 50000.50",
      });
    else if (fen <= 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["amountYuan"], message: "金额必须大于 0" });
    else if (v.selected === "exclude")
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["amountYuan"], message: "不列入的项目无需填写金额" });
  });

export const WithdrawSchema = z.object({
  intent: z.literal("withdraw"),
  reason: z
    .string({ required_error: "请填写撤回理由" })
    .trim()
    .min(1, "请填写撤回理由")
    .max(500, "撤回理由最多 500 个字"),
});

export const GenerateSchema = z.object({ intent: z.literal("generate") });
export const PublishSchema = z.object({ intent: z.literal("publish") });
