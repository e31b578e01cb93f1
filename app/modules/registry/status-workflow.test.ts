import { describe, expect, test } from "vitest";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { ORGANIZATION_STATES, organizationStatusWorkflow as wf } from "./status-workflow";

describe("organization status workflow", () => {
  test("the table: a registered organization can be deregistered or revoked by staff, nothing else", () => {
    const allowed: string[] = [];
    for (const from of ORGANIZATION_STATES) {
      for (const to of ORGANIZATION_STATES) {
        for (const actor of ["ADMIN", "ORG_MEMBER", "REVIEWER", "SYSTEM"] as const) {
          if (wf.canTransition(from, to, actor)) allowed.push(`${from}→${to} by ${actor}`);
        }
      }
    }
    expect(allowed).toEqual(["REGISTERED→DEREGISTERED by ADMIN", "REGISTERED→REVOKED by ADMIN"]);
  });

  test("a reason is required for both", () => {
    expect(() => wf.assert("REGISTERED", "DEREGISTERED", "ADMIN", "  ")).toThrow("「注销登记」必须填写理由");
    expect(() => wf.assert("REGISTERED", "REVOKED", "ADMIN", null)).toThrow("「撤销登记」必须填写理由");
    expect(wf.assert("REGISTERED", "REVOKED", "ADMIN", "连续两年未参加年检").label).toBe("撤销登记");
  });

  test("a deregistered or revoked organization cannot move again, and members cannot deregister", () => {
    expect(() => wf.assert("DEREGISTERED", "REVOKED", "ADMIN", "x")).toThrow(WorkflowError);
    expect(() => wf.assert("REVOKED", "REGISTERED", "ADMIN", "x")).toThrow("当前状态「已撤销」不能变为「正常」");
    expect(() => wf.assert("PREPARING", "DEREGISTERED", "ADMIN", "x")).toThrow(WorkflowError);
    try {
      wf.assert("REGISTERED", "DEREGISTERED", "ORG_MEMBER", "自行解散");
      expect.unreachable();
    } catch (error) {
      expect((error as WorkflowError).status).toBe(403);
    }
    expect(wf.available("REGISTERED", "ADMIN").map((t) => t.to)).toEqual(["DEREGISTERED", "REVOKED"]);
  });
});
