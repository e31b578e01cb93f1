import { describe, expect, test } from "vitest";
import { reminderFor } from "./report-reminders";

const now = new Date("2026-12-05T02:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const report = { id: "r", status: "SCHEDULED", remindedAt: null, overdueNoticeAt: null };

describe("reminderFor", () => {
  test("due within 7 days: one reminder, never repeated", () => {
    expect(reminderFor({ ...report, dueAt: days(6) }, now)).toBe("DUE_SOON");
    expect(reminderFor({ ...report, dueAt: days(6), remindedAt: days(-1) }, now)).toBeNull();
    expect(reminderFor({ ...report, dueAt: days(10) }, now)).toBeNull();
  });
  test("overdue: one notice even after a due-soon reminder, never repeated", () => {
    expect(reminderFor({ ...report, dueAt: days(-1), remindedAt: days(-5) }, now)).toBe("OVERDUE");
    expect(reminderFor({ ...report, dueAt: days(-1), overdueNoticeAt: days(0) }, now)).toBeNull();
  });
  test("filed reports get none; returned ones do", () => {
    expect(reminderFor({ ...report, status: "SUBMITTED", dueAt: days(-3) }, now)).toBeNull();
    expect(reminderFor({ ...report, status: "ACCEPTED", dueAt: days(2) }, now)).toBeNull();
    expect(reminderFor({ ...report, status: "RETURNED", dueAt: days(-3) }, now)).toBe("OVERDUE");
  });
});
