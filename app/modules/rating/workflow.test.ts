import { describe, expect, it } from "vitest";
import { RATING_APPLICATION_STATES, ratingApplicationWorkflow as app } from "./application-workflow";
import { RATING_ROUND_STATES, ratingRoundWorkflow as round } from "./round-workflow";

describe("rating round workflow", () => {
  it("runs DRAFT → OPEN → REVIEWING → COMMITTEE → PUBLICITY → ANNOUNCED, staff only", () => {
    const moves = RATING_ROUND_STATES.flatMap((from) =>
      round.available(from, "ADMIN").map((t) => `${t.from}->${t.to}`),
    );
    expect(moves).toEqual([
      "DRAFT->OPEN",
      "OPEN->REVIEWING",
      "REVIEWING->COMMITTEE",
      "COMMITTEE->REVIEWING",
      "COMMITTEE->PUBLICITY",
      "PUBLICITY->ANNOUNCED",
    ]);
    for (const from of RATING_ROUND_STATES) expect(round.available(from, "ORG_MEMBER")).toEqual([]);
    expect(() => round.assert("DRAFT", "REVIEWING", "ADMIN")).toThrow("当前状态「筹备中」不能变为「审核评审」");
  });
});

describe("rating application workflow", () => {
  it("lets the organization submit, resubmit after 补正 and withdraw before the check", () => {
    const moves = RATING_APPLICATION_STATES.flatMap((from) =>
      app.available(from, "ORG_MEMBER").map((t) => `${t.from}->${t.to}`),
    );
    expect(moves).toEqual([
      "DRAFT->SUBMITTED",
      "DRAFT->WITHDRAWN",
      "RETURNED->SUBMITTED",
      "RETURNED->WITHDRAWN",
      "DECIDED->REVIEW_REQUESTED",
    ]);
  });

  it("needs a reason to return or reject, and only the panel marks it scored", () => {
    expect(() => app.assert("SUBMITTED", "RETURNED", "ADMIN", " ")).toThrow("「退回补正」必须填写理由");
    expect(() => app.assert("SUBMITTED", "REJECTED", "ADMIN")).toThrow("「不予受理」必须填写理由");
    expect(app.canTransition("SUBMITTED", "ACCEPTED", "ADMIN")).toBe(true);
    expect(app.canTransition("ACCEPTED", "SCORED", "REVIEWER")).toBe(true);
    expect(app.canTransition("ACCEPTED", "SCORED", "ADMIN")).toBe(false);
  });
});
