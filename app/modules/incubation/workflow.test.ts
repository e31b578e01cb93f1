import { describe, expect, test } from "vitest";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { incubationWorkflow as wf, INCUBATION_STATES, type IncubationState } from "./workflow";

const LEGAL: Array<[IncubationState, IncubationState, string, boolean]> = [
  ["APPLIED", "FIRST_CHECK_PASSED", "初审通过", false],
  ["APPLIED", "REJECTED", "初审不通过", true],
  ["FIRST_CHECK_PASSED", "ADMITTED", "评审通过", false],
  ["FIRST_CHECK_PASSED", "REJECTED", "评审不通过", true],
  ["ADMITTED", "IN_RESIDENCE", "签订入驻协议", false],
  ["IN_RESIDENCE", "GRADUATED", "出壳", true],
  ["IN_RESIDENCE", "IN_RESIDENCE", "续驻", true],
  ["IN_RESIDENCE", "EXITED", "退驻", true],
];

describe("incubation transition table", () => {
  test.each(LEGAL)("%s → %s (%s) is for staff", (from, to, label, requiresReason) => {
    expect(wf.canTransition(from, to, "ADMIN")).toBe(true);
    expect(wf.canTransition(from, to, "ORG_MEMBER")).toBe(false);
    expect(wf.canTransition(from, to, "REVIEWER")).toBe(false);
    const rule = wf.assert(from, to, "ADMIN", "理由");
    expect(rule.label).toBe(label);
    expect(Boolean(rule.requiresReason)).toBe(requiresReason);
  });

  test("no other move exists", () => {
    const legal = new Set(LEGAL.map(([from, to]) => `${from}>${to}`));
    for (const from of INCUBATION_STATES) {
      for (const to of INCUBATION_STATES) {
        if (legal.has(`${from}>${to}`)) continue;
        expect(wf.canTransition(from, to, "ADMIN"), `${from} → ${to}`).toBe(false);
        expect(() => wf.assert(from, to, "ADMIN", "理由")).toThrow(WorkflowError);
      }
    }
  });

  test("skipping a step is refused with the state names", () => {
    expect(() => wf.assert("APPLIED", "IN_RESIDENCE", "ADMIN")).toThrow("当前状态「已申请」不能变为「在孵」");
    expect(() => wf.assert("GRADUATED", "IN_RESIDENCE", "ADMIN", "回来")).toThrow("当前状态「已出壳」不能变为「在孵」");
  });

  test("final states have no way out", () => {
    for (const state of ["GRADUATED", "EXITED", "REJECTED"] as const) {
      expect(wf.available(state, "ADMIN")).toEqual([]);
    }
  });

  test("rejections and every exit-review result need a reason", () => {
    for (const [from, to] of [
      ["APPLIED", "REJECTED"],
      ["FIRST_CHECK_PASSED", "REJECTED"],
      ["IN_RESIDENCE", "GRADUATED"],
      ["IN_RESIDENCE", "IN_RESIDENCE"],
      ["IN_RESIDENCE", "EXITED"],
    ] as const) {
      for (const reason of [undefined, null, "", "   "]) {
        try {
          wf.assert(from, to, "ADMIN", reason);
          expect.unreachable(`${from} → ${to} without a reason`);
        } catch (error) {
          expect(error).toBeInstanceOf(WorkflowError);
          expect((error as WorkflowError).status).toBe(400);
          expect((error as WorkflowError).message).toMatch(/必须填写理由$/);
        }
      }
    }
  });

  test("passing a check and signing the agreement need no reason", () => {
    expect(wf.assert("APPLIED", "FIRST_CHECK_PASSED", "ADMIN").label).toBe("初审通过");
    expect(wf.assert("FIRST_CHECK_PASSED", "ADMITTED", "ADMIN").label).toBe("评审通过");
    expect(wf.assert("ADMITTED", "IN_RESIDENCE", "ADMIN").label).toBe("签订入驻协议");
  });

  test("an organization member cannot move an application", () => {
    expect(() => wf.assert("APPLIED", "FIRST_CHECK_PASSED", "ORG_MEMBER")).toThrow("您不能执行「初审通过」");
  });

  test("the exit review offers 出壳, 续驻 and 退驻", () => {
    expect(wf.available("IN_RESIDENCE", "ADMIN").map((t) => t.label)).toEqual(["出壳", "续驻", "退驻"]);
  });
});
