// Incubation vocabulary (docs/DOMAIN.md "Incubation base") with the Chinese each screen shows.
import type { BadgeTone } from "~/components/status-badge";
import { incubationWorkflow, type IncubationState } from "./workflow";

/** The support an organization may ask for, and the kinds of service recorded during the term. */
export const INCUBATION_NEEDS = ["SPACE", "VENUE", "TRAINING", "MENTORING", "SEED_FUNDING"] as const;
export type IncubationNeed = (typeof INCUBATION_NEEDS)[number];

export const INCUBATION_NEED_LABELS: Record<IncubationNeed, string> = {
  SPACE: "办公场地",
  VENUE: "活动场地",
  TRAINING: "培训",
  MENTORING: "督导陪伴",
  SEED_FUNDING: "种子资金",
};

export function needLabel(kind: string) {
  return INCUBATION_NEED_LABELS[kind as IncubationNeed] ?? kind;
}

/** Parses the JSON kept in IncubationApplication.needs; unknown values are dropped. */
export function parseNeeds(json: string): IncubationNeed[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return INCUBATION_NEEDS.filter((n) => value.includes(n));
  } catch {
    return [];
  }
}

/** Applications still being handled, or organizations still in the base: no second application. */
export const OPEN_INCUBATION_STATES = [
  "APPLIED",
  "FIRST_CHECK_PASSED",
  "ADMITTED",
  "IN_RESIDENCE",
] as const satisfies readonly IncubationState[];

/** What the public sees: organizations in the base and those that graduated. */
export const PUBLIC_INCUBATION_STATES = ["IN_RESIDENCE", "GRADUATED"] as const satisfies readonly IncubationState[];

export const EXIT_RESULTS = ["GRADUATED", "EXTENDED", "EXITED"] as const;
export type ExitResult = (typeof EXIT_RESULTS)[number];

export const EXIT_RESULT_LABELS: Record<ExitResult, string> = {
  GRADUATED: "出壳",
  EXTENDED: "续驻",
  EXITED: "退驻",
};

export function exitResultLabel(result: string | null | undefined) {
  if (!result) return "—";
  return EXIT_RESULT_LABELS[result as ExitResult] ?? result;
}

export function incubationStatusLabel(status: string) {
  return incubationWorkflow.isState(status) ? incubationWorkflow.stateLabels[status] : status;
}

/** Badge colours of the incubation states (labels come from the workflow table). */
export const INCUBATION_STATUS_TONES: Partial<Record<IncubationState, BadgeTone>> = {
  APPLIED: "info",
  FIRST_CHECK_PASSED: "info",
  ADMITTED: "info",
  IN_RESIDENCE: "brand",
  GRADUATED: "success",
  EXITED: "warning",
  REJECTED: "neutral",
};
