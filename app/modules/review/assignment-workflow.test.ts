import { describe, expect, it } from "vitest";
import type { REVIEW_ASSIGNMENT_STATES } from "./assignment-workflow";
import { ACTIVE_ASSIGNMENT_STATES, reviewAssignmentWorkflow as wf } from "./assignment-workflow";

describe("review assignment workflow", () => {
  it("lets the reviewer draft, submit and recuse, and nothing after submitting", () => {
    const reviewerMoves = (from: (typeof REVIEW_ASSIGNMENT_STATES)[number]) =>
      wf
        .available(from, "REVIEWER")
        .map((t) => t.to)
        .sort();
    expect(reviewerMoves("ASSIGNED")).toEqual(["DRAFTED", "RECUSED", "SUBMITTED"]);
    expect(reviewerMoves("DRAFTED")).toEqual(["RECUSED", "SUBMITTED"]);
    expect(reviewerMoves("SUBMITTED")).toEqual([]);
    expect(reviewerMoves("RECUSED")).toEqual([]);
    expect(reviewerMoves("REPLACED")).toEqual([]);
  });

  it("locks a submitted review: only staff reopen it, with a reason", () => {
    expect(() => wf.assert("SUBMITTED", "DRAFTED", "REVIEWER", "改一下")).toThrow("您不能执行「重新开放评分」");
    expect(() => wf.assert("SUBMITTED", "DRAFTED", "ADMIN", " ")).toThrow("「重新开放评分」必须填写理由");
    expect(wf.assert("SUBMITTED", "DRAFTED", "ADMIN", "评分与意见不一致").label).toBe("重新开放评分");
  });

  it("requires a reason to recuse or to replace, and never replaces a submitted review", () => {
    expect(() => wf.assert("ASSIGNED", "RECUSED", "REVIEWER")).toThrow("「申请回避」必须填写理由");
    expect(() => wf.assert("DRAFTED", "REPLACED", "ADMIN", "")).toThrow("「更换评审专家」必须填写理由");
    expect(() => wf.assert("SUBMITTED", "REPLACED", "ADMIN", "换人")).toThrow("当前状态「已提交」不能变为「已更换」");
    expect(() => wf.assert("ASSIGNED", "SUBMITTED", "ADMIN")).toThrow("您不能执行「提交评分」");
  });

  it("counts only live rows toward an application's k reviewers", () => {
    expect([...ACTIVE_ASSIGNMENT_STATES].sort()).toEqual(["ASSIGNED", "DRAFTED", "SUBMITTED"]);
  });
});
