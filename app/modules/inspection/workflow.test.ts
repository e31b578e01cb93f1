import { describe, expect, it } from "vitest";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { INSPECTION_STATES, inspectionWorkflow, rectificationWorkflow } from "./workflow";

describe("inspection report transitions", () => {
  it("lets the organization file and resubmit, and only staff return or conclude", () => {
    expect(inspectionWorkflow.canTransition("PENDING", "DRAFT", "ORG_MEMBER")).toBe(true);
    expect(inspectionWorkflow.canTransition("DRAFT", "SUBMITTED", "ORG_MEMBER")).toBe(true);
    expect(inspectionWorkflow.canTransition("RETURNED", "SUBMITTED", "ORG_MEMBER")).toBe(true);
    expect(inspectionWorkflow.canTransition("SUBMITTED", "CONCLUDED", "ADMIN")).toBe(true);
    expect(inspectionWorkflow.canTransition("SUBMITTED", "CONCLUDED", "ORG_MEMBER")).toBe(false);
    expect(inspectionWorkflow.canTransition("SUBMITTED", "RETURNED", "ORG_MEMBER")).toBe(false);
  });

  it("requires a reason to return a report", () => {
    expect(() => inspectionWorkflow.assert("SUBMITTED", "RETURNED", "ADMIN", " ")).toThrow("「退回修改」必须填写理由");
    expect(inspectionWorkflow.assert("SUBMITTED", "RETURNED", "ADMIN", "财务表不完整").label).toBe("退回修改");
  });

  it("marks 未参检 only from unfiled states", () => {
    for (const from of ["PENDING", "DRAFT", "RETURNED"] as const) {
      expect(inspectionWorkflow.canTransition(from, "MISSED", "SYSTEM")).toBe(true);
    }
    for (const from of ["SUBMITTED", "CONCLUDED", "MISSED", "EXEMPT"] as const) {
      expect(inspectionWorkflow.canTransition(from, "MISSED", "ADMIN")).toBe(false);
    }
  });

  it("has no way out of a conclusion, 未参检 or exemption", () => {
    for (const to of INSPECTION_STATES) {
      for (const actor of ["ADMIN", "ORG_MEMBER", "SYSTEM"] as const) {
        expect(inspectionWorkflow.canTransition("CONCLUDED", to, actor)).toBe(false);
        expect(inspectionWorkflow.canTransition("EXEMPT", to, actor)).toBe(false);
        expect(inspectionWorkflow.canTransition("MISSED", to, actor)).toBe(false);
      }
    }
  });

  it("explains a refused move in Chinese", () => {
    expect(() => inspectionWorkflow.assert("CONCLUDED", "SUBMITTED", "ORG_MEMBER")).toThrow(WorkflowError);
    expect(() => inspectionWorkflow.assert("CONCLUDED", "SUBMITTED", "ORG_MEMBER")).toThrow(
      "当前状态「已出结论」不能变为「已提交」",
    );
    expect(() => inspectionWorkflow.assert("SUBMITTED", "CONCLUDED", "ORG_MEMBER")).toThrow(
      "您不能执行「作出年检结论」",
    );
  });
});

describe("rectification transitions", () => {
  it("goes organization → staff, and a return needs a reason", () => {
    expect(rectificationWorkflow.canTransition("OPEN", "SUBMITTED", "ORG_MEMBER")).toBe(true);
    expect(rectificationWorkflow.canTransition("RETURNED", "SUBMITTED", "ORG_MEMBER")).toBe(true);
    expect(rectificationWorkflow.canTransition("SUBMITTED", "ACCEPTED", "ADMIN")).toBe(true);
    expect(rectificationWorkflow.canTransition("SUBMITTED", "ACCEPTED", "ORG_MEMBER")).toBe(false);
    expect(rectificationWorkflow.canTransition("ACCEPTED", "SUBMITTED", "ORG_MEMBER")).toBe(false);
    expect(() => rectificationWorkflow.assert("SUBMITTED", "RETURNED", "ADMIN", "")).toThrow("必须填写理由");
  });
});
