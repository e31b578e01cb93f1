import { describe, expect, test } from "vitest";
import { shanghaiParts } from "~/utils/dates";
import { gradeInForce, gradeLabel, gradeRowInForce, gradeValidity } from "./grade";

/** An instant given as Shanghai wall-clock time. */
const sh = (value: string) => new Date(`${value}+08:00`);

describe("gradeValidity", () => {
  test("runs from 1 January after the announcement to 31 December of the 5th year", () => {
    const { validFrom, validTo } = gradeValidity(sh("2025-06-10T10:00:00"));
    expect(validFrom.toISOString()).toBe(sh("2026-01-01T00:00:00").toISOString());
    expect(validTo.toISOString()).toBe(new Date(sh("2031-01-01T00:00:00").getTime() - 1).toISOString());
    expect(shanghaiParts(validTo)).toMatchObject({ year: 2030, month: 12, day: 31 });
  });

  test("uses the Shanghai calendar year: 31 December 20:00 UTC is already 1 January in Shanghai", () => {
    const lateDecemberUtc = new Date("2024-12-31T20:00:00Z"); // 2025-01-01 04:00 in Shanghai
    expect(shanghaiParts(gradeValidity(lateDecemberUtc).validFrom).year).toBe(2026);
    const announcedOnNewYearsEve = sh("2024-12-31T23:00:00");
    expect(shanghaiParts(gradeValidity(announcedOnNewYearsEve).validFrom).year).toBe(2025);
    expect(shanghaiParts(gradeValidity(announcedOnNewYearsEve).validTo).year).toBe(2029);
  });
});

describe("gradeInForce", () => {
  const row = (grade: number, announced: string) => ({
    grade,
    announcedAt: sh(announced),
    ...gradeValidity(sh(announced)),
  });

  test("a grade counts only from 1 January after its announcement until its validity ends", () => {
    const rows = [row(3, "2020-11-20T00:00:00")]; // valid 2021-01-01 … 2025-12-31
    expect(gradeInForce(rows, sh("2020-12-31T23:59:59"))).toBeNull();
    expect(gradeInForce(rows, sh("2021-01-01T00:00:00"))).toBe(3);
    expect(gradeInForce(rows, sh("2025-12-31T23:59:59"))).toBe(3);
    expect(gradeInForce(rows, sh("2026-01-01T00:00:00"))).toBeNull();
  });

  test("when a re-rating overlaps, the later announcement wins, and an expired one never counts", () => {
    const rows = [row(2, "2021-05-01T00:00:00"), row(4, "2023-09-01T00:00:00"), row(5, "2015-03-01T00:00:00")];
    expect(gradeInForce(rows, sh("2023-06-01T00:00:00"))).toBe(2);
    expect(gradeInForce(rows, sh("2024-06-01T00:00:00"))).toBe(4);
    expect(gradeInForce(rows, sh("2029-01-01T00:00:00"))).toBeNull();
    expect(gradeRowInForce(rows, sh("2024-06-01T00:00:00"))?.announcedAt.toISOString()).toBe(
      sh("2023-09-01T00:00:00").toISOString(),
    );
  });

  test("labels", () => {
    expect(gradeLabel(5)).toBe("5A");
    expect(gradeLabel(null)).toBe("无等级");
    expect(gradeLabel(7)).toBe("无等级");
  });
});
