import { describe, expect, test } from "vitest";
import { afterFailedLogin, isLocked, LOCK_MINUTES, MAX_FAILED_LOGINS } from "~/modules/auth/lockout";

const NOW = new Date("2026-05-31T08:00:00.000Z");
const FIFTEEN_MIN_MS = 15 * 60_000;

describe("lockout rule constants", () => {
  test("five failures lock for fifteen minutes", () => {
    expect(MAX_FAILED_LOGINS).toBe(5);
    expect(LOCK_MINUTES).toBe(15);
  });
});

describe("afterFailedLogin", () => {
  test("failures one to four only count up and never lock", () => {
    let count = 0;
    for (let expected = 1; expected <= 4; expected++) {
      const next = afterFailedLogin(count, NOW);
      expect(next).toEqual({ failedLoginCount: expected, lockedUntil: null });
      count = next.failedLoginCount;
    }
  });

  test("the fifth failure locks for exactly 15 minutes and resets the count", () => {
    const next = afterFailedLogin(4, NOW);
    expect(next.failedLoginCount).toBe(0);
    expect(next.lockedUntil).toBeInstanceOf(Date);
    expect(next.lockedUntil!.getTime() - NOW.getTime()).toBe(FIFTEEN_MIN_MS);
    expect(next.lockedUntil!.toISOString()).toBe("2026-05-31T08:15:00.000Z");
  });

  test("five failures in a row from a clean state lock on the fifth, not before", () => {
    let state: { failedLoginCount: number; lockedUntil: Date | null } = { failedLoginCount: 0, lockedUntil: null };
    const lockedAfter: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      state = afterFailedLogin(state.failedLoginCount, NOW);
      if (state.lockedUntil) lockedAfter.push(attempt);
    }
    expect(lockedAfter).toEqual([5]);
  });

  test("a count already over the limit (legacy data) still locks", () => {
    const next = afterFailedLogin(7, NOW);
    expect(next.lockedUntil?.getTime()).toBe(NOW.getTime() + FIFTEEN_MIN_MS);
    expect(next.failedLoginCount).toBe(0);
  });

  test("does not mutate the `now` it is given", () => {
    const now = new Date(NOW);
    afterFailedLogin(4, now);
    expect(now.getTime()).toBe(NOW.getTime());
  });
});

describe("isLocked", () => {
  const lockedUntil = new Date(NOW.getTime() + FIFTEEN_MIN_MS);

  test("never locked when lockedUntil is null", () => {
    expect(isLocked(null, NOW)).toBe(false);
  });

  test("locked during the whole window", () => {
    expect(isLocked(lockedUntil, NOW)).toBe(true);
    expect(isLocked(lockedUntil, new Date(lockedUntil.getTime() - 1))).toBe(true);
  });

  test("the lock ends exactly at lockedUntil", () => {
    expect(isLocked(lockedUntil, lockedUntil)).toBe(false);
    expect(isLocked(lockedUntil, new Date(lockedUntil.getTime() + 1))).toBe(false);
  });

  test("a lock that ended in the past does not lock", () => {
    expect(isLocked(new Date(NOW.getTime() - 1000), NOW)).toBe(false);
  });
});
