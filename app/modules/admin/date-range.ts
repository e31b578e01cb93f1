// The audit log's from/to filter: calendar days typed in Asia/Shanghai, turned
// into a half-open UTC range for the createdAt index.
import { addDays, parseDateInput, toDateInput } from "~/utils/dates";

export type DayRange = {
  /** The days actually applied, normalized; "" when that end is open. */
  from: string;
  to: string;
  /** Inclusive lower bound: 00:00 Shanghai on `from`. */
  gte?: Date;
  /** Exclusive upper bound: 00:00 Shanghai on the day after `to`. */
  lt?: Date;
};

/** Invalid dates are dropped; a reversed pair is swapped rather than matching nothing. */
export function parseShanghaiDayRange(from: string | null | undefined, to: string | null | undefined): DayRange {
  let start = parseDateInput(from ?? "");
  let end = parseDateInput(to ?? "");
  if (start && end && start > end) [start, end] = [end, start];
  return {
    from: toDateInput(start),
    to: toDateInput(end),
    gte: start ?? undefined,
    lt: end ? addDays(end, 1) : undefined,
  };
}
