// The public statistics of funded projects (#14 item 11): per scope (a year or a call, maybe
// narrowed to a category and a street: stats-scope.ts) the projects funded, money awarded /
// paid / returned, people served planned against actual, the final grade distribution and
// on-time reporting, in total, by category, by the street the organization is based in and by
// the area the project serves. Pure: stats.server.ts selects one row per project, this adds
// them up.
import { EVALUATION_GRADES } from "~/modules/evaluation/grades";

export type StatsProject = {
  category: string | null;
  serviceArea: string | null;
  /** the organization's street when funded (GrantProject.street) */
  street: string | null;
  awardFen: number;
  paidFen: number;
  returnedFen: number;
  finalGrade: string | null;
  /** the applicant's planned number of beneficiaries; null when not stated */
  peoplePlanned: number | null;
  /** people served in accepted reports' activities */
  peopleServed: number;
  reports: { dueAt: Date | string; submittedAt: Date | string | null }[];
};

export type StatsTotals = {
  projects: number;
  awardedFen: number;
  paidFen: number;
  returnedFen: number;
  peoplePlanned: number;
  peopleServed: number;
  /** final grades by band, and projects without one yet */
  grades: Record<string, number>;
  ungraded: number;
  /** reports whose due date has passed (or that were filed), and those filed by their due date */
  reportsDue: number;
  reportsOnTime: number;
};

function emptyTotals(): StatsTotals {
  return {
    projects: 0,
    awardedFen: 0,
    paidFen: 0,
    returnedFen: 0,
    peoplePlanned: 0,
    peopleServed: 0,
    grades: Object.fromEntries(EVALUATION_GRADES.map((g) => [g, 0])),
    ungraded: 0,
    reportsDue: 0,
    reportsOnTime: 0,
  };
}

function add(t: StatsTotals, p: StatsProject, now: Date) {
  t.projects += 1;
  t.awardedFen += p.awardFen;
  t.paidFen += p.paidFen;
  t.returnedFen += p.returnedFen;
  t.peoplePlanned += p.peoplePlanned ?? 0;
  t.peopleServed += p.peopleServed;
  if (p.finalGrade && p.finalGrade in t.grades) t.grades[p.finalGrade]! += 1;
  else t.ungraded += 1;
  for (const r of p.reports) {
    const due = new Date(r.dueAt).getTime();
    const filed = r.submittedAt ? new Date(r.submittedAt).getTime() : null;
    if (filed === null && due > now.getTime()) continue; // not due yet
    t.reportsDue += 1;
    if (filed !== null && filed <= due) t.reportsOnTime += 1;
  }
}

/** On-time reporting in whole percent, or null when nothing was due. */
export function onTimePct(t: Pick<StatsTotals, "reportsDue" | "reportsOnTime">) {
  return t.reportsDue === 0 ? null : Math.round((t.reportsOnTime / t.reportsDue) * 100);
}

const UNSTATED = "未注明";

function groupBy(projects: StatsProject[], key: (p: StatsProject) => string, now: Date) {
  const groups = new Map<string, StatsTotals>();
  for (const p of projects) {
    const name = key(p);
    const t = groups.get(name) ?? emptyTotals();
    add(t, p, now);
    groups.set(name, t);
  }
  return [...groups.entries()]
    .map(([name, totals]) => ({ name, ...totals }))
    .sort((a, b) => b.awardedFen - a.awardedFen || a.name.localeCompare(b.name, "zh-CN"));
}

export function fundingStats(projects: StatsProject[], now: Date) {
  const totals = emptyTotals();
  for (const p of projects) add(totals, p, now);
  return {
    totals,
    byCategory: groupBy(projects, (p) => p.category?.trim() || UNSTATED, now),
    byStreet: groupBy(projects, (p) => p.street?.trim() || UNSTATED, now),
    byServiceArea: groupBy(projects, (p) => p.serviceArea?.trim() || UNSTATED, now),
  };
}
export type FundingStats = ReturnType<typeof fundingStats>;

/** The grade distribution as chart rows, in band order, with the ungraded last. */
export function gradeRows(t: StatsTotals) {
  return [
    ...EVALUATION_GRADES.map((g) => ({ key: g, label: g, value: t.grades[g] ?? 0 })),
    { key: "none", label: "未评", value: t.ungraded },
  ];
}
