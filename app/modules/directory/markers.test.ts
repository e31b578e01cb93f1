import { describe, expect, it } from "vitest";
import { RULES } from "~/modules/config/rules";
import type { DirectoryFacts, DirectoryRules } from "./conditions";
import { markerChecks } from "./markers";
import { removalDateProblem } from "./publication";

const DEFAULT_RULES: DirectoryRules = {
  "directory.minStaffTradeAssociation": RULES["directory.minStaffTradeAssociation"].defaultValue,
  "directory.minStaffOther": RULES["directory.minStaffOther"].defaultValue,
  "directory.creditWindowYears": RULES["directory.creditWindowYears"].defaultValue,
  "directory.minGrade": RULES["directory.minGrade"].defaultValue,
  "directory.priorityGrade": RULES["directory.priorityGrade"].defaultValue,
  "directory.autoListGrade": RULES["directory.autoListGrade"].defaultValue,
};
const at = new Date("2026-12-05T02:00:00Z");
const facts = (over: Partial<DirectoryFacts> = {}): DirectoryFacts => ({
  organization: { status: "REGISTERED", registeredAt: new Date("2018-03-01T00:00:00Z"), category: null },
  grade: null,
  lastYearReport: null,
  staff: null,
  credits: [],
  ban: null,
  projects: [],
  ...over,
});
const noTax = { taxDeclared: false, taxNote: null, taxCheckedAt: null };

describe("markerChecks", () => {
  it("gives each marker its fact", () => {
    const checks = markerChecks(
      facts({
        grade: { grade: 4, validTo: new Date("2028-06-30T00:00:00Z") },
        projects: [{ title: "长者食堂", status: "CLOSED", finalGrade: "优秀", closedAt: at }],
      }),
      DEFAULT_RULES,
      { taxDeclared: true, taxNote: "财税〔2025〕12号", taxCheckedAt: at },
    );
    expect(checks.map((c) => [c.key, c.met])).toEqual([
      ["grade", true],
      ["projects", true],
      ["tax", true],
    ]);
    expect(checks[0]!.fact).toContain("现为 4A");
    expect(checks[1]!.fact).toContain("「长者食堂」结项评估：优秀");
    expect(checks[2]!.fact).toContain("核实属实");
  });

  it("is unmet below the priority grade, with a 合格 project, and while the tax status waits for staff", () => {
    const checks = markerChecks(
      facts({
        grade: { grade: 2, validTo: new Date("2028-06-30T00:00:00Z") },
        projects: [{ title: "助残", status: "CLOSED", finalGrade: "合格", closedAt: at }],
      }),
      DEFAULT_RULES,
      { taxDeclared: true, taxNote: "文号", taxCheckedAt: null },
    );
    expect(checks.every((c) => !c.met)).toBe(true);
    expect(checks[2]!.fact).toContain("待核实");
  });

  it("says when there is nothing to show", () => {
    const checks = markerChecks(facts(), DEFAULT_RULES, noTax);
    expect(checks.map((c) => c.fact)).toEqual(["尚未评估或评估等级已失效", "暂无已结项的公益创投项目", "未申报"]);
  });
});

describe("removalDateProblem", () => {
  const listed = new Date("2026-03-01T02:00:00Z");
  it("accepts today and days between the listing and today", () => {
    expect(removalDateProblem(at, listed, at)).toBeNull();
    expect(removalDateProblem(new Date("2026-03-01T00:00:00+08:00"), listed, at)).toBeNull();
  });
  it("refuses a day after today (Shanghai calendar)", () => {
    expect(removalDateProblem(new Date("2026-12-06T00:00:00+08:00"), listed, at)).toBe("移出日期不能晚于今天");
  });
  it("refuses a day before the listing", () => {
    expect(removalDateProblem(new Date("2026-02-28T00:00:00+08:00"), listed, at)).toContain("不能早于列入日期");
  });
});
