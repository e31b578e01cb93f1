import { describe, expect, it } from "vitest";
import { checkEligibility, type EligibilityFacts } from "~/modules/grants/calls/eligibility";
import { CallEligibilitySchema } from "~/modules/grants/calls/settings";
import { banInForce, banMessage, banWindow, yearsAfter } from "./bans";

const start = new Date("2026-03-10T02:00:00Z");

describe("banWindow", () => {
  it("runs the rule's years to the same instant", () => {
    expect(banWindow(start, 3)).toEqual({ startsAt: start, endsAt: new Date("2029-03-10T02:00:00Z") });
    expect(banWindow(start, 0).endsAt).toEqual(start);
  });

  it("moves 29 February to 1 March", () => {
    expect(yearsAfter(new Date("2028-02-29T04:00:00Z"), 1)).toEqual(new Date("2029-03-01T04:00:00Z"));
  });

  it("refuses a negative or fractional number of years", () => {
    expect(() => banWindow(start, -1)).toThrow(RangeError);
    expect(() => banWindow(start, 1.5)).toThrow(RangeError);
  });
});

describe("banInForce", () => {
  const ban = { ...banWindow(start, 3), liftedAt: null };
  it("holds from its start until just before its end", () => {
    expect(banInForce(ban, new Date(start.getTime() - 1))).toBe(false);
    expect(banInForce(ban, start)).toBe(true);
    expect(banInForce(ban, new Date(ban.endsAt.getTime() - 1))).toBe(true);
    expect(banInForce(ban, ban.endsAt)).toBe(false);
  });
  it("ends when lifted", () => {
    expect(banInForce({ ...ban, liftedAt: start }, start)).toBe(false);
  });
});

describe("call eligibility reading bans", () => {
  const today = new Date("2026-06-15T10:00:00+08:00");
  const rules = (over: Partial<ReturnType<typeof CallEligibilitySchema.parse>> = {}) => ({
    ...CallEligibilitySchema.parse({}),
    ...over,
  });
  const facts = (over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
    organization: { status: "REGISTERED", currentGrade: null },
    inspections: [],
    credits: [],
    earlierProjects: [],
    incubations: [],
    ...over,
  });
  const ban = {
    reason: "公益创投项目「老人助餐」项目被终止",
    endsAt: new Date("2029-03-10T10:00:00+08:00"),
    projectId: "p1",
  };

  it("refuses an organization under a ban, naming the cause and the end date", () => {
    const result = checkEligibility(rules(), facts({ bans: [ban] }), today);
    expect(result).toEqual({
      eligible: false,
      reasons: ["本机构因公益创投项目「老人助餐」项目被终止，2029年3月10日前不得申报公益创投项目"],
    });
    expect(banMessage(ban)).toBe(result.reasons[0]);
  });

  it("reports a banned project once, by its ban, not again as a failure", () => {
    const terminated = {
      id: "p1",
      title: "老人助餐",
      status: "TERMINATED",
      updatedAt: new Date("2026-03-10T10:00:00+08:00"),
      evaluations: [],
    };
    const result = checkEligibility(rules(), facts({ bans: [ban], earlierProjects: [terminated] }), today);
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toContain("2029年3月10日前");
    // without its ban row, the failure itself still bars within barYears
    expect(checkEligibility(rules(), facts({ earlierProjects: [terminated] }), today).reasons).toEqual([
      "近 3 年内承接的公益创投项目「老人助餐」被终止，暂不能申报",
    ]);
  });

  it("ignores bans when the call does not apply the rule", () => {
    expect(checkEligibility(rules({ notBarred: false }), facts({ bans: [ban] }), today).eligible).toBe(true);
  });
});
