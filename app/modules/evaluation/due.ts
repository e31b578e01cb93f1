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
