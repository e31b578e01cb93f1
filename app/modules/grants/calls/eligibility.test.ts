import { describe, expect, it } from "vitest";
import { checkEligibility, lastInspectionYear, type EligibilityFacts } from "./eligibility";
import { CallEligibilitySchema } from "./settings";

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

describe("checkEligibility", () => {
  it("accepts a registered organization with a clean record", () => {
    expect(checkEligibility(rules(), facts(), today)).toEqual({ eligible: true, reasons: [] });
  });

  it("requires registration when registeredActive", () => {
    for (const status of ["PREPARING", "DEREGISTERED", "REVOKED"]) {
      const r = checkEligibility(rules(), facts({ organization: { status, currentGrade: null } }), today);
      expect(r.eligible).toBe(false);
      expect(r.reasons[0]).toContain("须为已登记的社会组织");
    }
    expect(
      checkEligibility(
        rules({ registeredActive: false }),
        facts({ organization: { status: "PREPARING", currentGrade: null } }),
        today,
      ).eligible,
    ).toBe(true);
  });

  it("uses the Shanghai year for last year", () => {
    expect(lastInspectionYear(new Date("2025-12-31T16:30:00Z"))).toBe(2025); // 2026-01-01 00:30 in Shanghai
    expect(lastInspectionYear(new Date("2025-12-31T15:30:00Z"))).toBe(2024);
  });

  it("refuses a failed or missed inspection last year, not other years or other conclusions", () => {
    const failed = checkEligibility(
      rules(),
      facts({ inspections: [{ year: 2025, status: "CONCLUDED", conclusion: "UNQUALIFIED" }] }),
      today,
    );
    expect(failed).toEqual({ eligible: false, reasons: ["2025年度年检结论为不合格"] });
    const missed = checkEligibility(
      rules(),
      facts({ inspections: [{ year: 2025, status: "MISSED", conclusion: null }] }),
      today,
    );
    expect(missed.reasons).toEqual(["2025年度未参加年检"]);
    const missedConclusion = checkEligibility(
      rules(),
      facts({ inspections: [{ year: 2025, status: "CONCLUDED", conclusion: "MISSED" }] }),
      today,
    );
    expect(missedConclusion.eligible).toBe(false);
    expect(
      checkEligibility(
        rules(),
        facts({ inspections: [{ year: 2025, status: "CONCLUDED", conclusion: "BASIC" }] }),
        today,
      ).eligible,
    ).toBe(true);
    expect(
      checkEligibility(
        rules(),
        facts({ inspections: [{ year: 2024, status: "CONCLUDED", conclusion: "UNQUALIFIED" }] }),
        today,
      ).eligible,
    ).toBe(true);
    expect(
      checkEligibility(
        rules({ inspectionNotFailedLastYear: false }),
        facts({ inspections: [{ year: 2025, status: "MISSED", conclusion: "MISSED" }] }),
        today,
      ).eligible,
    ).toBe(true);
  });

  it("refuses an organization on the abnormal list until it is removed", () => {
    const open = { kind: "ABNORMAL_LIST", decidedAt: new Date("2026-01-10T00:00:00+08:00"), endedAt: null };
    expect(checkEligibility(rules(), facts({ credits: [open] }), today).reasons).toEqual([
      "本机构目前被列入活动异常名录",
    ]);
    // ended exactly now: no longer listed; ended later: still listed
    expect(checkEligibility(rules(), facts({ credits: [{ ...open, endedAt: today }] }), today).eligible).toBe(true);
    expect(
      checkEligibility(rules(), facts({ credits: [{ ...open, endedAt: new Date(today.getTime() + 1) }] }), today)
        .eligible,
    ).toBe(false);
    expect(checkEligibility(rules(), facts({ credits: [{ ...open, kind: "ADMIN_PENALTY" }] }), today).eligible).toBe(
      true,
    );
    expect(checkEligibility(rules({ notAbnormal: false }), facts({ credits: [open] }), today).eligible).toBe(true);
  });

  it("bars after a terminated project or a failed final evaluation within barYears", () => {
    const project = (
      status: string,
      updatedAt: string,
      evaluations: EligibilityFacts["earlierProjects"][number]["evaluations"] = [],
    ) => ({
      title: "老人助餐",
      status,
      updatedAt: new Date(updatedAt),
      evaluations,
    });
    const terminated = checkEligibility(
      rules(),
      facts({ earlierProjects: [project("TERMINATED", "2024-03-01T00:00:00+08:00")] }),
      today,
    );
    expect(terminated.reasons).toEqual(["近 3 年内承接的公益创投项目「老人助餐」被终止，暂不能申报"]);
    // exactly barYears ago: the bar has ended; one millisecond later it still applies
    const cutoff = new Date("2023-06-15T10:00:00+08:00");
    expect(
      checkEligibility(rules(), facts({ earlierProjects: [project("TERMINATED", cutoff.toISOString())] }), today)
        .eligible,
    ).toBe(true);
    expect(
      checkEligibility(
        rules(),
        facts({ earlierProjects: [project("TERMINATED", new Date(cutoff.getTime() + 1).toISOString())] }),
        today,
      ).eligible,
    ).toBe(false);
    const failedFinal = project("COMPLETED", "2026-01-01T00:00:00+08:00", [
      {
        kind: "FINAL",
        status: "FAILED",
        decidedAt: new Date("2025-12-20T00:00:00+08:00"),
        createdAt: new Date("2025-12-01T00:00:00+08:00"),
      },
    ]);
    expect(checkEligibility(rules(), facts({ earlierProjects: [failedFinal] }), today).reasons[0]).toContain(
      "终期评估不合格",
    );
    const failedMid = project("IN_PROGRESS", "2026-01-01T00:00:00+08:00", [
      {
        kind: "MIDTERM",
        status: "FAILED",
        decidedAt: new Date("2025-12-20T00:00:00+08:00"),
        createdAt: new Date("2025-12-01T00:00:00+08:00"),
      },
    ]);
    expect(checkEligibility(rules(), facts({ earlierProjects: [failedMid] }), today).eligible).toBe(true);
    expect(
      checkEligibility(
        rules({ barYears: 1 }),
        facts({ earlierProjects: [project("TERMINATED", "2024-03-01T00:00:00+08:00")] }),
        today,
      ).eligible,
    ).toBe(true);
    expect(
      checkEligibility(
        rules({ notBarred: false }),
        facts({ earlierProjects: [project("TERMINATED", "2026-03-01T00:00:00+08:00")] }),
        today,
      ).eligible,
    ).toBe(true);
  });

  it("requires the minimum grade when set", () => {
    expect(
      checkEligibility(
        rules({ minGrade: 3 }),
        facts({ organization: { status: "REGISTERED", currentGrade: 3 } }),
        today,
      ).eligible,
    ).toBe(true);
    expect(
      checkEligibility(
        rules({ minGrade: 3 }),
        facts({ organization: { status: "REGISTERED", currentGrade: 2 } }),
        today,
      ).reasons,
    ).toEqual(["须具有 3A 及以上评估等级（本机构现为 2A）"]);
    expect(checkEligibility(rules({ minGrade: 3 }), facts(), today).reasons).toEqual([
      "须具有 3A 及以上评估等级（本机构尚未评估）",
    ]);
  });

  it("limits to incubated organizations when incubatedOnly", () => {
    expect(checkEligibility(rules({ incubatedOnly: true }), facts(), today).reasons).toEqual([
      "本次活动仅限在孵或已出壳的孵化基地机构申报",
    ]);
    expect(
      checkEligibility(
        rules({ incubatedOnly: true }),
        facts({ incubations: [{ status: "EXITED" }, { status: "APPLIED" }] }),
        today,
      ).eligible,
    ).toBe(false);
    expect(
      checkEligibility(rules({ incubatedOnly: true }), facts({ incubations: [{ status: "IN_RESIDENCE" }] }), today)
        .eligible,
    ).toBe(true);
    expect(
      checkEligibility(rules({ incubatedOnly: true }), facts({ incubations: [{ status: "GRADUATED" }] }), today)
        .eligible,
    ).toBe(true);
  });

  it("lists every failed rule", () => {
    const r = checkEligibility(
      rules({ minGrade: 4 }),
      facts({
        organization: { status: "REVOKED", currentGrade: 1 },
        inspections: [{ year: 2025, status: "CONCLUDED", conclusion: "UNQUALIFIED" }],
        credits: [{ kind: "ABNORMAL_LIST", decidedAt: new Date("2026-01-01T00:00:00Z"), endedAt: null }],
      }),
      today,
    );
    expect(r.reasons).toHaveLength(4);
  });
});
