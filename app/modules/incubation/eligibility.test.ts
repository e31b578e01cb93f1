import { describe, expect, test } from "vitest";
import { checkIncubationEligibility, penaltyCutoff, type EligibilityInput } from "./eligibility";

// Monday 23 November 2026, 10:00 in Shanghai.
const TODAY = new Date("2026-11-23T10:00:00+08:00");

function check(overrides: Partial<EligibilityInput> = {}) {
  return checkIncubationEligibility({
    organizationStatus: "REGISTERED",
    inspections: [],
    creditRecords: [],
    openIncubations: [],
    rules: { "incubation.exclusionLookbackYears": 2 },
    today: TODAY,
    ...overrides,
  });
}

describe("who may apply", () => {
  test("a registered organization with a clean record may apply", () => {
    expect(check()).toEqual({ eligible: true, reasons: [] });
  });

  test("a group preparing to register may apply", () => {
    expect(check({ organizationStatus: "PREPARING" })).toEqual({ eligible: true, reasons: [] });
  });

  test.each([
    ["DEREGISTERED", "已注销"],
    ["REVOKED", "已撤销"],
  ])("a %s organization may not", (status, label) => {
    const result = check({ organizationStatus: status });
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([`本机构登记状态为「${label}」，只有已登记或正在筹备登记的社会组织可以申请入驻`]);
  });
});

describe("annual inspection in the look-back window", () => {
  test("a failed inspection last year excludes", () => {
    const result = check({ inspections: [{ year: 2025, status: "CONCLUDED", conclusion: "UNQUALIFIED" }] });
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual(["2025年度年检结论为不合格（近 2 年内年检不合格的社会组织不能申请入驻）"]);
  });

  test("a missed inspection excludes, whether marked by status or by conclusion", () => {
    expect(check({ inspections: [{ year: 2024, status: "MISSED", conclusion: null }] }).reasons).toEqual([
      "2024年度未参加年检（近 2 年内未参检的社会组织不能申请入驻）",
    ]);
    expect(check({ inspections: [{ year: 2025, status: "CONCLUDED", conclusion: "MISSED" }] }).reasons).toEqual([
      "2025年度未参加年检（近 2 年内未参检的社会组织不能申请入驻）",
    ]);
  });

  test("合格 and 基本合格 do not exclude, nor do reports still in progress", () => {
    const result = check({
      inspections: [
        { year: 2025, status: "CONCLUDED", conclusion: "BASIC" },
        { year: 2024, status: "CONCLUDED", conclusion: "QUALIFIED" },
        { year: 2026, status: "DRAFT", conclusion: null },
      ],
    });
    expect(result).toEqual({ eligible: true, reasons: [] });
  });

  test("the window is report years ≥ current year − N: 2024 counts in 2026, 2023 does not", () => {
    const failed = (year: number) => [{ year, status: "CONCLUDED", conclusion: "UNQUALIFIED" }];
    expect(check({ inspections: failed(2024) }).eligible).toBe(false);
    expect(check({ inspections: failed(2023) }).eligible).toBe(true);
    expect(check({ inspections: [{ year: 2023, status: "MISSED", conclusion: null }] }).eligible).toBe(true);
  });

  test("the window follows the configured number of years", () => {
    const inspections = [{ year: 2024, status: "CONCLUDED", conclusion: "UNQUALIFIED" }];
    expect(check({ inspections, rules: { "incubation.exclusionLookbackYears": 1 } }).eligible).toBe(true);
    expect(check({ inspections, rules: { "incubation.exclusionLookbackYears": 3 } }).reasons).toEqual([
      "2024年度年检结论为不合格（近 3 年内年检不合格的社会组织不能申请入驻）",
    ]);
  });

  test("the current year is the Shanghai calendar year", () => {
    // 1 January 2027 01:00 in Shanghai is still 31 December 2026 in UTC.
    const newYear = new Date("2026-12-31T17:00:00Z");
    const inspections = [{ year: 2024, status: "CONCLUDED", conclusion: "UNQUALIFIED" }];
    expect(check({ inspections, today: new Date("2026-12-31T15:59:00Z") }).eligible).toBe(false);
    expect(check({ inspections, today: newYear }).eligible).toBe(true);
  });

  test("each failing year is listed, newest first", () => {
    const result = check({
      inspections: [
        { year: 2024, status: "MISSED", conclusion: "MISSED" },
        { year: 2025, status: "CONCLUDED", conclusion: "UNQUALIFIED" },
      ],
    });
    expect(result.reasons).toEqual([
      "2025年度年检结论为不合格（近 2 年内年检不合格的社会组织不能申请入驻）",
      "2024年度未参加年检（近 2 年内未参检的社会组织不能申请入驻）",
    ]);
  });
});

describe("credit records", () => {
  test("an administrative penalty within 3 years excludes, counted from the day it was decided", () => {
    expect(penaltyCutoff(TODAY)).toEqual(new Date("2023-11-23T00:00:00+08:00"));
    const onCutoff = check({
      creditRecords: [{ kind: "ADMIN_PENALTY", decidedAt: new Date("2023-11-23T00:00:00+08:00"), description: "警告" }],
    });
    expect(onCutoff.reasons).toEqual([
      "2023年11月23日受到行政处罚：警告（近 3 年内受到行政处罚的社会组织不能申请入驻）",
    ]);
    const dayBefore = check({
      creditRecords: [{ kind: "ADMIN_PENALTY", decidedAt: new Date("2023-11-22T23:59:00+08:00"), description: "警告" }],
    });
    expect(dayBefore).toEqual({ eligible: true, reasons: [] });
  });

  test("false materials exclude however long ago", () => {
    const result = check({
      creditRecords: [
        { kind: "FALSE_MATERIALS", decidedAt: new Date("2012-03-05T09:00:00+08:00"), description: "年检报告虚报支出" },
      ],
    });
    expect(result.reasons).toEqual([
      "2012年3月5日被认定提供虚假材料：年检报告虚报支出（有提供虚假材料记录的社会组织不能申请入驻）",
    ]);
  });

  test("the abnormal-activity list is not an exclusion", () => {
    const result = check({
      creditRecords: [
        { kind: "ABNORMAL_LIST", decidedAt: new Date("2026-06-01T00:00:00+08:00"), description: "未按时年检" },
      ],
    });
    expect(result.eligible).toBe(true);
  });
});

describe("open applications and residence", () => {
  test("an application still being handled excludes another", () => {
    expect(check({ openIncubations: [{ status: "APPLIED" }] }).reasons).toEqual([
      "本机构已有一份入驻申请正在办理中（已申请），请等待办理结果",
    ]);
    expect(check({ openIncubations: [{ status: "ADMITTED" }] }).reasons).toEqual([
      "本机构已有一份入驻申请正在办理中（评审通过（待签协议）），请等待办理结果",
    ]);
  });

  test("an organization in residence cannot apply again", () => {
    expect(check({ openIncubations: [{ status: "IN_RESIDENCE" }] }).reasons).toEqual([
      "本机构目前正在孵化基地入驻，不能重复申请",
    ]);
  });

  test("every reason that applies is given", () => {
    const result = check({
      organizationStatus: "REVOKED",
      openIncubations: [{ status: "IN_RESIDENCE" }],
      inspections: [{ year: 2025, status: "MISSED", conclusion: null }],
      creditRecords: [
        { kind: "ADMIN_PENALTY", decidedAt: new Date("2026-02-01T00:00:00+08:00"), description: "罚款" },
        { kind: "FALSE_MATERIALS", decidedAt: new Date("2020-02-01T00:00:00+08:00"), description: "伪造会员名册" },
      ],
    });
    expect(result.eligible).toBe(false);
    expect(result.reasons).toHaveLength(5);
  });
});
