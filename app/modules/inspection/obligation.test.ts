import { describe, expect, it } from "vitest";
import { shanghaiMidnight } from "~/utils/dates";
import { classifyObligation, deadlineFor, exemptionCutoffDay, isSimplified, roundDeadlines } from "./obligation";

const rules = {
  "inspection.deadline": "05-31",
  "inspection.foundationDeadline": "03-31",
  "inspection.exemptMonths": 6,
};
const org = (registeredAt: Date | null, status = "REGISTERED", type = "SOCIAL_SERVICE") => ({
  type,
  status,
  registeredAt,
});

describe("who must report", () => {
  it("requires a report from an organization registered well before the year end", () => {
    expect(classifyObligation(org(shanghaiMidnight(2020, 3, 1)), 2025, rules)).toEqual({ kind: "REPORT" });
  });

  it("requires a report from one registered exactly 6 months before 31 December (30 June)", () => {
    expect(classifyObligation(org(shanghaiMidnight(2025, 6, 30)), 2025, rules)).toEqual({ kind: "REPORT" });
    // late in the day on 30 June still counts as 30 June in Shanghai
    expect(classifyObligation(org(new Date("2025-06-30T15:30:00Z")), 2025, rules).kind).toBe("REPORT");
  });

  it("exempts one registered less than 6 months before 31 December, with the reason", () => {
    const result = classifyObligation(org(shanghaiMidnight(2025, 7, 1)), 2025, rules);
    expect(result).toEqual({ kind: "EXEMPT", reason: "截至2025年12月31日登记不满6个月，免于2025年度年检" });
    expect(classifyObligation(org(shanghaiMidnight(2025, 12, 31)), 2025, rules).kind).toBe("EXEMPT");
  });

  it("leaves out organizations registered after the year and those not registered", () => {
    expect(classifyObligation(org(shanghaiMidnight(2026, 1, 1)), 2025, rules).kind).toBe("NONE");
    expect(classifyObligation(org(shanghaiMidnight(2020, 1, 1), "PREPARING"), 2025, rules).kind).toBe("NONE");
    expect(classifyObligation(org(shanghaiMidnight(2020, 1, 1), "REVOKED"), 2025, rules).kind).toBe("NONE");
    expect(classifyObligation(org(shanghaiMidnight(2020, 1, 1), "DEREGISTERED"), 2025, rules).kind).toBe("NONE");
  });

  it("follows the configured number of months", () => {
    const three = { ...rules, "inspection.exemptMonths": 3 };
    expect(exemptionCutoffDay(2025, 3)).toEqual({ year: 2025, month: 9, day: 30 });
    expect(classifyObligation(org(shanghaiMidnight(2025, 9, 30)), 2025, three).kind).toBe("REPORT");
    expect(classifyObligation(org(shanghaiMidnight(2025, 10, 1)), 2025, three).kind).toBe("EXEMPT");
    expect(
      classifyObligation(org(shanghaiMidnight(2025, 12, 1)), 2025, { ...rules, "inspection.exemptMonths": 0 }).kind,
    ).toBe("REPORT");
  });

  it("counts an unknown registration date as long registered", () => {
    expect(classifyObligation(org(null), 2025, rules).kind).toBe("REPORT");
  });
});

describe("deadlines", () => {
  it("defaults to the end of 31 May of the next year, and 31 March for foundations", () => {
    const round = roundDeadlines(2025, rules);
    expect(round.deadline.toISOString()).toBe("2026-05-31T15:59:59.999Z");
    expect(round.foundationDeadline.toISOString()).toBe("2026-03-31T15:59:59.999Z");
    expect(deadlineFor("FOUNDATION", round)).toBe(round.foundationDeadline);
    expect(deadlineFor("SOCIAL_GROUP", round)).toBe(round.deadline);
  });
});

describe("simplified report", () => {
  it("applies from the configured grade, and never when the rule is 0", () => {
    expect(isSimplified(4, 4)).toBe(true);
    expect(isSimplified(5, 4)).toBe(true);
    expect(isSimplified(3, 4)).toBe(false);
    expect(isSimplified(null, 4)).toBe(false);
    expect(isSimplified(5, 0)).toBe(false);
  });
});

describe("rectification due date", () => {
  it("is the end of the day the given number of days later, Shanghai time", async () => {
    const { rectificationDueAt } = await import("./obligation");
    expect(rectificationDueAt(new Date("2026-07-01T02:00:00Z"), 90).toISOString()).toBe("2026-09-29T15:59:59.999Z");
  });
});
