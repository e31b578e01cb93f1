import { describe, expect, it } from "vitest";
import { defaultBands, gradeForScore, parseBands, validateBands } from "./bands";
import { expertTotal, missingDeductionReasons, needsDeductionReason } from "./expert-scores";

const rules = {
  "rating.band5Min": 900,
  "rating.band4Min": 800,
  "rating.band3Min": 700,
  "rating.band2Min": 600,
  "rating.band1Min": 500,
};

describe("grade bands", () => {
  it("default to 5A ≥ 900 … 1A down to the floor and give grades by score", () => {
    const bands = defaultBands(rules);
    expect(validateBands(bands)).toEqual([]);
    expect(gradeForScore(bands, 900)).toBe(5);
    expect(gradeForScore(bands, 899.5)).toBe(4);
    expect(gradeForScore(bands, 600)).toBe(2);
    expect(gradeForScore(bands, 500)).toBe(1);
    expect(gradeForScore(bands, 499.9)).toBeNull();
    expect(parseBands(JSON.stringify(bands))).toEqual(bands);
    expect(parseBands("not json")).toEqual([]);
  });

  it("must be ordered, one per grade, within the scale", () => {
    const bands = defaultBands({ ...rules, "rating.band3Min": 800 });
    expect(validateBands(bands)).toEqual(["3A 最低分应低于 4A 最低分（800）"]);
    expect(validateBands(defaultBands({ ...rules, "rating.band5Min": 1200 }))).toEqual([
      "5A 最低分应在 0 至 1000 之间",
    ]);
    expect(validateBands(defaultBands(rules).slice(0, 4))).toEqual(["须依次设置 5A、4A、3A、2A、1A 五个等级的最低分"]);
  });
});

describe("expert scores", () => {
  const leaves = [
    { code: "1.1", points: 10, bonus: false },
    { code: "1.2", points: 5, bonus: false },
    { code: "9.1", points: 30, bonus: true },
  ];

  it("require a deduction reason wherever points are taken off, not for full marks or bonus items", () => {
    expect(needsDeductionReason(leaves[0], 10)).toBe(false);
    expect(needsDeductionReason(leaves[0], 9.5)).toBe(true);
    const scores = new Map([
      ["1.1", 8],
      ["1.2", 5],
      ["9.1", 0],
    ]);
    expect([...missingDeductionReasons(leaves, scores, new Map()).keys()]).toEqual(["1.1"]);
    expect(missingDeductionReasons(leaves, scores, new Map([["1.1", "制度未公开"]])).size).toBe(0);
    expect(missingDeductionReasons(leaves, scores, new Map([["1.1", "  "]])).get("1.1")).toBe(
      "扣分的指标须填写扣分原因",
    );
  });

  it("total is the mean of the experts' totals to one decimal", () => {
    expect(expertTotal([])).toBeNull();
    expect(expertTotal([850, 870])).toBe(860);
    expect(expertTotal([850, 870, 871])).toBe(863.7);
    expect(expertTotal([0.1, 0.2])).toBe(0.2);
  });
});
