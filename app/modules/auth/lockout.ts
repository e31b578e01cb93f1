// Account lockout rule: after MAX_FAILED_LOGINS wrong passwords in a row the
// account is locked for LOCK_MINUTES. Pure, so it is easy to test.

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export function isLocked(lockedUntil: Date | null, now: Date) {
  return lockedUntil != null && lockedUntil.getTime() > now.getTime();
}

/** The state after one more wrong password. */
export function afterFailedLogin(failedLoginCount: number, now: Date) {
  const count = failedLoginCount + 1;
  if (count >= MAX_FAILED_LOGINS) {
    return { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
  }
  return { failedLoginCount: count, lockedUntil: null };
}
