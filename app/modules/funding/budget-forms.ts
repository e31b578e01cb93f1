// The budget tab's forms (zod, messages in Chinese), shared by the page and its
// action; the action swaps the voucher check for the content-sniffing upload check.
import { z } from "zod";
import { parseDateInput } from "~/utils/dates";
import { yuanToFen } from "~/utils/format";

export const RECORD_EXPENSE = "record-expense";
export const VOID_EXPENSE = "void-expense";
export const REQUEST_CHANGE = "request-change";
export const WITHDRAW_CHANGE = "withdraw-change";
export const DECIDE_CHANGE = "decide-change";

/** Voucher files: PDF or an image (the upload check sniffs the content and the size). */
export const VOUCHER_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

const yuan = (label: string) =>
  z
    .string({ required_error: `请填写${label}` })
    .trim()
    .refine((s) => yuanToFen(s) != null, "请输入金额（元），最多两位小数，例如 1200.50")
    .transform((s) => yuanToFen(s)!);

const text = (label: string, max: number) =>
  z
    .string({ required_error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`);

/** The expense form without its file: the browser checks the file is there, the server what it is. */
export function expenseSchema(voucher: z.ZodTypeAny) {
  return z.object({
    intent: z.literal(RECORD_EXPENSE),
    budgetLineId: z.string({ required_error: "请选择预算科目" }).min(1, "请选择预算科目"),
    spentOn: z
      .string({ required_error: "请填写支出日期" })
      .refine((s) => parseDateInput(s) != null, "请填写有效的日期")
      .transform((s) => parseDateInput(s)!),
    amount: yuan("支出金额").refine((fen) => fen > 0, "支出金额须大于 0"),
    description: text("用途说明", 200),
    voucher,
  });
}

export const voucherInBrowser = z
  .instanceof(File, { message: "请上传支出凭证" })
  .refine((f) => f.size > 0 && f.name !== "", "请上传支出凭证");

export const ExpenseFormSchema = expenseSchema(voucherInBrowser);

export const VoidExpenseSchema = z.object({
  intent: z.literal(VOID_EXPENSE),
  expenseId: z.string().min(1),
  reason: text("作废理由", 200),
});

export const BudgetChangeSchema = z.object({
  intent: z.literal(REQUEST_CHANGE),
  lines: z
    .array(
      z.object({
        budgetLineId: z.string().min(1),
        amount: yuan("调整后金额"),
      }),
    )
    .min(1, "请填写调整后金额"),
  reason: z.string().trim().max(500, "调整理由不能超过 500 字").optional(),
});

export const WithdrawChangeSchema = z.object({
  intent: z.literal(WITHDRAW_CHANGE),
  changeId: z.string().min(1),
});

export const DecideChangeSchema = z
  .object({
    intent: z.literal(DECIDE_CHANGE),
    changeId: z.string().min(1),
    decision: z.enum(["approve", "reject"], { required_error: "请选择审批结果" }),
    note: z.string().trim().max(500, "审批意见不能超过 500 字").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "reject" && !v.note)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["note"], message: "不批准时须填写审批意见" });
  });
