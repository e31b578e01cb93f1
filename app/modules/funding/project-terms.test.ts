import { describe, expect, test } from "vitest";
import { parseKpiTarget, projectNumber, scaleBudgetLines } from "./project-terms";

describe("project terms", () => {
  test("project numbers carry the year and the rank", () => {
    expect(projectNumber(2026, 7)).toBe("GY2026-007");
  });

  test("budget lines keep the request when the award matches it", () => {
    const lines = scaleBudgetLines([{ requestedFen: 3000 }, { requestedFen: 7000 }], 10_000);
    expect(lines.map((l) => l.plannedFen)).toEqual([3000, 7000]);
  });

  test("budget lines scale down to a smaller award and add up exactly", () => {
    const lines = scaleBudgetLines([{ requestedFen: 3333 }, { requestedFen: 6667 }, { requestedFen: 1 }], 9_000);
    expect(lines.reduce((s, l) => s + l.plannedFen, 0)).toBe(9_000);
    expect(lines[1]!.plannedFen).toBeGreaterThan(lines[0]!.plannedFen);
  });

  test("KPI targets yield their first number and unit", () => {
    expect(parseKpiTarget("服务 200 人次")).toEqual({ value: 200, unit: "人次" });
    expect(parseKpiTarget("满意度达到 90%")).toEqual({ value: 90, unit: "%" });
    expect(parseKpiTarget("建立 1,200 份档案")).toEqual({ value: 1200, unit: "份档案" });
    expect(parseKpiTarget("形成工作手册")).toEqual({ value: null, unit: null });
  });
});
