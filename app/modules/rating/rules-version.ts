// Which national rating rules a round follows (docs/DOMAIN.md "Rating"): the 2010 measures, or
// the 2026 ones in force since 1 March 2026. The two differ in who may apply (eligibility.ts).
import { shanghaiMidnight } from "~/utils/dates";

export const RULES_VERSIONS = ["2010", "2026"] as const;
export type RulesVersion = (typeof RULES_VERSIONS)[number];

export const RULES_VERSION_LABELS: Record<RulesVersion, string> = {
  "2010": "2010 年《社会组织评估管理办法》",
  "2026": "2026 年评估管理办法（2026年3月1日起施行）",
};

/** The day the 2026 measures took effect. */
export const RULES_2026_IN_FORCE = shanghaiMidnight(2026, 3, 1);

export function isRulesVersion(value: unknown): value is RulesVersion {
  return typeof value === "string" && (RULES_VERSIONS as readonly string[]).includes(value);
}

/** The rules in force on a day: what a new round defaults to. */
export function rulesVersionAt(at: Date): RulesVersion {
  return at.getTime() >= RULES_2026_IN_FORCE.getTime() ? "2026" : "2010";
}
