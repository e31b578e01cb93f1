// Publicity with objections, shared by every area that publishes a list for a
// publicity period (decision 013). Pure: no database, no node built-ins, so the
// routes' browser bundles can import the schemas and labels.
import { z } from "zod";
import type { FileKind } from "~/modules/attachments/file-types";

/** What was published (a grant call's shortlist, a directory edition's proposed list…). */
export type PublicationRef = { type: string; id: string };
/** One entry of it (an application, a directory entry…). */
export type EntryRef = { type: string; id: string };

/** Attachment.subjectType and audit entity type of an objection. */
export const OBJECTION_SUBJECT_TYPE = "Objection";
export const OBJECTION_EVIDENCE_PURPOSE = "objection.evidence";

/** What an objector may attach as evidence. */
export const OBJECTION_EVIDENCE_KINDS: FileKind[] = ["pdf", "jpg", "png"];

/** Anti-spam rules for the public objection form. */
export const FORM_MIN_AGE_MS = 3_000;
export const FORM_MAX_AGE_MS = 2 * 60 * 60 * 1000;
export const OBJECTIONS_PER_IP = 5;
export const OBJECTION_IP_WINDOW_MS = 24 * 60 * 60 * 1000;

const MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The objector's fields, the same on every publicity. */
function objectorFields<F extends z.ZodTypeAny>(fileSchema: F) {
  return {
    name: z.string({ required_error: "请填写姓名" }).trim().min(1, "请填写姓名").max(50, "姓名不超过 50 个字"),
    contact: z
      .string({ required_error: "请填写联系方式" })
      .trim()
      .max(100, "联系方式不超过 100 个字符")
      .refine((v) => MOBILE.test(v) || EMAIL.test(v), "请填写 11 位手机号码或有效的电子邮箱"),
    content: z
      .string({ required_error: "请填写异议内容及理由" })
      .trim()
      .min(20, "异议内容及理由不少于 20 个字")
      .max(2000, "异议内容及理由不超过 2000 个字"),
    evidence: fileSchema.optional(),
    /** honeypot: hidden from people; anything typed here marks a robot */
    website: z.string().optional(),
    /** signed time the form was shown (see form-stamp.server.ts) */
    stamp: z.string().optional(),
  };
}

/**
 * The public objection form: the entry picked in the field `entryField` (each
 * area names it after what it lists), then the objector's fields. The file is
 * checked on the server only.
 */
export function buildObjectionFormSchema<K extends string, F extends z.ZodTypeAny>(
  entryField: K,
  entryMessage: string,
  fileSchema: F,
) {
  const entry = { [entryField]: z.string({ required_error: entryMessage }).trim().min(1, entryMessage) } as {
    [P in K]: z.ZodString;
  };
  return z.object({ ...entry, ...objectorFields(fileSchema) });
}

/** Where a signed form stamp says the form was shown; null when malformed. */
export function parseFormStamp(stamp: string | null | undefined): { issuedAt: number; signature: string } | null {
  if (!stamp) return null;
  const match = /^(\d{10,16})\.([A-Za-z0-9_-]{20,})$/.exec(stamp);
  if (!match) return null;
  return { issuedAt: Number(match[1]), signature: match[2]! };
}

/** null when the form's age is plausible for a person, else the message to show. */
export function formAgeProblem(issuedAt: number, now: number): string | null {
  const age = now - issuedAt;
  if (age < FORM_MIN_AGE_MS) return "提交过快，请核对填写内容后稍候几秒再提交";
  if (age > FORM_MAX_AGE_MS) return "页面已打开超过 2 小时，请重新提交（填写的内容已保留）";
  return null;
}

/** A filled honeypot means a robot; the submission is dropped but looks accepted. */
export function isHoneypotFilled(value: string | null | undefined) {
  return typeof value === "string" && value.trim() !== "";
}

/** Whole days left in a publicity period (a started day counts), 0 once over. */
export function publicityDaysLeft(endsAt: Date, now: Date) {
  const ms = endsAt.getTime() - now.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / 86_400_000);
}

/** The reply every decision needs, and the outcome. */
export const decisionFields = {
  objectionId: z.string().min(1),
  outcome: z.enum(["UPHELD", "DISMISSED"], {
    required_error: "请选择处理结果",
    invalid_type_error: "请选择处理结果",
  }),
  reply: z
    .string({ required_error: "请填写答复意见（异议人可见）" })
    .trim()
    .min(1, "请填写答复意见（异议人可见）")
    .max(2000, "答复意见不超过 2000 个字"),
};
