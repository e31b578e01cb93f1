import { describe, expect, it } from "vitest";
import { WorkflowError } from "~/modules/workflow/state-machine";
import {
  EDITABLE_GRANT_STATES,
  GRANT_APPLICATION_STATES,
  grantApplicationWorkflow as wf,
} from "./application-workflow";

describe("grant application workflow", () => {
  it("lets the organization submit a draft and resubmit after 补正, nothing else", () => {
    expect(wf.canTransition("DRAFT", "SUBMITTED", "ORG_MEMBER")).toBe(true);
    expect(wf.canTransition("CORRECTION", "SUBMITTED", "ORG_MEMBER")).toBe(true);
    expect(wf.canTransition("DRAFT", "SUBMITTED", "ADMIN")).toBe(false);
    for (const from of GRANT_APPLICATION_STATES) {
      const orgMoves = wf.available(from, "ORG_MEMBER").map((t) => `${t.from}->${t.to}`);
      expect(orgMoves).toEqual(from === "DRAFT" || from === "CORRECTION" ? [`${from}->SUBMITTED`] : []);
    }
  });

  it("lets staff screen a submitted application three ways", () => {
    expect(
      wf
        .available("SUBMITTED", "ADMIN")
        .map((t) => t.to)
        .sort(),
    ).toEqual(["CORRECTION", "SCREEN_FAILED", "SCREEN_PASSED"]);
    expect(wf.canTransition("SUBMITTED", "SCREEN_PASSED", "ORG_MEMBER")).toBe(false);
  });

  it("refuses illegal moves with a Chinese message", () => {
    expect(() => wf.assert("DRAFT", "SCREEN_PASSED", "ADMIN")).toThrow("当前状态「草稿」不能变为「初审通过」");
    expect(() => wf.assert("CORRECTION", "SCREEN_PASSED", "ADMIN")).toThrow(WorkflowError);
    expect(() => wf.assert("SCREEN_FAILED", "SUBMITTED", "ORG_MEMBER")).toThrow(WorkflowError);
    expect(() => wf.assert("SCREEN_PASSED", "CORRECTION", "ADMIN")).toThrow(WorkflowError);
    expect(() => wf.assert("SUBMITTED", "SCREEN_PASSED", "ORG_MEMBER")).toThrow("您不能执行「初审通过」");
  });

  it("requires a reason for 退回补正, 不通过 and the other negative steps", () => {
    expect(() => wf.assert("SUBMITTED", "CORRECTION", "ADMIN", "  ")).toThrow("「退回补正」必须填写理由");
    expect(() => wf.assert("SUBMITTED", "SCREEN_FAILED", "ADMIN", null)).toThrow("「初审不通过」必须填写理由");
    expect(wf.assert("SUBMITTED", "CORRECTION", "ADMIN", "补充预算明细").to).toBe("CORRECTION");
    expect(wf.assert("SUBMITTED", "SCREEN_PASSED", "ADMIN").to).toBe("SCREEN_PASSED");
    const needReason = wf.transitions.filter((t) => t.requiresReason).map((t) => `${t.from}->${t.to}`);
    expect(needReason).toEqual([
      "SUBMITTED->CORRECTION",
      "SUBMITTED->SCREEN_FAILED",
      "SCREEN_PASSED->NOT_FUNDED",
      "SHORTLISTED->NOT_FUNDED",
      "IN_PROGRESS->TERMINATED",
    ]);
  });

  it("names every state and keeps only drafts and corrections editable", () => {
    for (const s of GRANT_APPLICATION_STATES) expect(wf.stateLabels[s]).toBeTruthy();
    expect(EDITABLE_GRANT_STATES).toEqual(["DRAFT", "CORRECTION"]);
  });
});
