import { describe, expect, it } from "vitest";
import { fieldName } from "../grants/applications/budget-checks";
import { assessBudgetChange, describeChanges, lineBand, lineMovedPct, parseChangeLines } from "./budget-change";

const t = { noticeMaxPct: 5, approvalMaxPct: 10 };
const lines = [
  { id: "a", category: "ACTIVITY", description: "社区活动", plannedFen: 5_000_000, revisedFen: 5_000_000 },
  { id: "m", category: "MATERIALS", description: "", plannedFen: 4_000_000, revisedFen: 4_000_000 },
  { id: "o", category: "OVERHEAD", description: "", plannedFen: 1_000_000, revisedFen: 1_000_000 },
];
const at = (a: ReturnType<typeof assessBudgetChange>) => a.issues.map((i) => `${fieldName(i.path)}: ${i.message}`);

describe("lineBand", () => {
  it("bands by the share of the line moved, boundaries inclusive", () => {
    expect(lineBand(1_000_000, 1_050_000, t)).toBe("NOTICE"); // exactly 5%
    expect(lineBand(1_000_000, 1_050_001, t)).toBe("APPROVAL");
    expect(lineBand(1_000_000, 900_000, t)).toBe("APPROVAL"); // exactly 10%, down
    expect(lineBand(1_000_000, 899_999, t)).toBe("APPROVAL_WITH_REASON");
    expect(lineBand(1_000_000, 1_120_000, t)).toBe("APPROVAL_WITH_REASON"); // 12%
    expect(lineBand(0, 100, t)).toBe("APPROVAL_WITH_REASON");
    expect(lineBand(500, 500, t)).toBe("NOTICE");
  });

  it("follows the thresholds it is given (rule data)", () => {
    expect(lineBand(1_000_000, 1_120_000, { noticeMaxPct: 5, approvalMaxPct: 15 })).toBe("APPROVAL");
    expect(lineBand(1_000_000, 1_040_000, { noticeMaxPct: 3, approvalMaxPct: 10 })).toBe("APPROVAL");
  });

  it("reports the moved share with two decimals", () => {
    expect(lineMovedPct(3_000_000, 2_640_000)).toBe(12);
    expect(lineMovedPct(300, 301)).toBe(0.33);
    expect(lineMovedPct(0, 5)).toBe(100);
  });
});

describe("assessBudgetChange", () => {
  it("takes the largest share moved of any line: 12% of the materials line needs approval and a reason", () => {
    const requested = [
      { budgetLineId: "a", toFen: 5_480_000 }, // +9.6%
      { budgetLineId: "m", toFen: 3_520_000 }, // −12%
    ];
    const without = assessBudgetChange(lines, requested, { thresholds: t, overheadCapPct: 10 });
    expect(without.band).toBe("APPROVAL_WITH_REASON");
    expect(without.movedPct).toBe(12);
    expect(without.changes).toEqual([
      { budgetLineId: "a", fromFen: 5_000_000, toFen: 5_480_000 },
      { budgetLineId: "m", fromFen: 4_000_000, toFen: 3_520_000 },
    ]);
    expect(at(without)).toEqual(["reason: 单个科目调整幅度超过 10%，须说明调整理由"]);
    const withReason = assessBudgetChange(lines, requested, {
      thresholds: t,
      overheadCapPct: 10,
      reason: "物资集中采购",
    });
    expect(withReason.issues).toEqual([]);
  });

  it("records a small move with notice, and a middle one for approval", () => {
    const small = assessBudgetChange(
      lines,
      [
        { budgetLineId: "a", toFen: 4_800_000 },
        { budgetLineId: "m", toFen: 4_200_000 },
      ],
      { thresholds: t, overheadCapPct: 10 },
    );
    expect([small.band, small.movedPct, small.issues]).toEqual(["NOTICE", 5, []]);
    const middle = assessBudgetChange(
      lines,
      [
        { budgetLineId: "a", toFen: 5_400_000 },
        { budgetLineId: "m", toFen: 3_600_000 },
      ],
      { thresholds: t, overheadCapPct: 10 },
    );
    expect([middle.band, middle.movedPct, middle.issues]).toEqual(["APPROVAL", 10, []]);
  });

  it("keeps the total, refuses negative amounts, a request that changes nothing and overhead over the cap", () => {
    expect(
      at(assessBudgetChange(lines, [{ budgetLineId: "a", toFen: 5_100_000 }], { thresholds: t, overheadCapPct: 10 })),
    ).toEqual([": 调整后各科目合计 ¥101,000.00，须等于调整前合计 ¥100,000.00（资助总额不变，只能在科目之间调剂）"]);
    expect(
      at(assessBudgetChange(lines, [{ budgetLineId: "m", toFen: -1 }], { thresholds: t, overheadCapPct: 10 })),
    ).toEqual(["lines[1].amount: 请填写不小于 0 的金额"]);
    expect(
      at(assessBudgetChange(lines, [{ budgetLineId: "a", toFen: 5_000_000 }], { thresholds: t, overheadCapPct: 10 })),
    ).toEqual([": 没有科目的金额发生变化，请修改至少一个科目"]);
    const overhead = assessBudgetChange(
      lines,
      [
        { budgetLineId: "o", toFen: 1_040_000 },
        { budgetLineId: "a", toFen: 4_960_000 },
      ],
      { thresholds: t, overheadCapPct: 10 },
    );
    expect(at(overhead)).toEqual([": 调整后管理费 ¥10,400.00 超过项目资助预算 ¥100,000.00 的 10%"]);
  });
});

describe("stored lines", () => {
  it("reads back what was stored and describes it", () => {
    const stored = JSON.stringify([{ budgetLineId: "m", fromFen: 4_000_000, toFen: 3_520_000 }]);
    expect(describeChanges(lines, parseChangeLines(stored))).toEqual(["物资费：¥40,000.00 → ¥35,200.00"]);
    expect(parseChangeLines("not json")).toEqual([]);
  });
});
