// The phase a call is in (#11). Pure.
//
// One truth: the phase shown comes from the call's real state, not from its
// calendar. The calendar (applyOpensAt … signingEndsAt) is the plan, shown as
// 计划 beside each phase. Applying and screening follow their dates (the
// application deadline is enforced by date), but a call is in publicity only
// once its shortlist has been published (GrantCall.reviewStage PUBLICIZED) and
// until the end stored at publication; until then it is still under review,
// whatever the calendar says.
import { shanghaiEndOfDay, shanghaiParts } from "~/utils/dates";

export type CallPhase = "NOT_OPEN" | "APPLYING" | "SCREENING" | "REVIEWING" | "PUBLICITY" | "SIGNING" | "DONE";

const PHASE_ORDER: readonly CallPhase[] = [
  "NOT_OPEN",
  "APPLYING",
  "SCREENING",
  "REVIEWING",
  "PUBLICITY",
  "SIGNING",
  "DONE",
];

export const CALL_PHASE_LABELS: Record<CallPhase, string> = {
  NOT_OPEN: "即将开始",
  APPLYING: "申报中",
  SCREENING: "资格审查",
  REVIEWING: "专家评审",
  PUBLICITY: "公示",
  SIGNING: "签约",
  DONE: "已结束",
};

/** The call's planned dates (its calendar). */
export type PlannedDates = {
  applyOpensAt: Date;
  applyClosesAt: Date;
  screeningEndsAt: Date;
  reviewEndsAt: Date;
  publicityDays: number;
  signingEndsAt: Date;
};

/**
 * The one rule for when publicity ends: at the end of the Shanghai day `days`
 * days after it starts. Applied to the review deadline for the plan, and to the
 * moment the shortlist is published for the end stored on the call.
 */
export function publicityEndOf(start: Date, days: number) {
  const p = shanghaiParts(start);
  return shanghaiEndOfDay(p.year, p.month, p.day + days);
}

/** The planned end of publicity: publicityDays after the review deadline. */
export function plannedPublicityEnd(call: Pick<PlannedDates, "reviewEndsAt" | "publicityDays">) {
  return publicityEndOf(call.reviewEndsAt, call.publicityDays);
}

/** The phase the calendar plans for `now` (each end date is the last instant of its phase). */
export function plannedPhase(call: PlannedDates, now: Date): CallPhase {
  const t = now.getTime();
  if (t < call.applyOpensAt.getTime()) return "NOT_OPEN";
  if (t <= call.applyClosesAt.getTime()) return "APPLYING";
  if (t <= call.screeningEndsAt.getTime()) return "SCREENING";
  if (t <= call.reviewEndsAt.getTime()) return "REVIEWING";
  if (t <= plannedPublicityEnd(call).getTime()) return "PUBLICITY";
  if (t <= call.signingEndsAt.getTime()) return "SIGNING";
  return "DONE";
}

/** The review round's state (GrantCall.reviewStage) and the publicity end stored when the shortlist was published. */
export type PublicityFacts = { reviewStage: string; publicityEndsAt: Date | null };

/** NOT_PUBLISHED → OPEN (objections heard) → ENDED → CONFIRMED. */
export type PublicityState = "NOT_PUBLISHED" | "OPEN" | "ENDED" | "CONFIRMED";

/** Where the shortlist's publicity stands: open from publication through its stored end (inclusive). */
export function publicityState(call: PublicityFacts, now: Date): PublicityState {
  if (call.reviewStage === "CONFIRMED") return "CONFIRMED";
  if (call.reviewStage !== "PUBLICIZED" || !call.publicityEndsAt) return "NOT_PUBLISHED";
  return now.getTime() <= call.publicityEndsAt.getTime() ? "OPEN" : "ENDED";
}

/** What the phase is computed from: the call's status, its review round and the dates. */
export type CallPhaseFacts = PlannedDates & PublicityFacts & { status: string };

/**
 * The phase a call is in at `now`, from its real state:
 * - a closed call has ended;
 * - a published shortlist is in publicity until its stored end; after it (or
 *   once the list is confirmed) the call is signing until the signing deadline;
 * - before a shortlist is published the calendar decides, but never past
 *   专家评审: a call whose review round is still open stays in review.
 */
export function callPhase(call: CallPhaseFacts, now: Date): CallPhase {
  if (call.status === "CLOSED") return "DONE";
  const publicity = publicityState(call, now);
  if (publicity === "OPEN") return "PUBLICITY";
  if (publicity === "ENDED" || publicity === "CONFIRMED") {
    return now.getTime() <= call.signingEndsAt.getTime() ? "SIGNING" : "DONE";
  }
  const planned = plannedPhase(call, now);
  return PHASE_ORDER.indexOf(planned) > PHASE_ORDER.indexOf("REVIEWING") ? "REVIEWING" : planned;
}
