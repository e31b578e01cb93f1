import { describe, expect, it } from "vitest";
import { WorkflowError, type Actor } from "~/modules/workflow/state-machine";
import {
  EDITABLE_REGISTRATION_STATES,
  REGISTRATION_STATES,
  registrationWorkflow,
  type RegistrationState,
} from "./workflow";

// The legal moves, by whom; everything else must be refused.
const LEGAL: Array<[RegistrationState, RegistrationState, Actor, boolean]> = [
  ["DRAFT", "SUBMITTED", "ORG_MEMBER", false],
  ["SUBMITTED", "ACCEPTED", "ADMIN", false],
  ["SUBMITTED", "CORRECTION", "ADMIN", true],
  ["SUBMITTED", "REJECTED", "ADMIN", true],
  ["ACCEPTED", "CORRECTION", "ADMIN", true],
  ["ACCEPTED", "APPROVED", "ADMIN", false],
  ["ACCEPTED", "REJECTED", "ADMIN", true],
  ["CORRECTION", "SUBMITTED", "ORG_MEMBER", false],
];
const ACTORS: Actor[] = ["ADMIN", "ORG_MEMBER", "REVIEWER", "SYSTEM"];

function thrown(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return null;
}

describe("registration workflow", () => {
  it("allows exactly the legal transitions, each only to its actor", () => {
    for (const from of REGISTRATION_STATES) {
      for (const to of REGISTRATION_STATES) {
        for (const actor of ACTORS) {
          const legal = LEGAL.some(([f, t, a]) => f === from && t === to && a === actor);
          expect(registrationWorkflow.canTransition(from, to, actor), `${from} → ${to} by ${actor}`).toBe(legal);
        }
      }
    }
  });

  it("requires a reason for 补正 and 不予登记, and accepts one when given", () => {
    for (const [from, to, actor, needsReason] of LEGAL) {
      if (needsReason) {
        for (const reason of [undefined, null, "", "   "]) {
          const error = thrown(() => registrationWorkflow.assert(from, to, actor, reason));
          expect(error).toBeInstanceOf(WorkflowError);
          expect((error as WorkflowError).status).toBe(400);
          expect((error as WorkflowError).message).toMatch(/必须填写理由/);
        }
      }
      expect(registrationWorkflow.assert(from, to, actor, "住所证明不清晰，请重新上传").to).toBe(to);
    }
  });

  it("refuses an illegal move with 409 and a wrong actor with 403, in Chinese", () => {
    const skip = thrown(() => registrationWorkflow.assert("SUBMITTED", "APPROVED", "ADMIN"));
    expect(skip).toBeInstanceOf(WorkflowError);
    expect((skip as WorkflowError).status).toBe(409);
    expect((skip as WorkflowError).message).toBe("当前状态「已提交」不能变为「准予登记」");

    const backwards = thrown(() => registrationWorkflow.assert("APPROVED", "SUBMITTED", "ORG_MEMBER"));
    expect((backwards as WorkflowError).status).toBe(409);

    const selfApproval = thrown(() => registrationWorkflow.assert("ACCEPTED", "APPROVED", "ORG_MEMBER"));
    expect((selfApproval as WorkflowError).status).toBe(403);
    expect((selfApproval as WorkflowError).message).toBe("您不能执行「准予登记」");

    const staffSubmitting = thrown(() => registrationWorkflow.assert("DRAFT", "SUBMITTED", "ADMIN"));
    expect((staffSubmitting as WorkflowError).status).toBe(403);
  });

  it("offers staff the right buttons in each state", () => {
    const labels = (s: RegistrationState) => registrationWorkflow.available(s, "ADMIN").map((t) => t.label);
    expect(labels("SUBMITTED")).toEqual(["受理", "退回补正", "不予登记"]);
    expect(labels("ACCEPTED")).toEqual(["退回补正", "准予登记", "不予登记"]);
    expect(labels("CORRECTION")).toEqual([]);
    expect(labels("APPROVED")).toEqual([]);
    expect(labels("REJECTED")).toEqual([]);
    expect(registrationWorkflow.available("CORRECTION", "ORG_MEMBER").map((t) => t.label)).toEqual(["补正后重新提交"]);
  });

  it("lets the applicant edit only drafts and returned applications; decisions are final", () => {
    expect(EDITABLE_REGISTRATION_STATES).toEqual(["DRAFT", "CORRECTION"]);
    for (const final of ["APPROVED", "REJECTED"] as const) {
      expect(registrationWorkflow.transitions.filter((t) => t.from === final)).toEqual([]);
    }
  });
});
