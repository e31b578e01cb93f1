// What a final evaluation result does to the project's money (#14 item 5). Pure: the finalizing
// transaction (finalize.server.ts) and the 不合格 decision (decide.server.ts) follow it.
import type { TrancheTrigger } from "~/modules/funding/tranches";
import { isPassingGrade } from "./grades";
import type { FailDecision } from "./workflow";

export type GateEffect =
  /** the result meets the gate of these tranches (money's meetTrancheGates) */
  | { kind: "OPEN_GATE"; trigger: TrancheTrigger }
  /** a mid-term 不合格: staff must choose 整改, stopping payments or termination, with a reason */
  | { kind: "DECISION_NEEDED" }
  /** a final 不合格: the project ends (no last tranche, no closing) and the organization is barred */
  | { kind: "FINAL_FAILED" };

/** What a final 不合格 did, as staff and the organization read it beside the result (decision 026). */
export const FINAL_FAIL_OUTCOME = "终期评估不合格：尾款不予拨付，项目终止，不予结项";

export function gateEffect(kind: string, grade: string | null): GateEffect {
  if (isPassingGrade(grade))
    return { kind: "OPEN_GATE", trigger: kind === "FINAL" ? "FINAL_EVALUATION" : "MIDTERM_PASS" };
  return kind === "FINAL" ? { kind: "FINAL_FAILED" } : { kind: "DECISION_NEEDED" };
}

export type DecisionEffect = {
  /** the project's next state */
  projectTo: "RECTIFYING" | "SUSPENDED" | "TERMINATED";
  /** tranches not paid yet (PLANNED, PAYABLE, WITHHELD) become STOPPED */
  stopTranches: boolean;
  /** a new mid-term evaluation (round + 1) due on the rectification date */
  reevaluate: boolean;
};

export function decisionEffect(decision: FailDecision): DecisionEffect {
  switch (decision) {
    case "RECTIFY":
      return { projectTo: "RECTIFYING", stopTranches: false, reevaluate: true };
    case "STOP_PAYMENTS":
      return { projectTo: "SUSPENDED", stopTranches: true, reevaluate: false };
    case "TERMINATE":
      return { projectTo: "TERMINATED", stopTranches: true, reevaluate: false };
  }
}

/** The tranche states a stop reaches (PAID stays paid). */
export const STOPPABLE_TRANCHE_STATES = ["PLANNED", "PAYABLE", "WITHHELD"] as const;
