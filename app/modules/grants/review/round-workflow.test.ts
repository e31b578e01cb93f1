import { describe, expect, it } from "vitest";
import { objectionWorkflow } from "~/modules/publicity/objection-workflow";
import { REVIEW_ROUND_STATES, reviewRoundWorkflow as wf } from "./round-workflow";

describe("review round workflow", () => {
  it("runs OPEN → RANKED → PUBLICIZED → CONFIRMED, with a way back only before publicity", () => {
    const moves = REVIEW_ROUND_STATES.flatMap((from) => wf.available(from, "ADMIN").map((t) => `${t.from}->${t.to}`));
    expect(moves).toEqual(["OPEN->RANKED", "RANKED->OPEN", "RANKED->PUBLICIZED", "PUBLICIZED->CONFIRMED"]);
    expect(() => wf.assert("PUBLICIZED", "OPEN", "ADMIN", "重评")).toThrow("当前状态「公示中」不能变为「专家评审」");
    expect(() => wf.assert("OPEN", "PUBLICIZED", "ADMIN")).toThrow("当前状态「专家评审」不能变为「公示中」");
  });

  it("is for staff only, and withdrawing a list needs a reason", () => {
    for (const from of REVIEW_ROUND_STATES) {
      expect(wf.available(from, "REVIEWER")).toEqual([]);
      expect(wf.available(from, "ORG_MEMBER")).toEqual([]);
    }
    expect(() => wf.assert("RANKED", "OPEN", "ADMIN", "")).toThrow("「撤回拟入围名单」必须填写理由");
  });
});

describe("objection workflow", () => {
  it("decides a received objection once, with a reply, by staff", () => {
    expect(
      objectionWorkflow
        .available("RECEIVED", "ADMIN")
        .map((t) => t.to)
        .sort(),
    ).toEqual(["DISMISSED", "UPHELD"]);
    expect(objectionWorkflow.available("UPHELD", "ADMIN")).toEqual([]);
    expect(objectionWorkflow.available("DISMISSED", "ADMIN")).toEqual([]);
    expect(() => objectionWorkflow.assert("RECEIVED", "DISMISSED", "ADMIN", " ")).toThrow("「异议不成立」必须填写理由");
    expect(() => objectionWorkflow.assert("RECEIVED", "UPHELD", "SYSTEM", "成立")).toThrow("您不能执行「异议成立」");
  });
});
