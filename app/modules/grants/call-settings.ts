// How a call's JSON columns are read. Shared by the call editor, the
// application form and screening, so they agree on one shape.
import { z } from "zod";

export const DEFAULT_CATEGORIES = ["为老", "助残", "青少年", "救助帮困", "社区治理", "其他"] as const;

export const CallEligibilitySchema = z.object({
  /** registered (REGISTERED) and active */
  registeredActive: z.boolean().default(true),
  /** last year's annual inspection not 不合格 or 未参检 */
  inspectionNotFailedLastYear: z.boolean().default(true),
  /** not on the abnormal-activity list (an open CreditRecord ABNORMAL_LIST) */
  notAbnormal: z.boolean().default(true),
  /** not barred after a failed earlier project (TERMINATED, or a FAILED final evaluation) */
  notBarred: z.boolean().default(true),
  barYears: z.number().int().min(0).max(10).default(3),
  /** minimum rating grade 1–5, or null for none */
  minGrade: z.number().int().min(1).max(5).nullable().default(null),
  /** only organizations currently (or formerly) in the incubation base */
  incubatedOnly: z.boolean().default(false),
});

export type CallEligibility = z.infer<typeof CallEligibilitySchema>;

export function parseCallEligibility(json: string): CallEligibility {
  const parsed = CallEligibilitySchema.safeParse(safeJson(json));
  return parsed.success ? parsed.data : CallEligibilitySchema.parse({});
}

export function parseCategories(json: string): string[] {
  const value = safeJson(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function safeJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

export const TRANCHE_TRIGGERS = {
  SIGNING: "签订协议后",
  MIDTERM_PASS: "中期评估通过后",
  FINAL_EVALUATION: "终期评估后",
} as const;
export type TrancheTrigger = keyof typeof TRANCHE_TRIGGERS;

/** The phases of a call in order, each with the date it ends (from the call's dates). */
export type CallPhase = "NOT_OPEN" | "APPLYING" | "SCREENING" | "REVIEWING" | "PUBLICITY" | "SIGNING" | "DONE";

export const CALL_PHASE_LABELS: Record<CallPhase, string> = {
  NOT_OPEN: "即将开始",
  APPLYING: "申报中",
  SCREENING: "资格审查",
  REVIEWING: "专家评审",
  PUBLICITY: "公示",
  SIGNING: "签约",
  DONE: "已结束",
};

type CallDates = {
  applyOpensAt: Date;
  applyClosesAt: Date;
  screeningEndsAt: Date;
  reviewEndsAt: Date;
  publicityDays: number;
  signingEndsAt: Date;
};

/** Publicity starts the day after review ends and lasts publicityDays. */
export function publicityEndsAt(call: CallDates) {
  return new Date(call.reviewEndsAt.getTime() + call.publicityDays * 86_400_000);
}

export function currentPhase(call: CallDates, now: Date): CallPhase {
  const t = now.getTime();
  if (t < call.applyOpensAt.getTime()) return "NOT_OPEN";
  if (t <= call.applyClosesAt.getTime()) return "APPLYING";
  if (t <= call.screeningEndsAt.getTime()) return "SCREENING";
  if (t <= call.reviewEndsAt.getTime()) return "REVIEWING";
  if (t <= publicityEndsAt(call).getTime()) return "PUBLICITY";
  if (t <= call.signingEndsAt.getTime()) return "SIGNING";
  return "DONE";
}
