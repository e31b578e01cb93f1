import { describe, expect, it } from "vitest";
import { RULES } from "~/modules/config/rules";
import { shanghaiMidnight } from "~/utils/dates";
import type { DirectoryRules } from "./conditions";
import { gradeChangeRemoves, removalTriggers, type TriggerFacts } from "./removal";

const rules: DirectoryRules = {
  "directory.minStaffTradeAssociation": RULES["directory.minStaffTradeAssociation"].defaultValue,
  "directory.minStaffOther": RULES["directory.minStaffOther"].defaultValue,
  "directory.creditWindowYears": RULES["directory.creditWindowYears"].defaultValue,
  "directory.minGrade": RULES["directory.minGrade"].defaultValue,
  "directory.priorityGrade": RULES["directory.priorityGrade"].defaultValue,
  "directory.autoListGrade": RULES["directory.autoListGrade"].defaultValue,
};
const listed = shanghaiMidnight(2026, 1, 10);
const at = shanghaiMidnight(2026, 9, 15);
const during = shanghaiMidnight(2026, 6, 1);
const before = shanghaiMidnight(2025, 11, 1);

function clean(): TriggerFacts {
  return {
    organization: { status: "REGISTERED", registeredAt: shanghaiMidnight(2018, 3, 1), category: null },
    grade: { grade: 4, validTo: shanghaiMidnight(2028, 12, 31) },
    lastYearReport: { year: 2025, status: "CONCLUDED", conclusion: "QUALIFIED" },
    staff: { year: 2025, count: 2 },
    credits: [],
    ban: null,
    projects: [],
    badReports: [],
    gradeCancellations: [],
  };
}
const triggers = (facts: TriggerFacts, r = rules) => removalTriggers(facts, r, listed, at);

describe("removal triggers", () => {
  it("none for a clean record", () => {
    expect(triggers(clean())).toEqual([]);
  });

  it("an annual report concluded 不合格 or marked 未参检 during the year", () => {
    expect(
      triggers({ ...clean(), badReports: [{ year: 2025, conclusion: "UNQUALIFIED", concludedAt: during }] }),
    ).toEqual([{ kind: "REPORT", reason: "2025年度年检结论为不合格" }]);
    expect(triggers({ ...clean(), badReports: [{ year: 2025, conclusion: "MISSED", concludedAt: during }] })).toEqual([
      { kind: "REPORT", reason: "2025年度未按期参加年检" },
    ]);
    // Before the listing it was known when the list was made: not a removal.
    expect(
      triggers({ ...clean(), badReports: [{ year: 2024, conclusion: "UNQUALIFIED", concludedAt: before }] }),
    ).toEqual([]);
  });

  it("an administrative penalty (or false materials) decided during the year", () => {
    const penalty = { kind: "ADMIN_PENALTY", decidedAt: during, endedAt: null, description: "违规开展评比，警告" };
    expect(triggers({ ...clean(), credits: [penalty] })).toEqual([
      { kind: "PENALTY", reason: "行政处罚：违规开展评比，警告" },
    ]);
    expect(triggers({ ...clean(), credits: [{ ...penalty, decidedAt: before }] })).toEqual([]);
  });

  it("a listing as abnormal still open", () => {
    const abnormal = { kind: "ABNORMAL_LIST", decidedAt: during, endedAt: null, description: "通过登记住所无法联系" };
    expect(triggers({ ...clean(), credits: [abnormal] })).toEqual([
      { kind: "ABNORMAL", reason: "列入活动异常名录：通过登记住所无法联系" },
    ]);
    expect(triggers({ ...clean(), credits: [{ ...abnormal, endedAt: shanghaiMidnight(2026, 7, 1) }] })).toEqual([]);
  });

  it("a grade cancelled, or below the minimum", () => {
    expect(triggers({ ...clean(), gradeCancellations: [{ decidedAt: during }] })).toEqual([
      { kind: "GRADE", reason: "评估等级被取消" },
    ]);
    const strict = { ...rules, "directory.minGrade": 3 };
    expect(triggers({ ...clean(), grade: { grade: 2, validTo: at } }, strict)).toEqual([
      { kind: "GRADE", reason: "评估等级降为 2A，低于目录要求的 3A" },
    ]);
    expect(triggers({ ...clean(), grade: { grade: 2, validTo: at } })).toEqual([]);
    expect(gradeChangeRemoves(null, 0)).toBe(true);
    expect(gradeChangeRemoves(2, 3)).toBe(true);
    expect(gradeChangeRemoves(3, 3)).toBe(false);
    expect(gradeChangeRemoves(2, 0)).toBe(false);
  });

  it("a final evaluation 不合格, or a ban", () => {
    const project = { title: "社区长者助餐", status: "CLOSED", finalGrade: "不合格", closedAt: during };
    expect(triggers({ ...clean(), projects: [project] })).toEqual([
      { kind: "PROJECT", reason: "公益创投项目「社区长者助餐」终期评估不合格" },
    ]);
    expect(triggers({ ...clean(), projects: [{ ...project, finalGrade: "良好" }] })).toEqual([]);
    expect(triggers({ ...clean(), ban: { reason: "项目被终止", endsAt: shanghaiMidnight(2029, 6, 30) } })).toEqual([
      { kind: "BAN", reason: "公益创投禁入至2029年6月30日：项目被终止" },
    ]);
  });
});
