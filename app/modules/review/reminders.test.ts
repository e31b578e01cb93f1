import { describe, expect, it } from "vitest";
import { canRemindAgain, isDueForReminder, loadRange, reviewersToRemind } from "./reminders";

const HOUR = 3_600_000;
const now = new Date("2026-06-10T04:00:00Z");

describe("reminder window", () => {
  it("chases overdue and due-within-two-days assignments only", () => {
    expect(isDueForReminder(new Date(now.getTime() - HOUR), now)).toBe(true);
    expect(isDueForReminder(new Date(now.getTime() + 47 * HOUR), now)).toBe(true);
    expect(isDueForReminder(new Date(now.getTime() + 49 * HOUR), now)).toBe(false);
    expect(isDueForReminder(null, now)).toBe(false);
  });

  it("waits 24 hours before reminding again", () => {
    expect(canRemindAgain(null, now)).toBe(true);
    expect(canRemindAgain(new Date(now.getTime() - 23 * HOUR), now)).toBe(false);
    expect(canRemindAgain(new Date(now.getTime() - 24 * HOUR), now)).toBe(true);
  });

  it("groups a reviewer's open assignments and skips recently reminded reviewers", () => {
    const overdue = new Date(now.getTime() - 24 * HOUR);
    const later = new Date(now.getTime() + 10 * 24 * HOUR);
    const result = reviewersToRemind(
      [
        { id: "a1", reviewerId: "r1", dueAt: overdue, remindedAt: null },
        { id: "a2", reviewerId: "r1", dueAt: later, remindedAt: null },
        { id: "a3", reviewerId: "r2", dueAt: later, remindedAt: null },
        { id: "a4", reviewerId: "r3", dueAt: overdue, remindedAt: new Date(now.getTime() - 2 * HOUR) },
        { id: "a5", reviewerId: "r3", dueAt: overdue, remindedAt: null },
      ],
      now,
    );
    expect([...result]).toEqual([["r1", ["a1", "a2"]]]);
  });
});

describe("loadRange", () => {
  it("shows min–max", () => {
    expect(loadRange({ a: 3, b: 2, c: 3 })).toBe("2–3");
    expect(loadRange({ a: 2 })).toBe("2");
    expect(loadRange({})).toBe("0");
  });
});
