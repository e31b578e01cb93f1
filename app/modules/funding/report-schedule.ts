// The progress-report schedule of a funded project (#13 item 6). Pure.
//
// Periods run every `everyMonths` months from the signing day until the agreement's
// end: each boundary is counted from the signing day (not from the previous
// boundary) and clamped to the month's last day, so 31 January + 1 month is 28 (or
// 29) February and + 2 months is 31 March again. The last period ends on endsOn.
// A tail shorter than one month is folded into the period before it, so nobody is
// asked for a report covering a week. Each report is due at the end of the day
// REPORT_DUE_DAYS after its period ends (Shanghai calendar).
import { shanghaiEndOfDay, shanghaiMidnight, shanghaiParts } from "~/utils/dates";

/** Days after a period's last day by which its report is due. */
export const REPORT_DUE_DAYS = 15;
/** Reports due within this many days are reminded once. */
export const REPORT_REMIND_WITHIN_DAYS = 7;

export type CalendarDay = { year: number; month: number; day: number };

export type ScheduledPeriod = {
  sequence: number;
  periodStart: Date;
  periodEnd: Date;
  dueAt: Date;
};

function daysInMonth(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day `months` later, clamped to the last day of a shorter month. */
export function addMonthsClamped(from: CalendarDay, months: number): CalendarDay {
  const index = from.year * 12 + (from.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(from.day, daysInMonth(year, month)) };
}

function toKey(d: CalendarDay) {
  return d.year * 10_000 + d.month * 100 + d.day;
}

function dayOf(d: CalendarDay): CalendarDay {
  const p = shanghaiParts(shanghaiMidnight(d.year, d.month, d.day));
  return { year: p.year, month: p.month, day: p.day };
}

const previousDay = (d: CalendarDay) => dayOf({ ...d, day: d.day - 1 });
const nextDay = (d: CalendarDay) => dayOf({ ...d, day: d.day + 1 });

/**
 * Every report period from `signedAt` to `endsOn` (instants read as Shanghai calendar
 * days), `everyMonths` months each (at least 1). Empty when the agreement ends before
 * it was signed.
 */
export function reportSchedule(input: { signedAt: Date; endsOn: Date; everyMonths: number }): ScheduledPeriod[] {
  const every = Math.max(1, Math.floor(input.everyMonths));
  const anchor = dayOf(shanghaiParts(input.signedAt));
  const end = dayOf(shanghaiParts(input.endsOn));
  if (toKey(end) < toKey(anchor)) return [];

  const bounds: { start: CalendarDay; end: CalendarDay }[] = [];
  let start: CalendarDay = anchor;
  for (let k = 1; toKey(start) <= toKey(end); k++) {
    const last = previousDay(addMonthsClamped(anchor, k * every));
    bounds.push({ start, end: toKey(last) < toKey(end) ? last : end });
    start = nextDay(last);
  }
  // Fold a tail shorter than a month into the period before it.
  if (bounds.length > 1) {
    const tail = bounds[bounds.length - 1]!;
    if (toKey(addMonthsClamped(tail.start, 1)) > toKey(nextDay(tail.end))) {
      bounds.pop();
      bounds[bounds.length - 1]!.end = tail.end;
    }
  }
  return bounds.map((b, i) => ({
    sequence: i + 1,
    periodStart: shanghaiMidnight(b.start.year, b.start.month, b.start.day),
    periodEnd: shanghaiMidnight(b.end.year, b.end.month, b.end.day),
    dueAt: shanghaiEndOfDay(b.end.year, b.end.month, b.end.day + REPORT_DUE_DAYS),
  }));
}
