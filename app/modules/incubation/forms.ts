// The incubation forms' zod schemas, shared by the routes (server and browser).
import { z } from "zod";
import { parseDateInput, toDateInput } from "~/utils/dates";
import { yuanToFen } from "~/utils/format";
import { EXIT_RESULTS, INCUBATION_NEEDS } from "./labels";

const dateField = (requiredMessage: string) =>
  z.string({ required_error: requiredMessage }).transform((value, ctx) => {
    const date = parseDateInput(value);
    if (!date) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "日期格式不正确" });
      return z.NEVER;
    }
    return date;
  });

const optionalDateField = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const date = parseDateInput(value);
    if (!date) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "日期格式不正确" });
      return z.NEVER;
    }
    return date;
  });

/** 00:00 Shanghai today, to compare with dates typed into <input type=date>. */
function startOfToday() {
  return parseDateInput(toDateInput(new Date()))!;
}

export const ApplySchema = z.object({
  plan: z
    .string({ required_error: "请填写入驻计划" })
    .trim()
    .min(20, "入驻计划至少 20 个字，请写明入驻后准备开展的工作")
    .max(2000, "入驻计划最多 2000 个字"),
  needs: z
    .array(z.enum(INCUBATION_NEEDS, { errorMap: () => ({ message: "请选择列出的支持事项" }) }), {
      required_error: "请至少选择一项需要的支持",
    })
    .min(1, "请至少选择一项需要的支持"),
});

export const DECISIONS = ["pass", "reject"] as const;

function decisionSchema<I extends string>(intent: I, step: string) {
  return z
    .object({
      intent: z.literal(intent),
      decision: z.enum(DECISIONS, { errorMap: () => ({ message: "请选择通过或不通过" }) }),
      note: z.string().trim().max(1000, `${step}意见最多 1000 个字`).optional(),
    })
    .superRefine((value, ctx) => {
      if (value.decision === "reject" && !value.note) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["note"], message: `${step}不通过须填写理由` });
      }
    });
}

export const FirstCheckSchema = decisionSchema("first-check", "初审");

/**
 * Rejecting an application at 初审 or 评审 ends it (REJECTED has no way out):
 * the button asks first (#19 item 9); passing does not.
 */
export function rejectionConfirm(step: "初审" | "评审") {
  return {
    label: `${step}不通过`,
    message: `将作出${step}不通过的决定并把理由告知该社会组织，本次入驻申请随之结束，不可撤回。`,
  };
}
export const ReviewSchema = decisionSchema("review", "评审");

export const AgreementSchema = z
  .object({
    intent: z.literal("agreement"),
    agreementNo: z
      .string({ required_error: "请填写协议编号" })
      .trim()
      .min(2, "协议编号至少 2 个字符")
      .max(40, "协议编号最多 40 个字符"),
    termStart: dateField("请选择孵化开始日期"),
    termEnd: optionalDateField,
  })
  .superRefine((value, ctx) => {
    if (value.termEnd && value.termEnd.getTime() <= value.termStart.getTime()) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["termEnd"], message: "结束日期须晚于开始日期" });
    }
  });

export const ServiceSchema = z
  .object({
    intent: z.literal("service"),
    kind: z.enum(INCUBATION_NEEDS, { errorMap: () => ({ message: "请选择服务类型" }) }),
    description: z
      .string({ required_error: "请填写服务内容" })
      .trim()
      .min(2, "服务内容至少 2 个字")
      .max(500, "服务内容最多 500 个字"),
    providedAt: dateField("请选择服务日期"),
    amount: z.string().trim().max(20, "金额过长").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.providedAt.getTime() > startOfToday().getTime()) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["providedAt"], message: "服务日期不能晚于今天" });
    }
    if (value.kind === "SEED_FUNDING") {
      if (!value.amount) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["amount"], message: "请填写种子资金金额" });
        return;
      }
      const fen = yuanToFen(value.amount);
      if (fen == null) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["amount"],
          message: "金额格式不正确，例如 5000 或 5,000.00",
        });
      } else if (fen <= 0) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["amount"], message: "金额须大于 0" });
      }
    } else if (value.amount) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["amount"], message: "只有种子资金需要填写金额" });
    }
  })
  .transform(({ amount, ...rest }) => ({
    ...rest,
    amountFen: rest.kind === "SEED_FUNDING" && amount ? yuanToFen(amount) : null,
  }));

export const ExitSchema = z
  .object({
    intent: z.literal("exit"),
    result: z.enum(EXIT_RESULTS, { errorMap: () => ({ message: "请选择评审结果" }) }),
    note: z
      .string({ required_error: "请填写评审意见" })
      .trim()
      .min(2, "评审意见至少 2 个字")
      .max(1000, "评审意见最多 1000 个字"),
    newTermEnd: optionalDateField,
  })
  .superRefine((value, ctx) => {
    if (value.result === "EXTENDED" && !value.newTermEnd) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["newTermEnd"], message: "续驻须填写新的孵化期结束日期" });
    }
  });

export const STAFF_INTENTS = ["first-check", "review", "agreement", "service", "exit"] as const;
export type StaffIntent = (typeof STAFF_INTENTS)[number];

export const STAFF_SCHEMAS = {
  "first-check": FirstCheckSchema,
  review: ReviewSchema,
  agreement: AgreementSchema,
  service: ServiceSchema,
  exit: ExitSchema,
} as const;
