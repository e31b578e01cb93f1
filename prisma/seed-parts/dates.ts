// The seed's calendar: every demo date is computed from the day the seed runs, so a
// newcomer finds every workflow live on any date (issue #16).
//
// The demo story was written as seen on the morning of STORY_DAY. A story date
// (storyDate("2026-10-21 09:30")) keeps its distance from that day: the seed moves it
// by the whole days between STORY_DAY and today. Things labelled by a year (calls,
// inspection rounds) are computed from today's year instead (thisYear, lastYear).
//
// SEED_TODAY=YYYY-MM-DD seeds the world as it would be on that day (tests, demos).
import { addDays, parseDateInput, shanghaiEndOfDay, shanghaiMidnight, shanghaiParts } from "~/utils/dates";

const DAY_MS = 86_400_000;
const STORY_DAY = "2026-11-21";

function seedToday(): Date {
  const override = process.env.SEED_TODAY?.trim();
  if (override) {
    const day = parseDateInput(override);
    if (!day) throw new Error(`SEED_TODAY must be a date like 2027-03-15, not "${override}"`);
    return day;
  }
  const { year, month, day } = shanghaiParts(new Date());
  return shanghaiMidnight(year, month, day);
}

/** 00:00 Shanghai on the day the seed runs (or SEED_TODAY). */
export const today = seedToday();
const todayParts = shanghaiParts(today);
export const thisYear = todayParts.year;
export const lastYear = thisYear - 1;
/** Month (1–12) of today, for the parts whose story follows the calendar year. */
export const thisMonth = todayParts.month;

const shiftDays = Math.round((today.getTime() - parseDateInput(STORY_DAY)!.getTime()) / DAY_MS);

/** "09:30" → milliseconds after midnight. */
function timeOfDay(time: string) {
  const [h, m] = time.split(":").map(Number);
  return (h * 60 + m) * 60_000;
}

/** An instant n days from today (negative: in the past) at a Shanghai time of day. */
export function daysFromToday(n: number, time = "00:00") {
  return new Date(addDays(today, n).getTime() + timeOfDay(time));
}

/** An instant on a Shanghai calendar day, e.g. atShanghai(lastYear, 3, 1, "09:00"). */
export function atShanghai(year: number, month: number, day: number, time = "00:00") {
  return new Date(shanghaiMidnight(year, month, day).getTime() + timeOfDay(time));
}

/** The last instant of a Shanghai calendar day, for deadlines. */
export function endOfDayAt(year: number, month: number, day: number) {
  return shanghaiEndOfDay(year, month, day);
}

/** The last instant of the Shanghai day n days from today. */
export function endOfDayFromToday(n: number) {
  const p = shanghaiParts(addDays(today, n));
  return shanghaiEndOfDay(p.year, p.month, p.day);
}

/**
 * A date of the demo story ("2026-10-21 09:30" or "2019-06-18", Shanghai) moved
 * to keep its distance from today: the story's STORY_DAY falls on today.
 */
export function storyDate(value: string) {
  const [day, time = "00:00"] = value.split(" ");
  const date = parseDateInput(day);
  if (!date) throw new Error(`storyDate: not a date "${value}"`);
  return new Date(addDays(date, shiftDays).getTime() + timeOfDay(time));
}

/** The last instant of a story day ("2026-12-20"), moved like storyDate: a deadline. */
export function storyEndOfDay(day: string) {
  return new Date(storyDate(day).getTime() + DAY_MS - 1);
}

/** A year named in the story's texts, moved with the story (2025 in a story set in 2026 → last year). */
export function storyYear(year: number) {
  return year + Math.round(shiftDays / 365.25);
}

/** The Shanghai year of an instant. */
export function yearOf(at: Date) {
  return shanghaiParts(at).year;
}
