import { describe, expect, test } from "vitest";
import { parseShanghaiDayRange } from "./date-range";

describe("parseShanghaiDayRange", () => {
  test("a Shanghai day starts at 16:00 UTC the day before", () => {
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

  test("the year boundary uses the Shanghai calendar", () => {
    const range = parseShanghaiDayRange("2026-01-01", "2026-12-31");
    expect(range.gte?.toISOString()).toBe("2025-12-31T16:00:00.000Z");
    expect(range.lt?.toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });

  test("open ends stay open and invalid ends are dropped", () => {
    expect(parseShanghaiDayRange("2026-05-01", "")).toEqual({
      from: "2026-05-01",
      to: "",
      gte: new Date("2026-04-30T16:00:00.000Z"),
      lt: undefined,
    });
    for (const bad of ["nonsense", "2026-02-30", "2026-13-01", "2026/05/01", "2026-5-1"]) {
      expect(parseShanghaiDayRange(bad, "2026-05-01")).toMatchObject({ from: "", gte: undefined, to: "2026-05-01" });
    }
    expect(parseShanghaiDayRange(null, undefined)).toEqual({ from: "", to: "", gte: undefined, lt: undefined });
  });

  test("a reversed pair is swapped", () => {
    const range = parseShanghaiDayRange("2026-05-31", "2026-05-01");
    expect(range).toMatchObject({ from: "2026-05-01", to: "2026-05-31" });
    expect(range.gte! < range.lt!).toBe(true);
  });
});
