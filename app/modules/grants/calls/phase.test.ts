import { describe, expect, it, test } from "vitest";
import { shanghaiEndOfDay, shanghaiMidnight } from "~/utils/dates";
import { callPhase, plannedPhase, plannedPublicityEnd, publicityEndOf, publicityState } from "./phase";

const call = {
  applyOpensAt: shanghaiMidnight(2026, 11, 1),
  applyClosesAt: shanghaiEndOfDay(2026, 12, 20),
  screeningEndsAt: shanghaiEndOfDay(2027, 1, 10),
  reviewEndsAt: shanghaiEndOfDay(2027, 2, 10),
  publicityDays: 7,
  signingEndsAt: shanghaiEndOfDay(2027, 3, 10),
};
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

describe("plannedPhase", () => {
  it("is not open until the first instant of the opening day", () => {
    expect(plannedPhase(call, ms(call.applyOpensAt, -1))).toBe("NOT_OPEN");
    expect(plannedPhase(call, call.applyOpensAt)).toBe("APPLYING");
  });

  it("keeps applications open through the whole closing day (Shanghai)", () => {
    expect(plannedPhase(call, new Date("2026-12-20T23:59:59+08:00"))).toBe("APPLYING");
    expect(plannedPhase(call, call.applyClosesAt)).toBe("APPLYING");
    expect(plannedPhase(call, ms(call.applyClosesAt, 1))).toBe("SCREENING");
    expect(plannedPhase(call, new Date("2026-12-21T00:00:00+08:00"))).toBe("SCREENING");
  });

  it("moves from screening to review to publicity at each end date", () => {
    expect(plannedPhase(call, call.screeningEndsAt)).toBe("SCREENING");
    expect(plannedPhase(call, ms(call.screeningEndsAt, 1))).toBe("REVIEWING");
    expect(plannedPhase(call, call.reviewEndsAt)).toBe("REVIEWING");
    expect(plannedPhase(call, ms(call.reviewEndsAt, 1))).toBe("PUBLICITY");
  });

  it("holds publicity for publicityDays after review, then signing until its end, then done", () => {
    const publicityEnd = plannedPublicityEnd(call);
    expect(publicityEnd).toEqual(shanghaiEndOfDay(2027, 2, 17));
    expect(plannedPhase(call, publicityEnd)).toBe("PUBLICITY");
    expect(plannedPhase(call, ms(publicityEnd, 1))).toBe("SIGNING");
    expect(plannedPhase(call, call.signingEndsAt)).toBe("SIGNING");
    expect(plannedPhase(call, ms(call.signingEndsAt, 1))).toBe("DONE");
  });
});

describe("publicityEndOf", () => {
  test("ends at 23:59:59.999 Shanghai, days later", () => {
    // 2026-05-10 10:00 Shanghai
    const start = new Date("2026-05-10T02:00:00Z");
    expect(publicityEndOf(start, 7).toISOString()).toBe("2026-05-17T15:59:59.999Z");
  });
  test("counts Shanghai days, not UTC days, late in the evening", () => {
    // 2026-05-10 23:30 Shanghai is still the 10th there (15:30 UTC)
    expect(publicityEndOf(new Date("2026-05-10T15:30:00Z"), 5).toISOString()).toBe("2026-05-15T15:59:59.999Z");
    // 2026-05-11 00:30 Shanghai is the 11th (16:30 UTC on the 10th)
    expect(publicityEndOf(new Date("2026-05-10T16:30:00Z"), 5).toISOString()).toBe("2026-05-16T15:59:59.999Z");
  });
  test("crosses month ends", () => {
    expect(publicityEndOf(new Date("2026-01-28T04:00:00Z"), 7).toISOString()).toBe("2026-02-04T15:59:59.999Z");
  });
});

describe("callPhase (the call's real state)", () => {
  const inPlannedPublicity = ms(call.reviewEndsAt, 3 * 86_400_000);
  const facts = (over: Partial<Parameters<typeof callPhase>[0]> = {}) => ({
    ...call,
    status: "PUBLISHED",
    reviewStage: "OPEN",
    publicityEndsAt: null,
    ...over,
  });

  it("follows the calendar while applying and screening", () => {
    expect(callPhase(facts(), ms(call.applyOpensAt, -1))).toBe("NOT_OPEN");
    expect(callPhase(facts(), call.applyClosesAt)).toBe("APPLYING");
    expect(callPhase(facts(), call.screeningEndsAt)).toBe("SCREENING");
  });

  it("is not 公示 when the calendar says publicity but no shortlist is published", () => {
    expect(plannedPhase(call, inPlannedPublicity)).toBe("PUBLICITY");
    expect(callPhase(facts(), inPlannedPublicity)).toBe("REVIEWING");
    expect(callPhase(facts({ reviewStage: "RANKED" }), inPlannedPublicity)).toBe("REVIEWING");
    // Still in review long after every planned date.
    expect(callPhase(facts(), ms(call.signingEndsAt, 86_400_000))).toBe("REVIEWING");
  });

  it("is 公示 once the shortlist is published, until its stored end, whatever the calendar says", () => {
    const publishedAt = ms(call.screeningEndsAt, 5 * 86_400_000);
    const published = facts({ reviewStage: "PUBLICIZED", publicityEndsAt: publicityEndOf(publishedAt, 7) });
    expect(plannedPhase(call, publishedAt)).toBe("REVIEWING");
    expect(callPhase(published, publishedAt)).toBe("PUBLICITY");
    expect(callPhase(published, published.publicityEndsAt!)).toBe("PUBLICITY");
  });

  it("moves on to signing after the stored end or once confirmed, then ends", () => {
    const end = plannedPublicityEnd(call);
    const published = facts({ reviewStage: "PUBLICIZED", publicityEndsAt: end });
    expect(callPhase(published, ms(end, 1))).toBe("SIGNING");
    expect(callPhase({ ...published, reviewStage: "CONFIRMED" }, ms(end, -86_400_000))).toBe("SIGNING");
    expect(callPhase({ ...published, reviewStage: "CONFIRMED" }, ms(call.signingEndsAt, 1))).toBe("DONE");
  });

  it("has ended once the call is closed", () => {
    expect(callPhase(facts({ status: "CLOSED" }), call.applyClosesAt)).toBe("DONE");
  });
});

describe("publicityState", () => {
  const end = shanghaiEndOfDay(2027, 2, 17);
  it("is open only after publication, through the stored end", () => {
    expect(publicityState({ reviewStage: "RANKED", publicityEndsAt: null }, end)).toBe("NOT_PUBLISHED");
    expect(publicityState({ reviewStage: "PUBLICIZED", publicityEndsAt: null }, end)).toBe("NOT_PUBLISHED");
    expect(publicityState({ reviewStage: "PUBLICIZED", publicityEndsAt: end }, end)).toBe("OPEN");
    expect(publicityState({ reviewStage: "PUBLICIZED", publicityEndsAt: end }, ms(end, 1))).toBe("ENDED");
    expect(publicityState({ reviewStage: "CONFIRMED", publicityEndsAt: end }, ms(end, -1))).toBe("CONFIRMED");
  });
});
