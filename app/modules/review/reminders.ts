// When late reviewers are chased, and the load figure shown after an automatic
// assignment. Pure rules of every expert panel; remindLate (panel-changes.server.ts) applies them.

/** Assignments due within this many days (or already overdue) are reminded. */
export const REMIND_WITHIN_DAYS = 2;
/** A reviewer is not reminded again within this many hours. */
export const REMIND_COOLDOWN_HOURS = 24;

/** Whether an open assignment due at `dueAt` should be chased now. */
export function isDueForReminder(dueAt: Date | null, now: Date) {
  if (!dueAt) return false;
  return dueAt.getTime() <= now.getTime() + REMIND_WITHIN_DAYS * 86_400_000;
}

/** Whether a reviewer last reminded at `lastRemindedAt` may be reminded again. */
export function canRemindAgain(lastRemindedAt: Date | null, now: Date) {
  if (!lastRemindedAt) return true;
  return now.getTime() - lastRemindedAt.getTime() >= REMIND_COOLDOWN_HOURS * 3_600_000;
}

/**
 * Which reviewers to remind: those with an open assignment overdue or due soon,
 * none of whose assignments in the round was reminded within the cooldown.
 * Returns reviewerId → the ids of their pending assignments (all open ones).
 */
export function reviewersToRemind(
  open: { id: string; reviewerId: string; dueAt: Date | null; remindedAt: Date | null }[],
  now: Date,
): Map<string, string[]> {
  const byReviewer = new Map<string, typeof open>();
  for (const a of open) byReviewer.set(a.reviewerId, [...(byReviewer.get(a.reviewerId) ?? []), a]);
  const result = new Map<string, string[]>();
  for (const [reviewerId, rows] of byReviewer) {
    if (!rows.some((r) => isDueForReminder(r.dueAt, now))) continue;
    const last = rows.reduce<Date | null>(
      (m, r) => (r.remindedAt && (!m || r.remindedAt > m) ? r.remindedAt : m),
      null,
    );
    if (!canRemindAgain(last, now)) continue;
    result.set(
      reviewerId,
      rows.map((r) => r.id),
    );
  }
  return result;
}

/** "2–3" or "2" for the load range after an assignment. */
export function loadRange(loads: Record<string, number>) {
  const values = Object.values(loads);
  if (values.length === 0) return "0";
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? String(min) : `${min}–${max}`;
}
