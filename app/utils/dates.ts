// Calendar arithmetic in Asia/Shanghai (UTC+8, no daylight saving).

export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Year, month (1–12) and day of an instant as seen in Shanghai. */
export function shanghaiParts(at: Date) {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
  };
}

/** The instant at 00:00 Shanghai time on the given calendar day. */
export function shanghaiMidnight(year: number, month: number, day: number) {
  return new Date(Date.UTC(year, month - 1, day) - SHANGHAI_OFFSET_MS);
}

/** The last instant (23:59:59.999 Shanghai) of the given calendar day, for deadlines. */
export function shanghaiEndOfDay(year: number, month: number, day: number) {
  return new Date(shanghaiMidnight(year, month, day + 1).getTime() - 1);
}

/** "2026-05-31" (an <input type=date> value) → 00:00 Shanghai; null when malformed. */
export function parseDateInput(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = shanghaiMidnight(y, mo, d);
  const back = shanghaiParts(date);
  return back.year === y && back.month === mo && back.day === d ? date : null;
}

/** An instant → "2026-05-31" in Shanghai, for <input type=date> defaults. */
export function toDateInput(at: Date | null | undefined) {
  if (!at) return "";
  const p = shanghaiParts(at);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

export function addDays(at: Date, days: number) {
  return new Date(at.getTime() + days * 86_400_000);
}

/**
 * Adds working days (Monday–Friday) in Shanghai and returns the end of that
 * day. Public holidays are not modelled; staff can see and adjust due dates.
 */
export function addWorkingDays(at: Date, workingDays: number) {
  let { year, month, day } = shanghaiParts(at);
  let added = 0;
  while (added < workingDays) {
    const next = shanghaiParts(shanghaiMidnight(year, month, day + 1));
    ({ year, month, day } = next);
    if (next.weekday !== 0 && next.weekday !== 6) added++;
  }
  return shanghaiEndOfDay(year, month, day);
}

export function addMonths(at: Date, months: number) {
  const p = shanghaiParts(at);
  return shanghaiMidnight(p.year, p.month + months, p.day);
}
