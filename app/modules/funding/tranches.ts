// Tranche arithmetic and gates. Pure: the one place that decides how an award is
// split and whether a tranche may be paid.
import { addWorkingDays } from "~/utils/dates";

export type TrancheTrigger = "SIGNING" | "MIDTERM_PASS" | "FINAL_EVALUATION";

export const TRIGGER_LABELS: Record<TrancheTrigger, string> = {
  SIGNING: "协议签订后",
  MIDTERM_PASS: "中期评估合格后",
  FINAL_EVALUATION: "终期评估合格后",
};

/** The first tranche is due this many working days after signing (DOMAIN: 15). */
export const FIRST_TRANCHE_WORKING_DAYS = 15;

/**
 * Splits an award in 分 by the plan's percentages, rounding each tranche down
 * and giving the last one the remainder, so the tranches add up exactly.
 */
export function splitTranches(awardFen: number, plan: Array<{ percent: number; trigger: string }>) {
  if (plan.length === 0) return [{ position: 1, percent: 100, trigger: "SIGNING", amountFen: awardFen }];
  let allocated = 0;
  return plan.map((p, i) => {
    const last = i === plan.length - 1;
    const amountFen = last ? awardFen - allocated : Math.floor((awardFen * p.percent) / 100);
    allocated += amountFen;
    return { position: i + 1, percent: p.percent, trigger: p.trigger, amountFen };
  });
}

export type GateFacts = { signedAt: Date | null; midtermPassedAt: Date | null; finalPassedAt: Date | null };

/** Whether a tranche's gate is met, and when. */
export function gateMetAt(trigger: string, facts: GateFacts): Date | null {
  if (trigger === "SIGNING") return facts.signedAt;
  if (trigger === "MIDTERM_PASS") return facts.midtermPassedAt;
  if (trigger === "FINAL_EVALUATION") return facts.finalPassedAt;
  return null;
}

/** Why a tranche cannot be paid yet, in Chinese; null when its gate is met. */
export function gateProblem(trigger: string, facts: GateFacts): string | null {
  if (gateMetAt(trigger, facts)) return null;
  const label = TRIGGER_LABELS[trigger as TrancheTrigger] ?? trigger;
  return `拨付条件「${label}」尚未达成，不能拨付`;
}

/** When a tranche whose gate was met on `metAt` falls due: 15 working days later, as for the signing tranche. */
export function trancheDueAt(metAt: Date) {
  return addWorkingDays(metAt, FIRST_TRANCHE_WORKING_DAYS);
}
