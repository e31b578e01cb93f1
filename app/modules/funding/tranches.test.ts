import { describe, expect, test } from "vitest";
import { gateMetAt, gateProblem, splitTranches, trancheDueAt } from "./tranches";

describe("splitTranches", () => {
  test("rounds each tranche down and gives the last the remainder", () => {
    const plan = [
      { percent: 50, trigger: "SIGNING" },
      { percent: 30, trigger: "MIDTERM_PASS" },
      { percent: 20, trigger: "FINAL_EVALUATION" },
    ];
    const tranches = splitTranches(100_001, plan);
    expect(tranches.map((t) => t.amountFen)).toEqual([50_000, 30_000, 20_001]);
    expect(tranches.reduce((s, t) => s + t.amountFen, 0)).toBe(100_001);
  });

  test("thirds of an odd amount still add up exactly", () => {
    const plan = [34, 33, 33].map((percent) => ({ percent, trigger: "SIGNING" }));
    for (const award of [1, 7, 99_999, 12_345_679]) {
      expect(splitTranches(award, plan).reduce((s, t) => s + t.amountFen, 0)).toBe(award);
    }
  });

  test("a call without a plan pays everything on signing", () => {
    expect(splitTranches(5000, [])).toEqual([{ position: 1, percent: 100, trigger: "SIGNING", amountFen: 5000 }]);
  });
});

describe("gates", () => {
  const signed = new Date("2026-03-02T02:00:00Z");
  const facts = { signedAt: signed, midtermPassedAt: null, finalPassedAt: null };

  test("the signing gate is met by signing; the mid-term gate is not yet", () => {
    expect(gateMetAt("SIGNING", facts)).toEqual(signed);
    expect(gateProblem("SIGNING", facts)).toBeNull();
    expect(gateProblem("MIDTERM_PASS", facts)).toBe("拨付条件「中期评估合格后」尚未达成，不能拨付");
    expect(gateProblem("FINAL_EVALUATION", { ...facts, finalPassedAt: signed })).toBeNull();
  });

  test("an unknown trigger is never met", () => {
    expect(gateProblem("WHENEVER", facts)).not.toBeNull();
  });

  test("a tranche falls due 15 working days after its gate is met", () => {
    // Monday 2 March 2026 + 15 working days = Monday 23 March 2026, end of day in Shanghai
    expect(trancheDueAt(signed).toISOString()).toBe("2026-03-23T15:59:59.999Z");
  });
});
