import { describe, expect, it } from "vitest";
import { shanghaiEndOfDay, shanghaiMidnight } from "~/utils/dates";
import { currentPhase, parseCallEligibility, parseCategories, publicityEndsAt } from "./call-settings";

const call = {
  applyOpensAt: shanghaiMidnight(2026, 11, 1),
  applyClosesAt: shanghaiEndOfDay(2026, 12, 20),
  screeningEndsAt: shanghaiEndOfDay(2027, 1, 10),
  reviewEndsAt: shanghaiEndOfDay(2027, 2, 10),
  publicityDays: 7,
  signingEndsAt: shanghaiEndOfDay(2027, 3, 10),
};
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

describe("currentPhase", () => {
  it("is not open until the first instant of the opening day", () => {
    expect(currentPhase(call, ms(call.applyOpensAt, -1))).toBe("NOT_OPEN");
    expect(currentPhase(call, call.applyOpensAt)).toBe("APPLYING");
  });

  it("keeps applications open through the whole closing day (Shanghai)", () => {
    expect(currentPhase(call, new Date("2026-12-20T23:59:59+08:00"))).toBe("APPLYING");
    expect(currentPhase(call, call.applyClosesAt)).toBe("APPLYING");
    expect(currentPhase(call, ms(call.applyClosesAt, 1))).toBe("SCREENING");
    expect(currentPhase(call, new Date("2026-12-21T00:00:00+08:00"))).toBe("SCREENING");
  });

  it("moves from screening to review to publicity at each end date", () => {
    expect(currentPhase(call, call.screeningEndsAt)).toBe("SCREENING");
    expect(currentPhase(call, ms(call.screeningEndsAt, 1))).toBe("REVIEWING");
    expect(currentPhase(call, call.reviewEndsAt)).toBe("REVIEWING");
    expect(currentPhase(call, ms(call.reviewEndsAt, 1))).toBe("PUBLICITY");
  });

  it("holds publicity for publicityDays after review, then signing until its end, then done", () => {
    const publicityEnd = publicityEndsAt(call);
    expect(publicityEnd).toEqual(shanghaiEndOfDay(2027, 2, 17));
    expect(currentPhase(call, publicityEnd)).toBe("PUBLICITY");
    expect(currentPhase(call, ms(publicityEnd, 1))).toBe("SIGNING");
    expect(currentPhase(call, call.signingEndsAt)).toBe("SIGNING");
    expect(currentPhase(call, ms(call.signingEndsAt, 1))).toBe("DONE");
  });
});

describe("stored JSON", () => {
  it("falls back to the default eligibility on malformed JSON", () => {
    expect(parseCallEligibility("not json")).toMatchObject({ registeredActive: true, barYears: 3, minGrade: null });
    expect(parseCallEligibility('{"minGrade":3,"incubatedOnly":true}')).toMatchObject({
      minGrade: 3,
      incubatedOnly: true,
    });
  });

  it("keeps only the strings of a category list", () => {
    expect(parseCategories('["为老",3,"助残"]')).toEqual(["为老", "助残"]);
    expect(parseCategories("{}")).toEqual([]);
  });
});
