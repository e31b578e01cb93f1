import { describe, expect, it } from "vitest";
import { generateUscc, isValidUscc } from "~/modules/organizations/uscc";
import { assignUscc, decisionDueAt, isOverdue, nextOrgCodeBody, usccTypeDigit } from "./review";

describe("decision due date", () => {
  it("is the configured number of days after the first submission", () => {
    const first = new Date("2026-09-08T02:00:00Z");
    expect(decisionDueAt(first, 60).toISOString()).toBe("2026-11-07T02:00:00.000Z");
    expect(decisionDueAt(first, 30).toISOString()).toBe("2026-10-08T02:00:00.000Z");
  });

  it("is overdue only while undecided and past due", () => {
    const dueAt = new Date("2026-11-07T02:00:00Z");
    const after = new Date("2026-11-07T02:00:01Z");
    const before = new Date("2026-11-07T01:59:59Z");
    for (const status of ["SUBMITTED", "ACCEPTED", "CORRECTION"]) {
      expect(isOverdue({ status, dueAt }, after)).toBe(true);
      expect(isOverdue({ status, dueAt }, before)).toBe(false);
    }
    for (const status of ["APPROVED", "REJECTED", "DRAFT"]) expect(isOverdue({ status, dueAt }, after)).toBe(false);
    expect(isOverdue({ status: "SUBMITTED", dueAt: null }, after)).toBe(false);
  });
});

describe("the code given on approval", () => {
  it("uses type digit 1 社会团体, 2 民非, 3 基金会 and 9 for a 备案", () => {
    expect(usccTypeDigit("SOCIAL_GROUP", "REGISTRATION")).toBe("1");
    expect(usccTypeDigit("SOCIAL_SERVICE", "REGISTRATION")).toBe("2");
    expect(usccTypeDigit("FOUNDATION", "REGISTRATION")).toBe("3");
    expect(usccTypeDigit("COMMUNITY", "FILING")).toBe("9");
    expect(usccTypeDigit("SOCIAL_SERVICE", "FILING")).toBe("9");
  });

  it("counts on from the organizations already coded and skips bodies in use", () => {
    expect(nextOrgCodeBody(0, new Set())).toBe("MJ000001");
    expect(nextOrgCodeBody(41, new Set())).toBe("MJ000042");
    expect(nextOrgCodeBody(41, new Set(["MJ000042", "MJ000043"]))).toBe("MJ000044");
  });

  it("produces valid codes with the authority, type digit and area code, never repeating a body", () => {
    const existing: string[] = [];
    const cases = [
      { orgType: "SOCIAL_GROUP", kind: "REGISTRATION", areaCode: "320115", digit: "1" },
      { orgType: "SOCIAL_SERVICE", kind: "REGISTRATION", areaCode: "320115", digit: "2" },
      { orgType: "FOUNDATION", kind: "REGISTRATION", areaCode: "320104", digit: "3" },
      { orgType: "COMMUNITY", kind: "FILING", areaCode: "320115", digit: "9" },
    ];
    for (const c of cases) {
      const code = assignUscc({ ...c, existingCodes: existing });
      expect(isValidUscc(code)).toBe(true);
      expect(code.slice(0, 8)).toBe(`5${c.digit}${c.areaCode}`);
      expect(code.slice(8, 16)).toMatch(/^MJ\d{6}$/);
      existing.push(code);
    }
    expect(new Set(existing.map((c) => c.slice(8, 16))).size).toBe(existing.length);
  });

  it("skips a body a seeded code already uses", () => {
    const seeded = generateUscc({ typeDigit: "2", areaCode: "320115", orgCodeBase8: "MJ000002" });
    const first = generateUscc({ typeDigit: "1", areaCode: "320115", orgCodeBase8: "MJ123456" });
    const code = assignUscc({
      orgType: "SOCIAL_SERVICE",
      kind: "REGISTRATION",
      areaCode: "320115",
      existingCodes: [first, seeded],
    });
    expect(code.slice(8, 16)).toBe("MJ000003");
    expect(isValidUscc(code)).toBe(true);
  });
});
