// Publicity of the proposed shortlist (拟入围项目公示), objections and the
// confirmation of the funded list. Pure: no database, no node built-ins, so the
// routes' browser bundles can import the schemas and labels.
import { z } from "zod";
import { yuanToFen } from "~/utils/format";
import { publicityState, type PublicityFacts } from "../calls/phase";

export const OBJECTION_SUBJECT_TYPE = "GrantObjection";
export const OBJECTION_EVIDENCE_PURPOSE = "grant_objection.evidence";

/** Anti-spam rules for the public objection form. */
export const FORM_MIN_AGE_MS = 3_000;
export const FORM_MAX_AGE_MS = 2 * 60 * 60 * 1000;
export const OBJECTIONS_PER_IP = 5;
export const OBJECTION_IP_WINDOW_MS = 24 * 60 * 60 * 1000;

const MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The public objection form (the file is checked on the server only). */
export function buildObjectionSchema<F extends z.ZodTypeAny>(fileSchema: F) {
  return z.object({
    applicationId: z.string({ required_error: "请选择异议项目" }).trim().min(1, "请选择异议项目"),
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
    /** signed time the form was shown (see publicity.server.ts) */
    stamp: z.string().optional(),
  });
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

export type PublicityCall = PublicityFacts;

/** null while objections are accepted (only while the published shortlist is in publicity), else why not (Chinese). */
export function objectionWindowProblem(call: PublicityCall, now: Date): string | null {
  switch (publicityState(call, now)) {
    case "OPEN":
      return null;
    case "CONFIRMED":
      return "立项名单已确认，异议受理已结束";
    case "ENDED":
      return "公示期已结束，不再受理异议";
    case "NOT_PUBLISHED":
      return "该活动当前未在公示期，不受理异议";
  }
}

/** Whole days left in the publicity period (a started day counts), 0 once over. */
export function publicityDaysLeft(endsAt: Date, now: Date) {
  const ms = endsAt.getTime() - now.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / 86_400_000);
}

/**
 * null when the proposed shortlist may be published for publicity, else why not
 * (shown beside the disabled button and returned when the request is refused):
 * an empty list (every entry overridden out, or a pool too small for any project)
 * is never published.
 */
export function publishProblem(selectedCount: number): string | null {
  if (!(selectedCount > 0)) return "拟入围名单中没有项目，不能发布公示。请将项目调整为「列入」，或撤回名单后重新生成。";
  return null;
}

/** null when the list may be confirmed, else the reason the button is disabled. */
export function confirmProblem(call: PublicityCall, pendingObjections: number, now: Date): string | null {
  const state = publicityState(call, now);
  if (state === "CONFIRMED") return "立项名单已确认";
  if (state === "NOT_PUBLISHED") return "拟入围名单尚未公示";
  if (state === "OPEN") return "公示期尚未结束，结束后方可确认立项名单";
  if (pendingObjections > 0) return `尚有 ${pendingObjections} 件异议未处理，处理后方可确认立项名单`;
  return null;
}

/** Final scores always show with two decimals. */
export function formatScore(score: number | null | undefined) {
  return score == null ? "—" : score.toFixed(2);
}

/** The lowest final score among the selected entries, null when none is selected. */
export function cutOffScore(awards: { selected: boolean; finalScore: number }[]): number | null {
  const scores = awards.filter((a) => a.selected).map((a) => a.finalScore);
  return scores.length ? Math.min(...scores) : null;
}

export function notFundedReason(finalScore: number, cutOff: number | null) {
  return cutOff == null
    ? `未进入资助名单：综合得分 ${formatScore(finalScore)} 分`
    : `未进入资助名单：综合得分 ${formatScore(finalScore)} 分，入围分数线 ${formatScore(cutOff)} 分`;
}

export const DECISION_OUTCOMES = { DISMISSED: "异议不成立", UPHELD: "异议成立" } as const;
export type DecisionOutcome = keyof typeof DECISION_OUTCOMES;

/** Staff decision on one objection. */
export const DecisionSchema = z
  .object({
    intent: z.literal("decide"),
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
    upheldAction: z.enum(["REMOVE", "CHANGE_AMOUNT"], { invalid_type_error: "请选择处理方式" }).optional(),
    amount: z.string().trim().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== "UPHELD") return;
    if (!v.upheldAction) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["upheldAction"], message: "异议成立时请选择处理方式" });
      return;
    }
    if (v.upheldAction === "CHANGE_AMOUNT") {
      const fen = v.amount ? yuanToFen(v.amount) : null;
      if (!v.amount) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["amount"], message: "请填写调整后的资助金额" });
      else if (fen == null)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["amount"],
          message: "请填写正确的金额（元，最多两位小数）",
        });
      else if (fen <= 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["amount"], message: "资助金额须大于 0" });
    }
  });

export type ReviewForFeedback = {
  sortKey: string;
  comment: string | null;
  recommendation: string | null;
  scores: Record<string, number>;
};

/** Per-criterion mean of the submitted scores (rounded to 2 decimals). */
export function criterionAverages(
  criteria: { id: string; name: string; maxScore: number }[],
  reviews: { scores: Record<string, number> }[],
) {
  return criteria.map((c) => {
    const given = reviews.map((r) => r.scores[c.id]).filter((s): s is number => typeof s === "number");
    const average = given.length ? Math.round((given.reduce((a, b) => a + b, 0) / given.length) * 100) / 100 : null;
    return { id: c.id, name: c.name, maxScore: c.maxScore, average };
  });
}

/**
 * The reviewers' comments labelled 专家 1, 专家 2 … ordered by an opaque key
 * (a hash the server computes), so the order is stable but says nothing about
 * who reviewed or when. Nothing identifying leaves this function.
 */
export function anonymousComments(reviews: ReviewForFeedback[]) {
  return [...reviews]
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    .map((r, i) => ({ label: `专家 ${i + 1}`, comment: r.comment, recommendation: r.recommendation }));
}
