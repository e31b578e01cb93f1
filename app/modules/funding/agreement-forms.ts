// The forms of the agreement tab (staff and organization): zod schemas with Chinese
// messages, checked in the browser and again in the action. Pure.
import { z } from "zod";
import { parseDateInput } from "~/utils/dates";

const text = (label: string, max: number) =>
  z
    .string({ required_error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}最多 ${max} 个字`);

const dateInput = (label: string) =>
  z
    .string({ required_error: `请填写${label}` })
    .trim()
    .refine((v) => parseDateInput(v) !== null, "日期格式不正确");

/** Staff edit the variable parts of a draft version. */
export const AgreementDraftSchema = z.object({
  projectLead: text("项目负责人", 50),
  endsOn: dateInput("执行期截止日"),
  obligations: text("双方权利义务", 4000),
  reportingDuties: text("报告义务", 4000),
  sanctions: text("违约责任", 4000),
  specialTerms: z.string().trim().max(2000, "其他约定最多 2000 个字").optional(),
});

/** A signature: the typed name, the declaration ticked, and the hash of the text the signer read. */
export const SignAgreementSchema = z.object({
  signerName: text("签署人姓名", 30),
  declaration: z.string({ required_error: "请勾选声明后再签署" }).refine((v) => v === "on", "请勾选声明后再签署"),
  textHash: z
    .string({ required_error: "协议文本已更新，请刷新页面后重新阅读" })
    .regex(/^[0-9a-f]{64}$/, "协议文本已更新，请刷新页面后重新阅读"),
});

export const ORG_DECLARATION =
  "本人已完整阅读上述协议文本，确认本人有权代表本机构签署本协议，同意以电子方式签署，并承诺按协议约定履行义务。";
export const BUREAU_DECLARATION = "本人已核对上述协议文本及机构签署信息，代表区民政局会签本协议。";

/** A reason (recall a version, cancel an amendment, withdraw an award). */
export const ReasonSchema = z.object({ reason: text("理由", 1000) });

export const AMENDMENT_KIND_CHOICES = ["EXTENSION", "BUDGET_REVISION", "LEAD_CHANGE"] as const;

/** Staff start an amendment: its kind, why, and what changes. */
export const AmendmentSchema = z
  .object({
    kind: z.enum(AMENDMENT_KIND_CHOICES, { errorMap: () => ({ message: "请选择变更类型" }) }),
    reason: text("变更事由", 1000),
    endsOn: z.string().trim().optional(),
    projectLead: z.string().trim().max(50, "项目负责人最多 50 个字").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "EXTENSION") {
      if (!v.endsOn) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endsOn"], message: "请填写延期后的截止日" });
      else if (!parseDateInput(v.endsOn))
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endsOn"], message: "日期格式不正确" });
    }
    if (v.kind === "LEAD_CHANGE" && !v.projectLead) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["projectLead"], message: "请填写新的项目负责人" });
    }
  });

/** The typed name must be the signed-in account holder's (spaces ignored). */
export function signerNameMatches(typed: string, accountName: string) {
  const norm = (s: string) => s.replace(/\s+/g, "");
  return norm(typed) !== "" && norm(typed) === norm(accountName);
}

/** The version number in a URL ("3"), or null. */
export function agreementVersionParam(value: string | undefined) {
  return value && /^\d{1,4}$/.test(value) ? Number(value) : null;
}
