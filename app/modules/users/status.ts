// How an account's state reads on admin screens. An account can be disabled
// (by staff) and locked (by wrong passwords) independently.
import { USER_STATUS_LABELS } from "~/modules/auth/roles";
import { formatTime } from "~/utils/format";

type StatusInput = { status: string; lockedUntil: Date | string | null };

/** Dates may arrive as strings after serialization, so accept both. */
export function lockedUntilDate(lockedUntil: Date | string | null, now = new Date()): Date | null {
  if (!lockedUntil) return null;
  const date = new Date(lockedUntil);
  return date.getTime() > now.getTime() ? date : null;
}

/** e.g. ["正常"] or ["已停用", "已锁定至 14:05"]. */
export function accountStatusLabels(user: StatusInput, now = new Date()): string[] {
  const labels = [USER_STATUS_LABELS[user.status] ?? user.status];
  const locked = lockedUntilDate(user.lockedUntil, now);
  if (locked) labels.push(`已锁定至 ${formatTime(locked)}`);
  return labels;
}

/** Filter values on the account list; LOCKED is derived from lockedUntil, not stored. */
export const ACCOUNT_STATUS_FILTERS = [
  { value: "ACTIVE", label: "正常" },
  { value: "DISABLED", label: "已停用" },
  { value: "LOCKED", label: "已锁定" },
] as const;
