import { describe, expect, it } from "vitest";
import { checkBudget, fieldName, type BudgetInput, type BudgetRules } from "./budget-checks";

const rules: BudgetRules = {
  perProjectCapFen: 10_000_000,
  maxGrantSharePct: 80,
  minMatchRatioPct: 20,
  overheadCapPct: 10,
};
const d = (s: string) => new Date(`${s}T00:00:00+08:00`);

/** A valid application: ¥80,000 requested, ¥10,000 own, ¥10,000 matched, ¥100,000 total. */
function input(over: Partial<BudgetInput> = {}): BudgetInput {
  return {
    projectStart: d("2026-07-01"),
    projectEnd: d("2027-06-30"),
    lines: [
      { category: "ACTIVITY", requestedFen: 7_000_000, ownFen: 1_000_000, matchedFen: 0 },
      { category: "OVERHEAD", requestedFen: 1_000_000, ownFen: 0, matchedFen: 0 },
      { category: "MATERIALS", requestedFen: 0, ownFen: 0, matchedFen: 1_000_000 },
    ],
    declared: { requestedFen: 8_000_000, ownFen: 1_000_000, matchedFen: 1_000_000 },
    milestones: [{ dueDate: d("2026-07-01") }, { dueDate: d("2027-06-30") }],
    ...over,
  };
}
const at = (issues: ReturnType<typeof checkBudget>) => issues.map((i) => `${fieldName(i.path)}: ${i.message}`);

describe("checkBudget", () => {
  it("passes a budget within every rule, with milestones on the period's first and last day", () => {
    expect(checkBudget(rules, input())).toEqual([]);
  });

  it("refuses a request above the per-project cap, and accepts exactly the cap", () => {
    const over = input({
      lines: [{ category: "ACTIVITY", requestedFen: 12_000_000, ownFen: 10_000_000, matchedFen: 0 }],
      declared: { requestedFen: 12_000_000, ownFen: 10_000_000, matchedFen: 0 },
    });
    expect(at(checkBudget(rules, over))).toEqual([
      "requestedTotal: 申请资助金额 ¥120,000.00 超过单个项目上限 ¥100,000.00",
    ]);
    const exact = input({
      lines: [{ category: "ACTIVITY", requestedFen: 10_000_000, ownFen: 2_500_000, matchedFen: 0 }],
      declared: { requestedFen: 10_000_000, ownFen: 2_500_000, matchedFen: 0 },
    });
    expect(checkBudget(rules, exact)).toEqual([]);
  });

  it("limits the grant to the maximum share of the total budget (boundary inclusive)", () => {
    // 8,000,100 of 10,000,100 is just over 80%
    const over = input({
      lines: [{ category: "ACTIVITY", requestedFen: 8_000_100, ownFen: 2_000_000, matchedFen: 0 }],
      declared: { requestedFen: 8_000_100, ownFen: 2_000_000, matchedFen: 0 },
    });
    expect(at(checkBudget(rules, over))).toEqual([
      "requestedTotal: 申请资助金额 ¥80,001.00 超过项目总预算 ¥100,001.00 的 80%",
    ]);
    const exact = input({
      lines: [{ category: "ACTIVITY", requestedFen: 8_000_000, ownFen: 2_000_000, matchedFen: 0 }],
      declared: { requestedFen: 8_000_000, ownFen: 2_000_000, matchedFen: 0 },
    });
    expect(checkBudget(rules, exact)).toEqual([]);
  });

  it("requires own and matched funds of at least the minimum percentage of the grant", () => {
    const r = { ...rules, maxGrantSharePct: 100 };
    const short = input({
      lines: [{ category: "ACTIVITY", requestedFen: 5_000_000, ownFen: 999_999, matchedFen: 0 }],
      declared: { requestedFen: 5_000_000, ownFen: 999_999, matchedFen: 0 },
    });
    expect(at(checkBudget(r, short))).toEqual([
      "matchedTotal: 自有资金与配套资金合计 ¥9,999.99，须不少于申请资助金额的 20%（¥10,000.00）",
    ]);
    const exact = input({
      lines: [{ category: "ACTIVITY", requestedFen: 5_000_000, ownFen: 500_000, matchedFen: 500_000 }],
      declared: { requestedFen: 5_000_000, ownFen: 500_000, matchedFen: 500_000 },
    });
    expect(checkBudget(r, exact)).toEqual([]);
    expect(checkBudget({ ...r, minMatchRatioPct: 0 }, short)).toEqual([]);
  });

  it("caps overhead lines as a share of the total budget", () => {
    const over = input({
      lines: [
        { category: "ACTIVITY", requestedFen: 6_999_900, ownFen: 1_000_000, matchedFen: 1_000_000 },
        { category: "OVERHEAD", requestedFen: 1_000_100, ownFen: 0, matchedFen: 0 },
      ],
    });
    expect(at(checkBudget(rules, over))).toEqual(["budget: 管理费 ¥10,001.00 超过项目总预算 ¥100,000.00 的 10%"]);
    // overhead paid from own funds counts too
    const own = input({
      lines: [
        { category: "ACTIVITY", requestedFen: 8_000_000, ownFen: 0, matchedFen: 1_000_000 },
        { category: "OVERHEAD", requestedFen: 0, ownFen: 1_000_000, matchedFen: 0 },
      ],
    });
    expect(checkBudget(rules, own)).toEqual([]);
  });

  it("checks that the declared totals equal the sums of the lines", () => {
    const wrong = input({ declared: { requestedFen: 8_000_000, ownFen: 1_500_000, matchedFen: 900_000 } });
    expect(at(checkBudget(rules, wrong))).toEqual([
      "ownTotal: 自有资金合计 ¥15,000.00 与预算明细之和 ¥10,000.00 不一致",
      "matchedTotal: 配套资金合计 ¥9,000.00 与预算明细之和 ¥10,000.00 不一致",
    ]);
  });

  it("keeps milestones within the project period", () => {
    const outside = input({
      milestones: [{ dueDate: d("2026-06-30") }, { dueDate: d("2026-09-01") }, { dueDate: d("2027-07-01") }],
    });
    expect(at(checkBudget(rules, outside))).toEqual([
      "milestones[0].date: 里程碑日期须在项目周期内",
      "milestones[2].date: 里程碑日期须在项目周期内",
    ]);
  });

  it("requires the project to start before it ends", () => {
    expect(at(checkBudget(rules, input({ projectEnd: d("2026-07-01") })))).toEqual([
      "projectEnd: 项目结束日期须晚于开始日期",
    ]);
    expect(at(checkBudget(rules, input({ projectEnd: d("2026-06-01"), milestones: [] })))).toEqual([
      "projectEnd: 项目结束日期须晚于开始日期",
    ]);
  });
});
