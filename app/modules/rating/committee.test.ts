import { describe, expect, test } from "vitest";
import { finalLeafScores, gradeOfSheet, quorumMet, quorumOf, voteProblem, votePasses } from "./committee";

const BANDS = [
  { grade: 5, min: 900 },
  { grade: 4, min: 800 },
  { grade: 3, min: 700 },
  { grade: 2, min: 600 },
  { grade: 1, min: 500 },
];

describe("committee quorum and vote", () => {
  test("at least two thirds present", () => {
    expect(quorumMet(5, 7)).toBe(true); // 15 ≥ 14
    expect(quorumMet(4, 7)).toBe(false);
    expect(quorumMet(6, 9)).toBe(true);
    expect(quorumMet(5, 9)).toBe(false);
    expect(quorumMet(8, 7)).toBe(false);
    expect(quorumOf(7)).toBe(5);
    expect(quorumOf(9)).toBe(6);
  });

  test("passes with more than half of ALL members, not of those present", () => {
    expect(votePasses(4, 7)).toBe(true);
    expect(votePasses(3, 7)).toBe(false); // 3 of 5 present is a majority of those present, not of all
    expect(votePasses(4, 8)).toBe(false);
    expect(votePasses(5, 8)).toBe(true);
  });

  test("votes cannot outnumber those present", () => {
    expect(voteProblem({ inFavor: 4, against: 1, abstain: 1 }, 5)).toMatch(/不能超过出席人数/);
    expect(voteProblem({ inFavor: 4, against: 1, abstain: 0 }, 5)).toBeNull();
    expect(voteProblem({ inFavor: -1, against: 0, abstain: 0 }, 5)).toMatch(/非负整数/);
  });
});

describe("final grade", () => {
  test("bands: each grade from its minimum, none below the floor", () => {
    expect(gradeOfSheet(BANDS, { total: 900 }).grade).toBe(5);
    expect(gradeOfSheet(BANDS, { total: 899.9 }).grade).toBe(4);
    expect(gradeOfSheet(BANDS, { total: 700 }).grade).toBe(3);
    expect(gradeOfSheet(BANDS, { total: 499.5 })).toMatchObject({ grade: null, note: /不予定级/ });
  });

  test("a cap lowers the grade and says why; a veto gives none", () => {
    const cap = { leafCode: "A.1", maxLevel: 3, label: "应建未建党组织的，不得评为4A及以上" };
    expect(gradeOfSheet(BANDS, { total: 912, cap })).toEqual({
      score: 912,
      bandGrade: 5,
      grade: 3,
      note: "应建未建党组织的，不得评为4A及以上（按分数为5A，定为3A）",
    });
    expect(gradeOfSheet(BANDS, { total: 650, cap }).grade).toBe(2);
    expect(gradeOfSheet(BANDS, { total: 0, vetoed: { leafCode: "B", label: "弄虚作假" } })).toMatchObject({
      grade: null,
      note: "一票否决：弄虚作假",
    });
  });

  test("the committee's leaf scores replace the experts' mean", () => {
    const experts = new Map([
      ["A", [8, 9, 9]],
      ["B", [4, 5]],
    ]);
    const scores = finalLeafScores(experts, new Map([["B", 3]]));
    expect(scores.get("A")).toBe(8.7);
    expect(scores.get("B")).toBe(3);
  });
});
