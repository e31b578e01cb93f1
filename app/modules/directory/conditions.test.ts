import { describe, expect, it } from "vitest";
import { RULES } from "~/modules/config/rules";
import { shanghaiMidnight } from "~/utils/dates";
import {
  allMet,
  checkConditions,
  listsAutomatically,
  priorityMarkers,
  streetOf,
  unmet,
  type DirectoryFacts,
  type DirectoryRules,
} from "./conditions";

const rules: DirectoryRules = {
  "directory.minStaffTradeAssociation": RULES["directory.minStaffTradeAssociation"].defaultValue,
  "directory.minStaffOther": RULES["directory.minStaffOther"].defaultValue,
  "directory.creditWindowYears": RULES["directory.creditWindowYears"].defaultValue,
  "directory.minGrade": RULES["directory.minGrade"].defaultValue,
  "directory.priorityGrade": RULES["directory.priorityGrade"].defaultValue,
  "directory.autoListGrade": RULES["directory.autoListGrade"].defaultValue,
};
const at = shanghaiMidnight(2026, 9, 15);

/** An organization that meets every condition on 15 September 2026. */
function good(): DirectoryFacts {
  return {
    organization: { status: "REGISTERED", registeredAt: shanghaiMidnight(2018, 3, 1), category: "公益慈善类" },
    grade: { grade: 4, validTo: shanghaiMidnight(2028, 12, 31) },
    lastYearReport: { year: 2025, status: "CONCLUDED", conclusion: "QUALIFIED" },
    staff: { year: 2025, count: 2 },
    credits: [],
    ban: null,
    projects: [],
  };
}
const check = (facts: DirectoryFacts, r = rules) => checkConditions(facts, r, at);
const byKey = (facts: DirectoryFacts, key: string, r = rules) => check(facts, r).find((c) => c.key === key)!;

describe("necessary conditions", () => {
  it("are all met by a registered organization with a passed report, clean record and enough staff", () => {
    const checks = check(good());
    expect(allMet(checks)).toBe(true);
    expect(checks.map((c) => c.key)).toEqual([
      "registered",
      "annualReport",
      "notAbnormal",
      "noBadCredit",
      "noBan",
      "staff",
    ]);
    expect(byKey(good(), "registered").fact).toBe("2018年3月1日登记，登记状态：正常");
  });

  it("registration: a deregistered organization fails with its status", () => {
    const c = byKey({ ...good(), organization: { ...good().organization, status: "DEREGISTERED" } }, "registered");
    expect(c.met).toBe(false);
    expect(c.fact).toBe("登记状态：已注销");
  });

  it("annual report: last year's must be filed and passed", () => {
    expect(byKey(good(), "annualReport")).toMatchObject({ met: true, label: "2025年度报告已报送且年检通过" });
    const basic = { ...good(), lastYearReport: { year: 2025, status: "CONCLUDED", conclusion: "BASIC" } };
    expect(byKey(basic, "annualReport").met).toBe(true);
    const none = { ...good(), lastYearReport: null };
    expect(byKey(none, "annualReport")).toMatchObject({ met: false, fact: "未找到2025年度报告" });
    const older = { ...good(), lastYearReport: { year: 2024, status: "CONCLUDED", conclusion: "QUALIFIED" } };
    expect(byKey(older, "annualReport").met).toBe(false);
    const failed = { ...good(), lastYearReport: { year: 2025, status: "CONCLUDED", conclusion: "UNQUALIFIED" } };
    expect(byKey(failed, "annualReport")).toMatchObject({ met: false, fact: "2025年度年检结论：不合格" });
    const missed = { ...good(), lastYearReport: { year: 2025, status: "MISSED", conclusion: "MISSED" } };
    expect(byKey(missed, "annualReport")).toMatchObject({ met: false, fact: "2025年度未参加年检" });
    const pending = { ...good(), lastYearReport: { year: 2025, status: "SUBMITTED", conclusion: null } };
    expect(byKey(pending, "annualReport").met).toBe(false);
    expect(byKey(pending, "annualReport").fact).toMatch("尚无年检结论");
  });

  it("abnormal list: an open listing fails, an ended one does not", () => {
    const listed = {
      ...good(),
      credits: [
        {
          kind: "ABNORMAL_LIST",
          decidedAt: shanghaiMidnight(2026, 5, 10),
          endedAt: null,
          description: "未按规定报送年报",
        },
      ],
    };
    expect(byKey(listed, "notAbnormal")).toMatchObject({
      met: false,
      fact: "2026年5月10日列入活动异常名录：未按规定报送年报",
    });
    const ended = { ...listed, credits: [{ ...listed.credits[0]!, endedAt: shanghaiMidnight(2026, 7, 1) }] };
    expect(byKey(ended, "notAbnormal").met).toBe(true);
  });

  it("serious bad credit: a penalty or false materials within the window fails, an older one does not", () => {
    const penalty = (d: Date) => ({
      ...good(),
      credits: [{ kind: "ADMIN_PENALTY", decidedAt: d, endedAt: null, description: "违规收费，警告" }],
    });
    expect(byKey(penalty(shanghaiMidnight(2024, 1, 5)), "noBadCredit")).toMatchObject({
      met: false,
      label: "近 3 年无严重失信记录",
      fact: "2024年1月5日行政处罚：违规收费，警告",
    });
    expect(byKey(penalty(shanghaiMidnight(2023, 9, 14)), "noBadCredit").met).toBe(true);
    const falseMaterials = {
      ...good(),
      credits: [
        { kind: "FALSE_MATERIALS", decidedAt: shanghaiMidnight(2026, 1, 5), endedAt: null, description: "虚报" },
      ],
    };
    expect(byKey(falseMaterials, "noBadCredit").met).toBe(false);
    expect(
      byKey(penalty(shanghaiMidnight(2022, 1, 5)), "noBadCredit", { ...rules, "directory.creditWindowYears": 5 }).met,
    ).toBe(false);
  });

  it("venture-philanthropy ban: an active ban fails with its end date", () => {
    const banned = { ...good(), ban: { reason: "项目终期评估不合格", endsAt: shanghaiMidnight(2028, 6, 30) } };
    expect(byKey(banned, "noBan")).toMatchObject({
      met: false,
      fact: "公益创投禁入至2028年6月30日：项目终期评估不合格",
    });
  });

  it("full-time staff: 3 for trade associations and chambers, 2 for others, from the last report", () => {
    expect(byKey(good(), "staff")).toMatchObject({ met: true, fact: "2025年度报告：专职工作人员 2 人" });
    const trade = { ...good(), organization: { ...good().organization, category: "行业协会商会" } };
    expect(byKey(trade, "staff")).toMatchObject({ met: false, label: "专职工作人员不少于 3 人（行业协会商会）" });
    expect(byKey({ ...trade, staff: { year: 2025, count: 3 } }, "staff").met).toBe(true);
    expect(byKey({ ...good(), staff: { year: 2025, count: 1 } }, "staff").met).toBe(false);
    expect(byKey({ ...good(), staff: null }, "staff")).toMatchObject({
      met: false,
      fact: "年度报告中没有专职工作人员数",
    });
    expect(byKey(good(), "staff", { ...rules, "directory.minStaffOther": 5 }).met).toBe(false);
  });

  it("minimum grade: only checked when the rule asks for one", () => {
    expect(check(good()).some((c) => c.key === "minGrade")).toBe(false);
    const strict = { ...rules, "directory.minGrade": 3 };
    expect(byKey(good(), "minGrade", strict).met).toBe(true);
    expect(byKey({ ...good(), grade: null }, "minGrade", strict)).toMatchObject({ met: false });
    expect(unmet(check({ ...good(), grade: { grade: 2, validTo: at } }, strict)).map((c) => c.key)).toEqual([
      "minGrade",
    ]);
  });
});

describe("priority markers and automatic listing", () => {
  it("marks 3A and above", () => {
    expect(priorityMarkers(good(), rules).grade).toBe(true);
    expect(priorityMarkers({ ...good(), grade: { grade: 2, validTo: at } }, rules).grade).toBe(false);
    expect(priorityMarkers({ ...good(), grade: null }, rules).grade).toBe(false);
  });

  it("marks earlier projects only when every closed one ended 良好 or better", () => {
    const closed = (finalGrade: string) => ({ title: "项目", status: "CLOSED", finalGrade, closedAt: at });
    expect(priorityMarkers({ ...good(), projects: [closed("优秀"), closed("良好")] }, rules).projects).toBe(true);
    expect(priorityMarkers({ ...good(), projects: [closed("优秀"), closed("合格")] }, rules).projects).toBe(false);
    expect(priorityMarkers({ ...good(), projects: [] }, rules).projects).toBe(false);
  });

  it("lists 5A organizations automatically only when they meet every condition", () => {
    const fiveA = { ...good(), grade: { grade: 5, validTo: shanghaiMidnight(2029, 12, 31) } };
    expect(listsAutomatically(fiveA, rules, check(fiveA))).toBe(true);
    expect(listsAutomatically(good(), rules, check(good()))).toBe(false);
    const failing = { ...fiveA, staff: { year: 2025, count: 0 } };
    expect(listsAutomatically(failing, rules, check(failing))).toBe(false);
  });
});

describe("street", () => {
  it("takes the 街道 or 镇 from the registered address", () => {
    expect(streetOf("南京市江宁区东山街道竹山路568号301室")).toBe("东山街道");
    expect(streetOf("南京市江宁区汤山街道温泉路56号")).toBe("汤山街道");
    expect(streetOf("南京市江宁区横溪镇横云路1号")).toBe("横溪镇");
    expect(streetOf("南京市江宁区天元中路128号4楼")).toBe("其他");
    expect(streetOf(null)).toBe("其他");
  });
});
