// Publicity of the proposed shortlist (拟入围项目公示), objections (the shared
// primitive in modules/publicity, decision 013) and the confirmation of the
// funded list. Pure: no database, no node built-ins, so the routes' browser
// bundles can import the schemas and labels.
import { z } from "zod";
import { buildObjectionFormSchema, decisionFields } from "~/modules/publicity/objection";
import { yuanToFen } from "~/utils/format";
import { GRANT_SUBJECT_TYPE } from "../applications/documents";
import { publicityState, type PublicityFacts } from "../calls/phase";

/** The shortlist of a call is the publication, each application an entry (decision 013). */
export const GRANT_PUBLICATION_TYPE = "GrantCall";
export const grantPublication = (callId: string) => ({ type: GRANT_PUBLICATION_TYPE, id: callId });
/** The Objection columns of a call's objections (counts, fixtures). */
export const grantObjectionsOf = (callId: string) => ({
  publicationType: GRANT_PUBLICATION_TYPE,
  publicationId: callId,
});
/** The Objection columns that tie one objection to a shortlist entry. */
export const grantObjectionRefs = (callId: string, applicationId: string) => ({
  ...grantObjectionsOf(callId),
  entryType: GRANT_SUBJECT_TYPE,
  entryId: applicationId,
});

/** What an upheld objection does to a shortlist entry (Objection.upheldAction). */
export const UPHELD_ACTIONS = { REMOVE: "移出拟入围名单", CHANGE_AMOUNT: "调整资助金额" } as const;
export type UpheldAction = keyof typeof UPHELD_ACTIONS;

/** The public objection form: the project, then the objector (the file is checked on the server only). */
export function buildObjectionSchema<F extends z.ZodTypeAny>(fileSchema: F) {
  return buildObjectionFormSchema("applicationId", "请选择异议项目", fileSchema);
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

/** Staff decision on one objection. */
export const DecisionSchema = z
  .object({
    intent: z.literal("decide"),
    ...decisionFields,
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
