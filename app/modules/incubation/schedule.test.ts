import { describe, expect, test } from "vitest";
import { RULES } from "~/modules/config/rules";
import { defaultTermEnd, firstCheckDueAt, handoverDueAt, isFirstCheckOverdue } from "./schedule";

const RULE_DEFAULTS = {
  "incubation.firstCheckWorkingDays": RULES["incubation.firstCheckWorkingDays"].defaultValue,
  "incubation.termMonths": RULES["incubation.termMonths"].defaultValue,
  "incubation.handoverWorkingDays": RULES["incubation.handoverWorkingDays"].defaultValue,
};

const endOfDay = (day: string) => new Date(`${day}T23:59:59.999+08:00`);

describe("first check due date", () => {
  test("the defaults are 5 working days for the first check and 15 for handing back", () => {
    expect(RULE_DEFAULTS["incubation.firstCheckWorkingDays"]).toBe(5);
    expect(RULE_DEFAULTS["incubation.handoverWorkingDays"]).toBe(15);
  });

  test("5 working days skip the weekend: Thursday → next Thursday", () => {
    expect(firstCheckDueAt(new Date("2026-11-19T10:00:00+08:00"), RULE_DEFAULTS)).toEqual(endOfDay("2026-11-26"));
  });

  test("an application made on Saturday counts from Monday", () => {
    expect(firstCheckDueAt(new Date("2026-11-21T15:00:00+08:00"), RULE_DEFAULTS)).toEqual(endOfDay("2026-11-27"));
  });

  test("the day is the Shanghai day, not the UTC one", () => {
    // 01:00 Friday in Shanghai is still Thursday in UTC.
    expect(firstCheckDueAt(new Date("2026-11-20T01:00:00+08:00"), RULE_DEFAULTS)).toEqual(endOfDay("2026-11-27"));
    expect(firstCheckDueAt(new Date("2026-11-19T23:30:00+08:00"), RULE_DEFAULTS)).toEqual(endOfDay("2026-11-26"));
  });

  test("the number of days comes from the rule", () => {
    expect(firstCheckDueAt(new Date("2026-11-19T10:00:00+08:00"), { "incubation.firstCheckWorkingDays": 3 })).toEqual(
      endOfDay("2026-11-24"),
    );
  });

  test("overdue only after the due day ends, and only while still waiting for the first check", () => {
    const app = { status: "APPLIED", firstCheckDueAt: endOfDay("2026-11-26") };
    expect(isFirstCheckOverdue(app, new Date("2026-11-26T23:59:00+08:00"))).toBe(false);
    expect(isFirstCheckOverdue(app, new Date("2026-11-27T00:00:00+08:00"))).toBe(true);
    expect(isFirstCheckOverdue({ ...app, status: "FIRST_CHECK_PASSED" }, new Date("2026-12-10T00:00:00+08:00"))).toBe(
      false,
    );
  });
});

describe("term and hand-back", () => {
  test("the term ends the default number of months after it starts", () => {
    expect(RULE_DEFAULTS["incubation.termMonths"]).toBe(24);
    expect(defaultTermEnd(new Date("2026-12-01T00:00:00+08:00"), RULE_DEFAULTS)).toEqual(
      new Date("2028-12-01T00:00:00+08:00"),
    );
    expect(defaultTermEnd(new Date("2026-12-01T00:00:00+08:00"), { "incubation.termMonths": 12 })).toEqual(
      new Date("2027-12-01T00:00:00+08:00"),
    );
  });

  test("after 退驻 the space is handed back within 15 working days", () => {
    // Monday 23 November → three working weeks later, Monday 14 December.
    expect(handoverDueAt(new Date("2026-11-23T16:00:00+08:00"), RULE_DEFAULTS)).toEqual(endOfDay("2026-12-14"));
    // From a Friday: Friday 27 November → Friday 18 December.
    expect(handoverDueAt(new Date("2026-11-27T09:00:00+08:00"), RULE_DEFAULTS)).toEqual(endOfDay("2026-12-18"));
  });
});
