// What the public record of a funded project shows (#13 item 11, #14 item 10), shaped from
// the project's own rows. Pure: the queries (public-projects.server.ts) select the facts,
// these functions turn them into figures. Only published facts enter: KPI actuals from
// accepted reports, grades of evaluations made final, people served as counts.
import { kindLabel } from "~/modules/evaluation/score";
import { GRANT_PROJECT_STATES, projectStateLabel, type GrantProjectState } from "../project-workflow";

/** Every stage a member of the public may see: all but an award withdrawn before signing. */
export const PUBLIC_PROJECT_STATES = GRANT_PROJECT_STATES.filter((s) => s !== "WITHDRAWN");
export type PublicProjectState = Exclude<GrantProjectState, "WITHDRAWN">;

export function isPublicProjectState(value: string | null | undefined): value is PublicProjectState {
  return (PUBLIC_PROJECT_STATES as readonly string[]).includes(value ?? "");
}

export const PUBLIC_STAGE_OPTIONS = PUBLIC_PROJECT_STATES.map((s) => ({ value: s, label: projectStateLabel(s) }));

export type MoneyFacts = {
  awardFen: number;
  tranches: { amountFen: number; status: string }[];
  refunds: { receivedFen: number }[];
};

/** Awarded, paid so far (tranches recorded as paid) and returned (refund money received). */
export function projectMoney(p: MoneyFacts) {
  const paidFen = p.tranches.reduce((sum, t) => sum + (t.status === "PAID" ? t.amountFen : 0), 0);
  const returnedFen = p.refunds.reduce((sum, r) => sum + r.receivedFen, 0);
  return { awardedFen: p.awardFen, paidFen, returnedFen };
}

export type KpiFacts = {
  id: string;
  kind: string;
  name: string;
  target: string;
  targetValue: number | null;
  unit: string | null;
};
/** An actual from a report, with the end of the period it reports on. */
export type KpiActual = { kpiId: string; actualValue: number; periodEnd: Date | string };

export type KpiProgress = KpiFacts & {
  actualValue: number | null;
  /** actual ÷ numeric target in whole percent; null without a numeric target or an actual */
  attainmentPct: number | null;
  asOf: Date | null;
};

/**
 * Each KPI against its target, read from the latest accepted report that gives it an actual
 * (`actuals` must come from ACCEPTED reports only: a draft or returned report is not a fact yet).
 */
export function kpiProgress(kpis: KpiFacts[], actuals: KpiActual[]): KpiProgress[] {
  const latest = new Map<string, { value: number; at: Date }>();
  for (const a of actuals) {
    const at = new Date(a.periodEnd);
    const seen = latest.get(a.kpiId);
    if (!seen || seen.at.getTime() < at.getTime()) latest.set(a.kpiId, { value: a.actualValue, at });
  }
  return kpis.map((k) => {
    const actual = latest.get(k.id);
    const attainmentPct =
      actual && k.targetValue && k.targetValue > 0 ? Math.round((actual.value / k.targetValue) * 100) : null;
    return { ...k, actualValue: actual?.value ?? null, attainmentPct, asOf: actual?.at ?? null };
  });
}

export type MilestoneFacts = { title: string; dueDate: Date | string; doneAt: Date | string | null };

/** Milestones done of all, and how much of the agreed period has passed (0–100) at `now`. */
export function projectProgress(
  p: { startsOn: Date | string; endsOn: Date | string; milestones: MilestoneFacts[] },
  now: Date,
) {
  const start = new Date(p.startsOn).getTime();
  const end = new Date(p.endsOn).getTime();
  const elapsed = end > start ? (now.getTime() - start) / (end - start) : now.getTime() >= end ? 1 : 0;
  return {
    milestonesDone: p.milestones.filter((m) => m.doneAt).length,
    milestonesTotal: p.milestones.length,
    periodElapsedPct: Math.round(Math.min(1, Math.max(0, elapsed)) * 100),
  };
}

export type EvaluationFacts = {
  kind: string;
  round: number;
  status: string;
  grade: string | null;
  finalAt: Date | string | null;
};

/**
 * The evaluation results the public may see: final ones only (publicity ended, or 不合格 for a
 * report never filed), oldest first, labelled 中期评估 / 终期评估（第 2 次）.
 */
export function publishedGrades(evaluations: EvaluationFacts[]) {
  return evaluations
    .filter((e) => e.status === "FINAL" && e.grade && e.finalAt)
    .map((e) => ({ kind: e.kind, label: kindLabel(e.kind, e.round), grade: e.grade!, finalAt: new Date(e.finalAt!) }))
    .sort((a, b) => a.finalAt.getTime() - b.finalAt.getTime());
}

/** The final evaluation's grade once published (the project's own column is set at the same moment). */
export function finalGradeOf(evaluations: EvaluationFacts[]) {
  return (
    publishedGrades(evaluations)
      .filter((g) => g.kind === "FINAL")
      .at(-1)?.grade ?? null
  );
}

/** People served as reported in accepted reports' activities (a count, never who). */
export function peopleServed(activities: { peopleServed: number }[]) {
  return activities.reduce((sum, a) => sum + Math.max(0, a.peopleServed), 0);
}
