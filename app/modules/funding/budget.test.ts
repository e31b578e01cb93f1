import { describe, expect, it } from "vitest";
import { budgetVsActual, checkActuals, percentOf } from "./budget";

const lines = [
  { id: "a", category: "ACTIVITY", description: "社区活动", plannedFen: 6_000_000, revisedFen: 6_000_000 },
  { id: "s", category: "SOCIAL_WORK", description: "驻点社工", plannedFen: 3_000_000, revisedFen: 3_300_000 },
  { id: "o", category: "OVERHEAD", description: "", plannedFen: 1_000_000, revisedFen: 700_000 },
];

describe("budgetVsActual", () => {
  it("sums RECORDED expenses per line and ignores voided ones", () => {
    const { rows, totals } = budgetVsActual(lines, [
      { budgetLineId: "a", amountFen: 1_500_000, status: "RECORDED" },
      { budgetLineId: "a", amountFen: 1_500_050, status: "RECORDED" },
      { budgetLineId: "a", amountFen: 9_999_999, status: "VOIDED" },
      { budgetLineId: "s", amountFen: 3_400_000, status: "RECORDED" },
    ]);
    expect(rows.map((r) => [r.id, r.actualFen, r.varianceFen, r.usedPct, r.overspent])).toEqual([
      ["a", 3_000_050, 2_999_950, 50, false],
      ["s", 3_400_000, -100_000, 103, true],
      ["o", 0, 700_000, 0, false],
    ]);
    expect(totals).toEqual({
      plannedFen: 10_000_000,
      revisedFen: 10_000_000,
      actualFen: 6_400_050,
      varianceFen: 3_599_950,
      usedPct: 64,
      overspent: false,
    });
  });

  it("gives no % used for a line without budget", () => {
    const { rows } = budgetVsActual([{ ...lines[0]!, revisedFen: 0 }], []);
    expect(rows[0]!.usedPct).toBeNull();
    expect(percentOf(1, 3)).toBe(33.3);
  });
});

describe("checkActuals", () => {
  it("warns about overspent lines and overhead beyond the cap of the budget", () => {
    const table = budgetVsActual(lines, [
      { budgetLineId: "s", amountFen: 3_400_000, status: "RECORDED" },
      { budgetLineId: "o", amountFen: 1_000_100, status: "RECORDED" },
    ]);
    const check = checkActuals(table, 10);
    expect(check.warnings).toEqual([
      "「专业社工服务费（驻点社工）」实际支出已超出调整后预算 ¥1,000.00",
      "「管理费」实际支出已超出调整后预算 ¥3,001.00",
      "实际管理费支出 ¥10,001.00 超过项目资助预算 ¥100,000.00 的 10%",
    ]);
    expect(check.overheadCapFen).toBe(1_000_000);
    expect(check.overheadActualFen).toBe(1_000_100);
  });

  it("counts social-worker service as project cost, not overhead", () => {
    const table = budgetVsActual(
      [
        { id: "s", category: "SOCIAL_WORK", description: "", plannedFen: 9_000_000, revisedFen: 9_000_000 },
        { id: "o", category: "OVERHEAD", description: "", plannedFen: 1_000_000, revisedFen: 1_000_000 },
      ],
      [
        { budgetLineId: "s", amountFen: 9_000_000, status: "RECORDED" },
        { budgetLineId: "o", amountFen: 1_000_000, status: "RECORDED" },
      ],
    );
    const check = checkActuals(table, 10);
    expect(check.warnings).toEqual([]);
    expect(check.overheadActualFen).toBe(1_000_000);
    expect(check.overheadSharePct).toBe(10);
  });

  it("has no overhead warning when the call sets no cap", () => {
    const table = budgetVsActual(lines, [{ budgetLineId: "o", amountFen: 700_000, status: "RECORDED" }]);
    expect(checkActuals(table, null)).toMatchObject({ warnings: [], overheadCapFen: null });
  });
});
