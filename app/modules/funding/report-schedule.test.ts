import { describe, expect, test } from "vitest";
import { shanghaiMidnight, toDateInput } from "~/utils/dates";
import { addMonthsClamped, REPORT_DUE_DAYS, reportSchedule } from "./report-schedule";

const day = (s: string) => {
  const [y, m, d] = s.split("-").map(Number);
  return shanghaiMidnight(y!, m!, d!);
};
const periods = (signed: string, ends: string, every: number) =>
  reportSchedule({ signedAt: day(signed), endsOn: day(ends), everyMonths: every }).map((p) => [
    toDateInput(p.periodStart),
    toDateInput(p.periodEnd),
    toDateInput(p.dueAt),
  ]);

describe("addMonthsClamped", () => {
  test("31 January + 1 month is the last day of February", () => {
    expect(addMonthsClamped({ year: 2027, month: 1, day: 31 }, 1)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(addMonthsClamped({ year: 2028, month: 1, day: 31 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
  });
  test("crosses the year", () => {
    expect(addMonthsClamped({ year: 2026, month: 11, day: 30 }, 3)).toEqual({ year: 2027, month: 2, day: 28 });
  });
});

describe("reportSchedule", () => {
  test("every 3 months from signing, the last period ending on endsOn", () => {
    expect(periods("2026-03-01", "2027-02-28", 3)).toEqual([
      ["2026-03-01", "2026-05-31", "2026-06-15"],
      ["2026-06-01", "2026-08-31", "2026-09-15"],
      ["2026-09-01", "2026-11-30", "2026-12-15"],
      ["2026-12-01", "2027-02-28", "2027-03-15"],
    ]);
  });

  test("a month end anchor stays on month ends (31 January, monthly)", () => {
    expect(periods("2027-01-31", "2027-05-30", 1)).toEqual([
      ["2027-01-31", "2027-02-27", "2027-03-14"],
      ["2027-02-28", "2027-03-30", "2027-04-14"],
      ["2027-03-31", "2027-04-29", "2027-05-14"],
      ["2027-04-30", "2027-05-30", "2027-06-14"],
    ]);
  });

  test("31 August quarterly passes through 30 November and 28 February", () => {
    const got = periods("2026-08-31", "2027-08-30", 3);
    expect(got.map((p) => p[0])).toEqual(["2026-08-31", "2026-11-30", "2027-02-28", "2027-05-31"]);
    expect(got.at(-1)![1]).toBe("2027-08-30");
  });

  test("a tail shorter than a month is folded into the period before it", () => {
    expect(periods("2026-03-15", "2026-12-31", 3)).toEqual([
      ["2026-03-15", "2026-06-14", "2026-06-29"],
      ["2026-06-15", "2026-09-14", "2026-09-29"],
      ["2026-09-15", "2026-12-31", "2027-01-15"],
    ]);
  });

  test("a short agreement has one report; an end before signing has none", () => {
    expect(periods("2026-05-10", "2026-06-20", 3)).toEqual([["2026-05-10", "2026-06-20", "2026-07-05"]]);
    expect(periods("2026-05-10", "2026-05-01", 3)).toEqual([]);
  });

  test("sequences count from 1 and each report is due REPORT_DUE_DAYS after its period, at the end of the day", () => {
    const s = reportSchedule({ signedAt: day("2026-01-01"), endsOn: day("2026-12-31"), everyMonths: 6 });
    expect(s.map((p) => p.sequence)).toEqual([1, 2]);
    const due = s[0]!.dueAt.getTime() - s[0]!.periodEnd.getTime();
    expect(due).toBe((REPORT_DUE_DAYS + 1) * 86_400_000 - 1);
  });

  test("a signing instant late in the Shanghai evening counts as that Shanghai day", () => {
    const signedAt = new Date("2026-03-31T15:30:00Z"); // 23:30 on 31 March in Shanghai
    const s = reportSchedule({ signedAt, endsOn: day("2026-09-30"), everyMonths: 3 });
    expect(toDateInput(s[0]!.periodStart)).toBe("2026-03-31");
    expect(toDateInput(s[0]!.periodEnd)).toBe("2026-06-29");
  });
});
