// Date filters are typed as calendar days in Asia/Shanghai, while timestamps are
// stored in UTC. Shanghai is UTC+8 all year (no daylight saving since 1991), so a
// fixed offset is exact and needs no time-zone database.

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC instant at which a Shanghai calendar day (YYYY-MM-DD) begins; null if it is not a real date. */
export function shanghaiDayStart(value: string | null | undefined): Date | null {
  const match = DATE_RE.exec((value ?? "").trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utcMidnight = Date.UTC(year, month - 1, day);
  const check = new Date(utcMidnight);
  // Date.UTC rolls 2026-02-30 over to March; reject instead of guessing.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return new Date(utcMidnight - SHANGHAI_OFFSET_MS);
}

/** The Shanghai calendar day (YYYY-MM-DD) an instant falls on. */
export function shanghaiDateString(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export type DayRange = {
  /** The days actually applied, normalized; "" when that end is open. */
  from: string;
  to: string;
  /** Inclusive lower bound in UTC. */
  gte?: Date;
  /** Exclusive upper bound in UTC: the start of the day after `to`. */
  lt?: Date;
};

/**
 * Turns an inclusive from/to pair of Shanghai days into a half-open UTC range.
 * Invalid dates are dropped; a reversed pair is swapped rather than matching nothing.
 */
export function parseShanghaiDayRange(from: string | null | undefined, to: string | null | undefined): DayRange {
  let start = shanghaiDayStart(from);
  let end = shanghaiDayStart(to);
  if (start && end && start > end) [start, end] = [end, start];
  return {
    from: start ? shanghaiDateString(start) : "",
    to: end ? shanghaiDateString(end) : "",
    gte: start ?? undefined,
    lt: end ? new Date(end.getTime() + DAY_MS) : undefined,
  };
}
