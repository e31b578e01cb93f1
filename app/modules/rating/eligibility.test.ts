import { describe, expect, it } from "vitest";
import { shanghaiMidnight } from "~/utils/dates";
import { checkRatingEligibility, type EligibilityInput } from "./eligibility";

const rules = {
  "rating.minRegisteredYears": 2,
  "rating.downgradeWaitYears": 2,
  "rating.cancelWaitYears": 3,
  "rating.reRatingWithinYears": 4,
};
const at = shanghaiMidnight(2026, 12, 5);

function input(over: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    rulesVersion: "2026",
    at,
    organization: { status: "REGISTERED", registeredAt: shanghaiMidnight(2020, 6, 1) },
    inspections: [],
    creditRecords: [],
    gradeActions: [],
    gradeInForce: null,
    rules,
    ...over,
  };
}

const both = ["2010", "2026"] as const;

describe("rating eligibility, both rule versions", () => {
  it.each(both)("a registered organization with a clean record may apply (%s)", (rulesVersion) => {
    expect(checkRatingEligibility(input({ rulesVersion }))).toMatchObject({ eligible: true, reasons: [] });
  });

  it.each(both)("needs 2 full years of registration (%s)", (rulesVersion) => {
    const young = checkRatingEligibility(
      input({ rulesVersion, organization: { status: "REGISTERED", registeredAt: shanghaiMidnight(2024, 12, 6) } }),
    );
    expect(young.reasons).toEqual(["登记未满 2 个完整年度（2024年12月6日 登记，2026年12月6日 起可申请）"]);
    const exactly = input({
      rulesVersion,
      organization: { status: "REGISTERED", registeredAt: shanghaiMidnight(2024, 12, 5) },
    });
    expect(checkRatingEligibility(exactly).eligible).toBe(true);
  });

  it.each(both)("an unregistered organization cannot apply (%s)", (rulesVersion) => {
    const r = checkRatingEligibility(
      input({ rulesVersion, organization: { status: "DEREGISTERED", registeredAt: null } }),
    );
    expect(r.reasons).toEqual(["本组织不是登记在册的正常状态社会组织，不能申请评估"]);
  });

  it.each(both)("a downgraded organization waits 2 years, a cancelled one 3 (%s)", (rulesVersion) => {
    const downgraded = checkRatingEligibility(
      input({ rulesVersion, gradeActions: [{ kind: "DOWNGRADE", decidedAt: shanghaiMidnight(2025, 3, 1) }] }),
    );
    expect(downgraded.reasons).toEqual(["2025年3月1日 被降低评估等级，2 年内不得申请评估（2027年3月1日 起可申请）"]);
    const waited = input({
      rulesVersion,
      gradeActions: [{ kind: "DOWNGRADE", decidedAt: shanghaiMidnight(2024, 12, 5) }],
    });
    expect(checkRatingEligibility(waited).eligible).toBe(true);
    const cancelled = checkRatingEligibility(
      input({ rulesVersion, gradeActions: [{ kind: "CANCEL", decidedAt: shanghaiMidnight(2024, 1, 10) }] }),
    );
    expect(cancelled.reasons).toEqual(["2024年1月10日 被取消评估等级，3 年内不得申请评估（2027年1月10日 起可申请）"]);
  });
});

describe("2010 rules only", () => {
  const missed = [{ year: 2025, status: "MISSED", conclusion: "MISSED" }];
  const failed = [{ year: 2025, status: "CONCLUDED", conclusion: "UNQUALIFIED" }];
  const basicTwice = [
    { year: 2024, status: "CONCLUDED", conclusion: "BASIC" },
    { year: 2025, status: "CONCLUDED", conclusion: "BASIC" },
  ];
  const penalty = [
    { kind: "ADMIN_PENALTY", decidedAt: shanghaiMidnight(2026, 5, 1), endedAt: null, description: "警告并罚款" },
  ];

  it("missing or failing last year's inspection excludes under 2010, not under 2026", () => {
    expect(checkRatingEligibility(input({ rulesVersion: "2010", inspections: missed })).reasons).toEqual([
      "2025 年度未参加年检（2010 年办法）",
    ]);
    expect(checkRatingEligibility(input({ rulesVersion: "2010", inspections: failed })).reasons).toEqual([
      "2025 年度年检不合格（2010 年办法）",
    ]);
    expect(checkRatingEligibility(input({ inspections: missed })).eligible).toBe(true);
    expect(checkRatingEligibility(input({ inspections: failed })).eligible).toBe(true);
  });

  it("基本合格 two years running excludes under 2010 only", () => {
    expect(checkRatingEligibility(input({ rulesVersion: "2010", inspections: basicTwice })).reasons).toEqual([
      "2024、2025 年度连续两年年检基本合格（2010 年办法）",
    ]);
    const once = [basicTwice[1]];
    expect(checkRatingEligibility(input({ rulesVersion: "2010", inspections: once })).eligible).toBe(true);
    expect(checkRatingEligibility(input({ inspections: basicTwice })).eligible).toBe(true);
  });

  it("an administrative penalty not yet served excludes under 2010 only", () => {
    expect(checkRatingEligibility(input({ rulesVersion: "2010", creditRecords: penalty })).reasons).toEqual([
      "受到行政处罚尚未期满：警告并罚款（2010 年办法）",
    ]);
    const served = [{ ...penalty[0], endedAt: shanghaiMidnight(2026, 11, 1) }];
    expect(checkRatingEligibility(input({ rulesVersion: "2010", creditRecords: served })).eligible).toBe(true);
    const otherKind = [{ ...penalty[0], kind: "ABNORMAL_LIST" }];
    expect(checkRatingEligibility(input({ rulesVersion: "2010", creditRecords: otherKind })).eligible).toBe(true);
    expect(checkRatingEligibility(input({ creditRecords: penalty })).eligible).toBe(true);
  });
});

describe("2026 rules: re-rating within the first 4 years of a grade", () => {
  const grade = (from: Date) => ({ grade: 3, validFrom: from, validTo: shanghaiMidnight(2030, 12, 31) });

  it("allows re-rating in the 4th year of validity, refuses it in the 5th", () => {
    expect(checkRatingEligibility(input({ gradeInForce: grade(shanghaiMidnight(2023, 1, 1)) })).eligible).toBe(true);
    const fifth = checkRatingEligibility(input({ gradeInForce: grade(shanghaiMidnight(2022, 1, 1)) }));
    expect(fifth.reasons).toEqual([
      "现有 3A 等级有效期已过前 4 年（2026年1月1日 起），不能申请重新评估，请在有效期届满（2030年12月31日）后申请",
    ]);
  });

  it("does not apply the 4-year limit under 2010", () => {
    const old = input({ rulesVersion: "2010", gradeInForce: grade(shanghaiMidnight(2022, 1, 1)) });
    expect(checkRatingEligibility(old).eligible).toBe(true);
  });

  it("lists every reason at once", () => {
    const r = checkRatingEligibility(
      input({
        organization: { status: "REGISTERED", registeredAt: shanghaiMidnight(2025, 1, 1) },
        gradeActions: [{ kind: "CANCEL", decidedAt: shanghaiMidnight(2025, 6, 1) }],
      }),
    );
    expect(r.eligible).toBe(false);
    expect(r.reasons).toHaveLength(2);
  });
});
