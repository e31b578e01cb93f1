// The directory's forms (#15). Pure: the browser checks them as you type, the
// server checks them again in the action; messages in Chinese at the field.
import { z } from "zod";
import { decisionFields } from "~/modules/publicity/objection";
import { parseDateInput } from "~/utils/dates";

const dateField = (label: string) =>
  z
    .string({ required_error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .refine((v) => parseDateInput(v) != null, `${label}格式不正确`);

/** Splits what staff typed for the service areas (、，, or spaces). */
export function splitAreas(text: string) {
  return [
    ...new Set(
      text
        .split(/[,，、\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export const EditionSchema = z
  .object({
    intent: z.literal("save"),
    year: z.coerce
      .number({ required_error: "请填写目录年度", invalid_type_error: "目录年度须为数字" })
      .int("目录年度须为整数")
      .min(2000, "目录年度不正确")
      .max(2100, "目录年度不正确"),
    title: z
      .string({ required_error: "请填写目录名称" })
      .trim()
      .min(2, "请填写目录名称")
      .max(100, "目录名称不超过 100 个字"),
    applyOpensAt: dateField("申报开始日期"),
    applyClosesAt: dateField("申报截止日期"),
    serviceAreas: z
      .string({ required_error: "请填写服务领域" })
      .trim()
      .refine((v) => splitAreas(v).length > 0, "请至少填写一个服务领域")
      .refine((v) => splitAreas(v).every((a) => a.length <= 20), "每个服务领域不超过 20 个字")
      .refine((v) => splitAreas(v).length <= 20, "服务领域最多 20 个"),
    publicityDays: z.coerce
      .number({ required_error: "请填写公示天数", invalid_type_error: "公示天数须为数字" })
      .int("公示天数须为整数")
      .min(1, "公示天数至少 1 天")
      .max(60, "公示天数不超过 60 天"),
  })
  .superRefine((v, ctx) => {
    const opens = parseDateInput(v.applyOpensAt);
    const closes = parseDateInput(v.applyClosesAt);
    if (opens && closes && closes.getTime() < opens.getTime()) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["applyClosesAt"], message: "申报截止日期不能早于开始日期" });
    }
  });

/** What the organization sends: its service areas (from the edition's list), a capability statement, tax status. */
export function buildApplySchema(areas: readonly string[]) {
  return z
    .object({
      intent: z.enum(["apply", "update"]),
      serviceAreas: z
        .array(z.string(), { required_error: "请至少选择一个服务领域", invalid_type_error: "请至少选择一个服务领域" })
        .min(1, "请至少选择一个服务领域")
        .refine((list) => list.every((a) => areas.includes(a)), "请从本年度目录的服务领域中选择"),
      capability: z
        .string({ required_error: "请填写服务能力说明" })
        .trim()
        .min(20, "服务能力说明不少于 20 个字")
        .max(1000, "服务能力说明不超过 1000 个字"),
      taxDeclared: z
        .string()
        .optional()
        .transform((v) => v === "on" || v === "true"),
      taxNote: z.string().trim().max(200, "税前扣除资格说明不超过 200 个字").optional(),
    })
    .superRefine((v, ctx) => {
      if (v.taxDeclared && !v.taxNote) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["taxNote"],
          message: "请填写公益性捐赠税前扣除资格的文件名称或文号",
        });
      }
    });
}

export const REVIEW_DECISIONS = { PASSED: "审核通过", RETURNED: "退回补正", REJECTED: "不予列入" } as const;

export const ReviewSchema = z
  .object({
    intent: z.literal("review"),
    entryId: z.string().min(1),
    decision: z.enum(["PASSED", "RETURNED", "REJECTED"], {
      required_error: "请选择审核结果",
      invalid_type_error: "请选择审核结果",
    }),
    note: z.string().trim().max(1000, "意见不超过 1000 个字").optional(),
    taxChecked: z
      .string()
      .optional()
      .transform((v) => v === "on" || v === "true"),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "PASSED" && !v.note) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["note"],
        message: v.decision === "RETURNED" ? "请写明需要补正的内容" : "请写明不予列入的理由",
      });
    }
  });

export const RemoveSchema = z.object({
  intent: z.literal("remove"),
  entryId: z.string().min(1),
  /** the day the removal takes effect (shown publicly); today or earlier, checked on the server */
  removedOn: dateField("移出日期"),
  reason: z
    .string({ required_error: "请填写移出理由（将公开显示）" })
    .trim()
    .min(4, "请填写移出理由（将公开显示）")
    .max(500, "移出理由不超过 500 个字"),
});

export const MoveSchema = z.object({
  intent: z.literal("move"),
  to: z.enum(["OPEN", "REVIEWING", "PUBLICITY", "PUBLISHED", "SUPERSEDED"], { invalid_type_error: "未知的操作" }),
});

/** Staff confirm or deny a declared tax-deductible status (优先标识). */
export const TaxCheckSchema = z.object({
  intent: z.literal("tax"),
  entryId: z.string().min(1),
  holds: z.enum(["yes", "no"], { required_error: "请选择核实结果", invalid_type_error: "请选择核实结果" }),
});

/** Staff answer one objection to the proposed list (decision 013's shared fields). */
export const DirectoryDecisionSchema = z.object({ intent: z.literal("decide"), ...decisionFields });

export const RunChecksSchema = z.object({ intent: z.literal("checks") });
