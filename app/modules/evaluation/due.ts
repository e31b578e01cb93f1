// When a project's evaluations fall due (#14 item 1): the mid-term N months after signing, the
// final N months before the agreement ends (GrantCall.midtermAfterMonths / finalBeforeEndMonths,
// copied by the caller). Months are counted on the Shanghai calendar; a day past the end of the
// month falls on its last day (31 August + 6 months → 28 or 29 February). Due at the end of the day.
import { shanghaiEndOfDay, shanghaiMidnight, shanghaiParts } from "~/utils/dates";

export function endOfDayMonthsFrom(at: Date, months: number) {
  const p = shanghaiParts(at);
  const firstOfTarget = shanghaiParts(shanghaiMidnight(p.year, p.month + months, 1));
  const lastDay = shanghaiParts(shanghaiMidnight(firstOfTarget.year, firstOfTarget.month + 1, 0)).day;
  return shanghaiEndOfDay(firstOfTarget.year, firstOfTarget.month, Math.min(p.day, lastDay));
}

export function midtermDueAt(signedAt: Date, midtermAfterMonths: number) {
  return endOfDayMonthsFrom(signedAt, midtermAfterMonths);
}

export function finalDueAt(endsOn: Date, finalBeforeEndMonths: number) {
  return endOfDayMonthsFrom(endsOn, -finalBeforeEndMonths);
}

type Settling = { status: string; kind?: string; grade?: string | null; decision?: string | null };

/** Nothing more to wait for: cancelled, or final (a mid-term 不合格 only once staff decided what follows). */
function settled(e: Settling) {
  if (e.status === "CANCELLED") return true;
  if (e.status !== "FINAL") return false;
  return !(e.kind === "MIDTERM" && e.grade === "不合格" && !e.decision);
}

/**
 * The evaluation the organization files its self-assessment for now: the earliest due one
 * waiting for it (AWAITING_REPORT), once every evaluation due before it has its result. The
 * final evaluation, scheduled at signing, waits until the mid-term (and any re-evaluation
 * after 整改) is settled, so the form never offers it while the mid-term is still under way.
 * `evaluations` in due order (dueAt, then round), as the tab lists them.
 */
export function evaluationToSelfAssess<E extends Settling>(evaluations: E[]): E | null {
  for (const e of evaluations) {
    if (e.status === "AWAITING_REPORT") return e;
    if (!settled(e)) return null;
  }
  return null;
}
