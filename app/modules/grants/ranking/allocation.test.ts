import { describe, expect, it } from "vitest";
import {
  allocate,
  maxGrantFor,
  rankApplications,
  TIE_BREAK_RULE,
  validateOverride,
  type AllocationCandidate,
  type AllocationRules,
} from "./allocation";

const yuan = (n: number) => n * 100;
/** Generous caps so only the pool matters unless a test says otherwise. */
const rules = (over: Partial<AllocationRules> = {}): AllocationRules => ({
  poolFen: yuan(100_000),
  perProjectCapFen: yuan(1_000_000),
  maxGrantSharePct: 100,
  ...over,
});
const cand = (
  applicationId: string,
  rank: number,
  requestedYuan: number,
  totalYuan = requestedYuan,
): AllocationCandidate => ({
  applicationId,
  rank,
  requestedFen: yuan(requestedYuan),
  totalBudgetFen: yuan(totalYuan),
});
const d = (s: string) => new Date(`${s}+08:00`);

describe("rankApplications", () => {
  it("sorts by score desc and numbers from 1", () => {
    const ranked = rankApplications([
      { applicationId: "a", finalScore: 70, requestedFen: 100, submittedAt: d("2026-03-01T10:00") },
      { applicationId: "b", finalScore: 90.5, requestedFen: 100, submittedAt: d("2026-03-01T10:00") },
      { applicationId: "c", finalScore: 80, requestedFen: 100, submittedAt: d("2026-03-01T10:00") },
    ]);
    expect(ranked.map((r) => [r.applicationId, r.rank])).toEqual([
      ["b", 1],
      ["c", 2],
      ["a", 3],
    ]);
  });

  it("breaks ties as TIE_BREAK_RULE says: smaller request first, then earlier submission", () => {
    expect(TIE_BREAK_RULE).toContain("申请资助金额较少");
    expect(TIE_BREAK_RULE).toContain("提交申报时间较早");
    const ranked = rankApplications([
      { applicationId: "late-small", finalScore: 85, requestedFen: yuan(50_000), submittedAt: d("2026-03-05T09:00") },
      { applicationId: "big", finalScore: 85, requestedFen: yuan(80_000), submittedAt: d("2026-03-01T09:00") },
      { applicationId: "early-small", finalScore: 85, requestedFen: yuan(50_000), submittedAt: d("2026-03-02T09:00") },
      { applicationId: "top", finalScore: 85.01, requestedFen: yuan(90_000), submittedAt: d("2026-03-09T09:00") },
    ]);
    expect(ranked.map((r) => r.applicationId)).toEqual(["top", "early-small", "late-small", "big"]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
  });

  it("gives unique ranks even for complete ties, independent of input order, and keeps extra fields", () => {
    const at = d("2026-03-01T09:00");
    const items = [
      { applicationId: "y", finalScore: 80, requestedFen: 1, submittedAt: at, title: "Y" },
      { applicationId: "x", finalScore: 80, requestedFen: 1, submittedAt: at, title: "X" },
    ];
    const a = rankApplications(items);
    const b = rankApplications(items.slice().reverse());
    expect(a).toEqual(b);
    expect(a.map((r) => [r.applicationId, r.rank, r.title])).toEqual([
      ["x", 1, "X"],
      ["y", 2, "Y"],
    ]);
    expect(items[0]).not.toHaveProperty("rank"); // input untouched
  });

  it("handles an empty list", () => {
    expect(rankApplications([])).toEqual([]);
  });
});

describe("maxGrantFor", () => {
  it("is the request when it is the lowest", () => {
    expect(
      maxGrantFor(cand("a", 1, 50_000, 100_000), rules({ perProjectCapFen: yuan(80_000), maxGrantSharePct: 60 })),
    ).toBe(yuan(50_000));
  });

  it("is the per-project cap when that is the lowest", () => {
    expect(
      maxGrantFor(cand("a", 1, 90_000, 200_000), rules({ perProjectCapFen: yuan(80_000), maxGrantSharePct: 60 })),
    ).toBe(yuan(80_000));
  });

  it("is the budget share when that is the lowest: 60% of a ¥100,000 budget", () => {
    expect(
      maxGrantFor(cand("a", 1, 70_000, 100_000), rules({ perProjectCapFen: yuan(80_000), maxGrantSharePct: 60 })),
    ).toBe(yuan(60_000));
  });

  it("floors the share to whole 分", () => {
    // 33% of 1,001 分 = 330.33 分 → 330
    expect(
      maxGrantFor(
        { applicationId: "a", rank: 1, requestedFen: 1_000, totalBudgetFen: 1_001 },
        rules({ maxGrantSharePct: 33 }),
      ),
    ).toBe(330);
    // 100% of an odd total is the total
    expect(maxGrantFor({ applicationId: "a", rank: 1, requestedFen: 999_999, totalBudgetFen: 999_999 }, rules())).toBe(
      999_999,
    );
  });

  it("is 0, never negative, without a budget", () => {
    expect(maxGrantFor({ applicationId: "a", rank: 1, requestedFen: 1_000, totalBudgetFen: 0 }, rules())).toBe(0);
  });
});

describe("validateOverride", () => {
  const r = rules({ perProjectCapFen: yuan(80_000), maxGrantSharePct: 60 });
  const c = cand("a", 1, 70_000, 100_000); // max ¥60,000 by the share

  it("requires a reason", () => {
    expect(validateOverride(c, r, { applicationId: "a", selected: false, reason: "" })).toBe("请填写调整理由");
    expect(validateOverride(c, r, { applicationId: "a", selected: false, reason: "   " })).toBe("请填写调整理由");
    expect(validateOverride(c, r, { applicationId: "a", selected: false, reason: "材料存疑" })).toBeNull();
  });

  it("accepts amounts from 1 分 to the maximum", () => {
    expect(validateOverride(c, r, { applicationId: "a", amountFen: 1, reason: "按评审意见核减" })).toBeNull();
    expect(
      validateOverride(c, r, { applicationId: "a", amountFen: yuan(60_000), reason: "按评审意见核减" }),
    ).toBeNull();
  });

  it("refuses an amount above the maximum, naming it", () => {
    expect(validateOverride(c, r, { applicationId: "a", amountFen: yuan(60_000) + 1, reason: "x" })).toBe(
      "金额不能超过 ¥60,000.00（申请金额、单个项目上限和预算比例中的最低值）",
    );
  });

  it("refuses zero, negative and fractional amounts", () => {
    expect(validateOverride(c, r, { applicationId: "a", amountFen: 0, reason: "x" })).toBe("金额须大于 ¥0.00");
    expect(validateOverride(c, r, { applicationId: "a", amountFen: -5, reason: "x" })).toBe("金额须大于 ¥0.00");
    expect(validateOverride(c, r, { applicationId: "a", amountFen: 10.5, reason: "x" })).toBe("金额格式不正确");
  });

  it("ignores the amount of an override that drops the candidate", () => {
    expect(
      validateOverride(c, r, { applicationId: "a", selected: false, amountFen: yuan(999_999), reason: "x" }),
    ).toBeNull();
  });
});

describe("allocate", () => {
  it("funds in rank order while the pool lasts", () => {
    const result = allocate([cand("a", 1, 40_000), cand("b", 2, 30_000), cand("c", 3, 20_000)], rules(), []);
    expect(result.rows.map((r) => [r.applicationId, r.selected, r.amountFen, r.note])).toEqual([
      ["a", true, yuan(40_000), null],
      ["b", true, yuan(30_000), null],
      ["c", true, yuan(20_000), null],
    ]);
    expect(result.allocatedFen).toBe(yuan(90_000));
    expect(result.remainingFen).toBe(yuan(10_000));
    expect(result.errors).toEqual([]);
    expect(result.rows.every((r) => r.recommended === r.selected && r.recommendedFen === r.amountFen)).toBe(true);
  });

  it("stops at the first candidate that does not fit, without skipping to cheaper ones, and shows the remainder", () => {
    const result = allocate(
      [cand("a", 1, 50_000), cand("b", 2, 40_000), cand("c", 3, 30_000), cand("d", 4, 5_000)],
      rules(),
      [],
    );
    expect(result.rows.map((r) => [r.applicationId, r.recommended, r.selected, r.amountFen, r.note])).toEqual([
      ["a", true, true, yuan(50_000), null],
      ["b", true, true, yuan(40_000), null],
      ["c", false, false, 0, "资金池余额不足"],
      ["d", false, false, 0, "资金池余额不足"], // ¥5,000 would fit the ¥10,000 left, but the rule stops at c
    ]);
    expect(result.remainingFen).toBe(yuan(10_000));
    expect(result.rows[3].recommendedFen).toBe(0);
  });

  it("fills exactly to the pool", () => {
    const result = allocate([cand("a", 1, 60_000), cand("b", 2, 40_000), cand("c", 3, 1)], rules(), []);
    expect(result.rows.map((r) => r.selected)).toEqual([true, true, false]);
    expect(result.remainingFen).toBe(0);
  });

  it("proposes the capped amount, not the request", () => {
    const r = rules({ perProjectCapFen: yuan(30_000), maxGrantSharePct: 60 });
    // a: min(50,000, cap 30,000, 60% × 100,000) = 30,000; b: min(45,000, 30,000, 60% × 40,000 = 24,000) = 24,000
    const result = allocate([cand("a", 1, 50_000, 100_000), cand("b", 2, 45_000, 40_000)], r, []);
    expect(result.rows.map((x) => x.amountFen)).toEqual([yuan(30_000), yuan(24_000)]);
    expect(result.allocatedFen).toBe(yuan(54_000));
  });

  it("goes by rank, not by input order", () => {
    const result = allocate([cand("c", 3, 30_000), cand("a", 1, 50_000), cand("b", 2, 60_000)], rules(), []);
    expect(result.rows.map((r) => [r.applicationId, r.selected])).toEqual([
      ["a", true],
      ["b", false],
      ["c", false],
    ]);
  });

  it("a drop override moves the line down: the money goes on down the list", () => {
    const candidates = [cand("a", 1, 50_000), cand("b", 2, 40_000), cand("c", 3, 30_000), cand("d", 4, 5_000)];
    const result = allocate(candidates, rules(), [{ applicationId: "b", selected: false, reason: "重复申报" }]);
    expect(result.rows.map((r) => [r.applicationId, r.recommended, r.selected, r.amountFen, r.note])).toEqual([
      ["a", true, true, yuan(50_000), null],
      ["b", true, false, 0, "人工调整：重复申报"],
      ["c", false, true, yuan(30_000), null],
      ["d", false, true, yuan(5_000), null],
    ]);
    expect(result.rows[1].recommendedFen).toBe(yuan(40_000));
    expect(result.remainingFen).toBe(yuan(15_000));
  });

  it("a forced inclusion below the line is funded when it fits what is left", () => {
    const candidates = [cand("a", 1, 50_000), cand("b", 2, 40_000), cand("c", 3, 30_000), cand("d", 4, 5_000)];
    const result = allocate(candidates, rules(), [{ applicationId: "d", selected: true, reason: "社区急需" }]);
    expect(result.rows.map((r) => [r.applicationId, r.selected, r.note])).toEqual([
      ["a", true, null],
      ["b", true, null],
      ["c", false, "资金池余额不足"],
      ["d", true, null],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.remainingFen).toBe(yuan(5_000));
  });

  it("a forced inclusion that does not fit is an error and not selected", () => {
    const candidates = [cand("a", 1, 50_000), cand("b", 2, 40_000), cand("c", 3, 30_000), cand("d", 4, 5_000)];
    const result = allocate(candidates, rules(), [{ applicationId: "c", selected: true, reason: "社区急需" }]);
    expect(result.rows.map((r) => [r.applicationId, r.selected, r.note])).toEqual([
      ["a", true, null],
      ["b", true, null],
      ["c", false, "资金池余额不足"],
      ["d", false, "资金池余额不足"],
    ]);
    expect(result.errors).toEqual([
      { applicationId: "c", message: "资金池余额不足，无法纳入资助（需 ¥30,000.00，剩余 ¥10,000.00）" },
    ]);
  });

  it("a forced inclusion with a reduced amount can fit", () => {
    const candidates = [cand("a", 1, 50_000), cand("b", 2, 40_000), cand("c", 3, 30_000)];
    const result = allocate(candidates, rules(), [
      { applicationId: "c", selected: true, amountFen: yuan(10_000), reason: "核减后纳入" },
    ]);
    expect(result.rows[2]).toMatchObject({
      selected: true,
      amountFen: yuan(10_000),
      recommended: false,
      recommendedFen: 0,
      note: null,
    });
    expect(result.remainingFen).toBe(0);
  });

  it("an amount override replaces the proposal and can move the line", () => {
    const candidates = [cand("a", 1, 50_000), cand("b", 2, 40_000), cand("c", 3, 30_000)];
    // Cutting a to ¥30,000 leaves room for c.
    const result = allocate(candidates, rules(), [
      { applicationId: "a", amountFen: yuan(30_000), reason: "核减不合理支出" },
    ]);
    expect(result.rows.map((r) => [r.applicationId, r.recommendedFen, r.selected, r.amountFen])).toEqual([
      ["a", yuan(50_000), true, yuan(30_000)],
      ["b", yuan(40_000), true, yuan(40_000)],
      ["c", 0, true, yuan(30_000)],
    ]);
    expect(result.remainingFen).toBe(0);
  });

  it("reports an invalid amount override and ignores it", () => {
    const r = rules({ perProjectCapFen: yuan(45_000) });
    const candidates = [cand("a", 1, 50_000), cand("b", 2, 40_000)];
    const result = allocate(candidates, r, [
      { applicationId: "a", amountFen: yuan(50_000), reason: "全额" },
      { applicationId: "b", selected: false, reason: " " },
      { applicationId: "zzz", selected: false, reason: "x" },
    ]);
    expect(result.errors).toEqual([
      { applicationId: "a", message: "金额不能超过 ¥45,000.00（申请金额、单个项目上限和预算比例中的最低值）" },
      { applicationId: "b", message: "请填写调整理由" },
      { applicationId: "zzz", message: "该申报不在可分配名单中" },
    ]);
    expect(result.rows.map((x) => [x.applicationId, x.selected, x.amountFen])).toEqual([
      ["a", true, yuan(45_000)],
      ["b", true, yuan(40_000)],
    ]);
  });

  it("with several overrides for one application, the last valid one counts", () => {
    const result = allocate([cand("a", 1, 50_000)], rules(), [
      { applicationId: "a", selected: false, reason: "先剔除" },
      { applicationId: "a", selected: true, amountFen: yuan(20_000), reason: "复议后纳入" },
    ]);
    expect(result.rows[0]).toMatchObject({ selected: true, amountFen: yuan(20_000), note: null });
  });

  it("skips a candidate with nothing to grant without stopping the line", () => {
    const result = allocate(
      [{ applicationId: "zero", rank: 1, requestedFen: yuan(10_000), totalBudgetFen: 0 }, cand("b", 2, 40_000)],
      rules(),
      [],
    );
    expect(result.rows.map((r) => [r.applicationId, r.recommended, r.selected, r.note])).toEqual([
      ["zero", false, false, "可资助金额为 ¥0.00"],
      ["b", true, true, null],
    ]);
  });

  it("with no candidates, everything remains", () => {
    expect(allocate([], rules(), [])).toEqual({ rows: [], allocatedFen: 0, remainingFen: yuan(100_000), errors: [] });
  });

  it("a pool too small for the first candidate funds nobody", () => {
    const result = allocate([cand("a", 1, 50_000), cand("b", 2, 1_000)], rules({ poolFen: yuan(40_000) }), []);
    expect(result.rows.map((r) => r.selected)).toEqual([false, false]);
    expect(result.remainingFen).toBe(yuan(40_000));
  });
});
