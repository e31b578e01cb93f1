// What the tranche pages show and allow: each tranche's gate line, overdue flag and why
// it cannot be paid. Pure. Whether the GATE is met is never decided here: gateProblem
// (tranches.ts) is the one check; this adds only the tranche's and project's own state.
import { z } from "zod";
import { parseDateInput } from "~/utils/dates";
import { trancheWorkflow, type TrancheState } from "./tranche-workflow";
import { gateMetAt, gateProblem, TRIGGER_LABELS, type GateFacts, type TrancheTrigger } from "./tranches";

export type TrancheRecord = {
  id: string;
  position: number;
  percent: number;
  amountFen: number;
  trigger: string;
  status: string;
  gateMetAt: Date | string | null;
  dueAt: Date | string | null;
  paidAt: Date | string | null;
  voucherNo: string | null;
  receivingAccount: string | null;
  holdReason: string | null;
};

export type ProjectMoneyFacts = GateFacts & { status: string };

const PROJECT_REFUSALS: Record<string, string> = {
  SUSPENDED: "项目已暂停拨付，恢复后才能拨付",
  TERMINATED: "项目已终止，不能再拨付",
  WITHDRAWN: "资助已撤销，不能拨付",
  CLOSED: "项目已结项，不能再拨付",
};

const TRANCHE_REFUSALS: Partial<Record<TrancheState, string>> = {
  PAID: "该笔款项已登记拨付",
  STOPPED: "该笔款项已停止拨付",
  WITHHELD: "该笔款项暂缓拨付，请先恢复拨付",
  PLANNED: "该笔款项尚未转为待拨付，请先登记拨付条件达成",
};

/** Why this tranche cannot be paid now, in Chinese; null when a payment may be recorded. */
export function paymentProblem(tranche: Pick<TrancheRecord, "trigger" | "status">, project: ProjectMoneyFacts) {
  return (
    gateProblem(tranche.trigger, project) ??
    PROJECT_REFUSALS[project.status] ??
    TRANCHE_REFUSALS[tranche.status as TrancheState] ??
    null
  );
}

/** A payable tranche past its due date (withheld money is held on purpose, not late). */
export function isTrancheOverdue(tranche: { status: string; dueAt: Date | string | null }, now: Date) {
  return tranche.status === "PAYABLE" && tranche.dueAt != null && new Date(tranche.dueAt) < now;
}

/** Whether staff may record this tranche's gate as met by hand (mid-term and final only; signing is the agreement's). */
export function canRecordGate(tranche: Pick<TrancheRecord, "trigger" | "status">, project: ProjectMoneyFacts) {
  if (tranche.status !== "PLANNED" || PROJECT_REFUSALS[project.status]) return false;
  if (tranche.trigger === "SIGNING") return project.signedAt != null; // signed, but the tranche was left behind
  return tranche.trigger in TRIGGER_LABELS && project.signedAt != null;
}

export type TrancheRow = TrancheRecord & {
  triggerLabel: string;
  gateMet: Date | null;
  /** why the gate is not met (gateProblem), null when it is */
  gateProblem: string | null;
  overdue: boolean;
  /** why a payment cannot be recorded, null when it can */
  paymentProblem: string | null;
  canRecordGate: boolean;
  /** withhold / resume / stop moves staff may take, from the workflow table */
  moves: { to: TrancheState; label: string }[];
};

const HAND_MOVES = new Set<TrancheState>(["WITHHELD", "STOPPED"]);

export function trancheRows(tranches: TrancheRecord[], project: ProjectMoneyFacts, now: Date): TrancheRow[] {
  const ended = PROJECT_REFUSALS[project.status] != null && project.status !== "SUSPENDED";
  return tranches.map((t) => {
    const state = t.status as TrancheState;
    const moves = ended
      ? []
      : trancheWorkflow
          .available(state, "ADMIN")
          .filter((m) => HAND_MOVES.has(m.to) || (m.from === "WITHHELD" && m.to === "PAYABLE"))
          .map((m) => ({ to: m.to, label: m.label }));
    return {
      ...t,
      triggerLabel: TRIGGER_LABELS[t.trigger as TrancheTrigger] ?? t.trigger,
      gateMet: gateMetAt(t.trigger, project),
      gateProblem: gateProblem(t.trigger, project),
      overdue: isTrancheOverdue(t, now),
      paymentProblem: paymentProblem(t, project),
      canRecordGate: canRecordGate(t, project),
      moves,
    };
  });
}

/** Σ of the tranches in each money state, for the project's summary line. */
export function trancheTotals(tranches: Pick<TrancheRecord, "amountFen" | "status">[]) {
  const sum = (states: string[]) =>
    tranches.filter((t) => states.includes(t.status)).reduce((s, t) => s + t.amountFen, 0);
  return { paid: sum(["PAID"]), toPay: sum(["PLANNED", "PAYABLE", "WITHHELD"]), stopped: sum(["STOPPED"]) };
}

// ── forms ──

const dateField = (label: string) =>
  z
    .string({ required_error: `请选择${label}` })
    .trim()
    .refine((v) => parseDateInput(v) !== null, `${label}不是有效日期`);

const reasonField = z
  .string({ required_error: "请填写理由" })
  .trim()
  .min(2, "理由至少 2 个字")
  .max(500, "理由不超过 500 字");

export const RecordPaymentSchema = z.object({
  intent: z.literal("pay"),
  trancheId: z.string().min(1),
  paidOn: dateField("拨付日期"),
  voucherNo: z
    .string({ required_error: "请填写凭证号" })
    .trim()
    .min(2, "凭证号至少 2 个字符")
    .max(40, "凭证号不超过 40 个字符"),
  receivingAccount: z
    .string({ required_error: "请填写收款账户" })
    .trim()
    .min(6, "请填写开户行和账号")
    .max(120, "收款账户不超过 120 个字"),
});

export const TrancheMoveSchema = z.object({
  intent: z.literal("move"),
  trancheId: z.string().min(1),
  to: z.enum(["WITHHELD", "PAYABLE", "STOPPED"], { errorMap: () => ({ message: "请选择操作" }) }),
  reason: reasonField,
});

export const RecordGateSchema = z.object({
  intent: z.literal("gate"),
  trigger: z.enum(["SIGNING", "MIDTERM_PASS", "FINAL_EVALUATION"], { errorMap: () => ({ message: "请选择拨付条件" }) }),
  metOn: dateField("达成日期"),
  reason: reasonField,
});
