// How long experts have for an evaluation unless staff set a date. Pure.
import { addDays, shanghaiEndOfDay, shanghaiParts } from "~/utils/dates";

export const EXPERT_REVIEW_DAYS = 14;

/** The end of the Shanghai day EXPERT_REVIEW_DAYS after `from`. */
export function defaultReviewEndsAt(from = new Date()) {
  const p = shanghaiParts(addDays(from, EXPERT_REVIEW_DAYS));
  return shanghaiEndOfDay(p.year, p.month, p.day);
}
