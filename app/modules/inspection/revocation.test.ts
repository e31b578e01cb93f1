import { describe, expect, it } from "vitest";
import { evaluateRevocation, type YearOutcome } from "./revocation";

const o = (organizationId: string, year: number, conclusion: string | null): YearOutcome => ({
  organizationId,
  year,
  conclusion,
});

describe("the two-years rule", () => {
  it("lists an organization that missed or failed two years in a row", () => {
    const { revocation, warnings } = evaluateRevocation([
      o("a", 2024, "MISSED"),
      o("a", 2025, "UNQUALIFIED"),
      o("b", 2024, "UNQUALIFIED"),
      o("b", 2025, "UNQUALIFIED"),
    ]);
    expect(revocation).toEqual([
      { organizationId: "a", years: [2024, 2025], conclusions: ["MISSED", "UNQUALIFIED"] },
      { organizationId: "b", years: [2024, 2025], conclusions: ["UNQUALIFIED", "UNQUALIFIED"] },
    ]);
    expect(warnings).toEqual([]);
  });

  it("warns after one bad year, in the latest year only", () => {
    const { revocation, warnings } = evaluateRevocation([
      o("a", 2024, "QUALIFIED"),
      o("a", 2025, "MISSED"),
      o("b", 2024, "MISSED"),
      o("b", 2025, "QUALIFIED"),
    ]);
    expect(revocation).toEqual([]);
    expect(warnings).toEqual([{ organizationId: "a", year: 2025, conclusion: "MISSED" }]);
  });

  it("does not count 基本合格 as failing, nor two bad years that are not consecutive", () => {
    const { revocation, warnings } = evaluateRevocation([
      o("a", 2024, "BASIC"),
      o("a", 2025, "BASIC"),
      o("b", 2023, "MISSED"),
      o("b", 2025, "MISSED"),
    ]);
    expect(revocation).toEqual([]);
    expect(warnings).toEqual([{ organizationId: "b", year: 2025, conclusion: "MISSED" }]);
  });

  it("ignores a year still open (no conclusion) and looks at the last concluded ones", () => {
    const { revocation } = evaluateRevocation([o("a", 2024, "MISSED"), o("a", 2025, "MISSED"), o("a", 2026, null)]);
    expect(revocation.map((r) => r.organizationId)).toEqual(["a"]);
  });

  it("drops an organization once its latest year is good again", () => {
    const result = evaluateRevocation([o("a", 2023, "MISSED"), o("a", 2024, "MISSED"), o("a", 2025, "QUALIFIED")]);
    expect(result).toEqual({ revocation: [], warnings: [] });
  });
});
