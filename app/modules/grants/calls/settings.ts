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
