import { describe, expect, it } from "vitest";
import { parseStatsScope, scopeAsked, statsScopeLabel, statsScopeQuery } from "./stats-scope";

const parse = (query: string) => parseStatsScope(new URLSearchParams(query));

describe("public statistics scope", () => {
  it("reads a year or a call, a category and a street; empty fields mean all", () => {
    expect(parse("year=2025&call=&category=为老&street=东山街道")).toEqual({
      year: 2025,
      callId: null,
      category: "为老",
      street: "东山街道",
    });
    expect(parse("year=&call=c1&category=&street=")).toEqual({
      year: null,
      callId: "c1",
      category: null,
      street: null,
    });
  });

  it("drops malformed values instead of failing", () => {
    expect(parse(`year=abc&call=${"x".repeat(41)}&category=${"长".repeat(51)}&street=${"街".repeat(21)}`)).toEqual({
      year: null,
      callId: null,
      category: null,
      street: null,
    });
    expect(parse("year=1999").year).toBeNull();
    expect(parse("year=2025.5").year).toBeNull();
  });

  it("writes the same scope back for the Excel download, a call standing for its year", () => {
    const scope = parse("year=2025&call=c1&category=为老&street=东山街道");
    expect(parse(statsScopeQuery(scope))).toEqual({ ...scope, year: null });
    expect(statsScopeQuery(scope)).not.toContain("year=");
    const year = parse("year=2025&category=为老&street=东山街道");
    expect(parse(statsScopeQuery(year))).toEqual(year);
    expect(statsScopeQuery(parse("year=2025&street=麒麟街道"))).toBe(
      `year=2025&street=${encodeURIComponent("麒麟街道")}`,
    );
    expect(statsScopeQuery(parse(""))).toBe("");
  });

  it("knows a first visit from a visitor who chose all years", () => {
    expect(scopeAsked(new URLSearchParams(""))).toBe(false);
    expect(scopeAsked(new URLSearchParams("year=&call=&category=&street="))).toBe(true);
  });

  it("names the scope", () => {
    expect(statsScopeLabel(parse("year=2025"), null)).toBe("2025 年度");
    expect(statsScopeLabel(parse("year=2025&category=为老&street=东山街道"), null)).toBe("2025 年度 · 为老 · 东山街道");
    expect(statsScopeLabel(parse("call=c1&street=东山街道"), { year: 2026, title: "社区微公益创投" })).toBe(
      "2026 年度 · 社区微公益创投 · 东山街道",
    );
    expect(statsScopeLabel(parse("call=gone"), null)).toBe("所选活动");
    expect(statsScopeLabel(parse(""), null)).toBe("全部年度");
  });
});
