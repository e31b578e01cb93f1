import { describe, expect, test } from "vitest";
import { certificateNumber, earnsCertificate, isReturnOverdue, plaqueText } from "./certificate";
import { changeForCause, inspectionDowngradeCause, kindOfChange } from "./downgrade";
import { drawSample } from "./follow-up";
import { gradeActionWorkflow } from "./grade-workflow";

const sh = (value: string) => new Date(`${value}+08:00`);

describe("downgrade proposal rules", () => {
  test("基本合格 two years running proposes a downgrade; one 基本合格 year does not", () => {
    expect(inspectionDowngradeCause(2026, "BASIC", "BASIC")).toEqual({
      cause: "BASIC_TWICE",
      detail: "2025年度、2026年度连续两年年检基本合格",
    });
    expect(inspectionDowngradeCause(2026, "BASIC", "QUALIFIED")).toBeNull();
    expect(inspectionDowngradeCause(2026, "BASIC", null)).toBeNull();
    expect(inspectionDowngradeCause(2026, "QUALIFIED", "BASIC")).toBeNull();
  });

  test("不合格 or missing the year proposes a downgrade whatever came before", () => {
    expect(inspectionDowngradeCause(2026, "UNQUALIFIED", "QUALIFIED")?.cause).toBe("BAD_LAST_YEAR");
    expect(inspectionDowngradeCause(2026, "MISSED", null)).toEqual({
      cause: "BAD_LAST_YEAR",
      detail: "2026年度未参加年检",
    });
  });

  test("a cause lowers by one step; false materials and a 1A lose the grade", () => {
    expect(changeForCause("BASIC_TWICE", 4)).toEqual({ kind: "DOWNGRADE", toGrade: 3 });
    expect(changeForCause("PENALTY", 5)).toEqual({ kind: "DOWNGRADE", toGrade: 4 });
    expect(changeForCause("BAD_LAST_YEAR", 1)).toEqual({ kind: "CANCEL", toGrade: null });
    expect(changeForCause("FALSE_MATERIALS", 5)).toEqual({ kind: "CANCEL", toGrade: null });
    expect(kindOfChange(4, 2)).toBe("DOWNGRADE");
    expect(kindOfChange(3, 4)).toBe("CHANGE");
    expect(kindOfChange(3, null)).toBe("CANCEL");
  });

  test("staff confirm or dismiss, with a reason either way", () => {
    expect(() => gradeActionWorkflow.assert("PROPOSED", "CONFIRMED", "ADMIN", "")).toThrow(/必须填写理由/);
    expect(gradeActionWorkflow.assert("PROPOSED", "DISMISSED", "ADMIN", "已整改").to).toBe("DISMISSED");
    expect(gradeActionWorkflow.canTransition("PROPOSED", "CONFIRMED", "ORG_MEMBER")).toBe(false);
    expect(gradeActionWorkflow.canTransition("CONFIRMED", "DISMISSED", "ADMIN")).toBe(false);
  });
});

describe("certificates", () => {
  test("3A and above earn one, numbered by the Shanghai year of issue", () => {
    expect([5, 4, 3, 2, 1, null].map(earnsCertificate)).toEqual([true, true, true, false, false, false]);
    expect(certificateNumber(sh("2026-12-31T23:30:00"), 7)).toBe("PG2026-0007");
    expect(certificateNumber(new Date("2026-12-31T17:00:00Z"), 12)).toBe("PG2027-0012");
  });

  test("the plaque names the authority, grade, validity, body and award date", () => {
    const text = plaqueText({
      grade: 4,
      validFrom: sh("2027-01-01T00:00:00"),
      validTo: sh("2031-12-31T23:59:59"),
      issuedAt: sh("2026-12-05T10:00:00"),
    });
    expect(text.join("\n")).toMatch(/4A级社会组织/);
    expect(text.join("\n")).toMatch(/2027年1月1日至2031年12月31日/);
    expect(text.join("\n")).toMatch(/授予日期：2026年12月5日/);
  });

  test("a return is overdue only after its due date and while not returned", () => {
    const due = sh("2026-12-20T23:59:59");
    expect(isReturnOverdue({ status: "RETURN_DUE", returnDueAt: due }, sh("2026-12-20T12:00:00"))).toBe(false);
    expect(isReturnOverdue({ status: "RETURN_DUE", returnDueAt: due }, sh("2026-12-21T00:00:00"))).toBe(true);
    expect(isReturnOverdue({ status: "RETURNED", returnDueAt: due }, sh("2026-12-25T00:00:00"))).toBe(false);
  });
});

describe("follow-up sample", () => {
  const ids = Array.from({ length: 30 }, (_, i) => `org-${String(i).padStart(2, "0")}`);

  test("the same seed over the same organizations draws the same sample, in any input order", () => {
    const a = drawSample(ids, 5, "seed-2026");
    expect(a).toHaveLength(5);
    expect(new Set(a).size).toBe(5);
    expect(drawSample([...ids].reverse(), 5, "seed-2026")).toEqual(a);
    expect(drawSample(ids, 5, "another-seed")).not.toEqual(a);
  });

  test("never more than the population, never a duplicate", () => {
    expect(drawSample(["b", "a", "a"], 10, "x").sort()).toEqual(["a", "b"]);
    expect(drawSample(ids, 0, "x")).toEqual([]);
  });
});
