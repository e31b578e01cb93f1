import { describe, expect, test } from "vitest";
import { parseShanghaiDayRange, shanghaiDateString, shanghaiDayStart } from "./date-range";

describe("shanghaiDayStart", () => {
  test("a Shanghai day starts at 16:00 UTC the day before", () => {
    expect(shanghaiDayStart("2026-05-31")?.toISOString()).toBe("2026-05-30T16:00:00.000Z");
    expect(shanghaiDayStart("2026-01-01")?.toISOString()).toBe("2025-12-31T16:00:00.000Z");
  });

  test("rejects malformed and impossible dates", () => {
    for (const value of ["", "2026-5-31", "2026/05/31", "2026-02-30", "2026-13-01", "abc", null, undefined]) {
      expect(shanghaiDayStart(value)).toBeNull();
    }
  });

  test("accepts surrounding whitespace and leap days", () => {
    expect(shanghaiDayStart(" 2028-02-29 ")?.toISOString()).toBe("2028-02-28T16:00:00.000Z");
  });
});

describe("shanghaiDateString", () => {
  test("uses the Shanghai calendar, not the UTC one", () => {
    expect(shanghaiDateString(new Date("2026-05-30T15:59:59.999Z"))).toBe("2026-05-30");
    expect(shanghaiDateString(new Date("2026-05-30T16:00:00.000Z"))).toBe("2026-05-31");
  });
});

describe("parseShanghaiDayRange", () => {
  test("covers both days fully, ending just before the next Shanghai midnight", () => {
    const range = parseShanghaiDayRange("2026-05-01", "2026-05-31");
    expect(range.gte?.toISOString()).toBe("2026-04-30T16:00:00.000Z");
    expect(range.lt?.toISOString()).toBe("2026-05-31T16:00:00.000Z");
    expect(range).toMatchObject({ from: "2026-05-01", to: "2026-05-31" });
  });

  test("a single day is a 24-hour window", () => {
    const range = parseShanghaiDayRange("2026-05-31", "2026-05-31");
    expect(range.lt!.getTime() - range.gte!.getTime()).toBe(86_400_000);
  });

  test("an instant late in the evening Shanghai time falls inside that day", () => {
    const range = parseShanghaiDayRange("2026-05-31", "2026-05-31");
    const lateEvening = new Date("2026-05-31T15:30:00.000Z"); // 23:30 in Shanghai
    const nextMorning = new Date("2026-05-31T16:30:00.000Z"); // 00:30 on June 1 in Shanghai
    expect(lateEvening >= range.gte! && lateEvening < range.lt!).toBe(true);
    expect(nextMorning < range.lt!).toBe(false);
  });

  test("open ends stay open and invalid ends are dropped", () => {
    expect(parseShanghaiDayRange("2026-05-01", "")).toEqual({
      from: "2026-05-01",
      to: "",
      gte: new Date("2026-04-30T16:00:00.000Z"),
      lt: undefined,
    });
    expect(parseShanghaiDayRange("nonsense", "2026-05-01")).toMatchObject({ from: "", gte: undefined, to: "2026-05-01" });
    expect(parseShanghaiDayRange(null, undefined)).toEqual({ from: "", to: "", gte: undefined, lt: undefined });
  });

  test("a reversed pair is swapped", () => {
    const range = parseShanghaiDayRange("2026-05-31", "2026-05-01");
    expect(range).toMatchObject({ from: "2026-05-01", to: "2026-05-31" });
    expect(range.gte! < range.lt!).toBe(true);
  });
});
