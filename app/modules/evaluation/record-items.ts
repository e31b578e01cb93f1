// What the project's own record says, shown as "computed from the record" beside the experts'
// scores (#14 item 2): KPI attainment, reports filed on time, budget deviation and unapproved
// changes, the overhead share. Pure: the reader (record.server.ts) hands in the rows. Levels
// follow the local practice in DOMAIN: attainment ≥ 100% full points, ≥ 80% part, ≥ 60% less,
// below none; budget deviation ≤ 5% high, 5–10% middle, over 10% low, an unapproved change 0.

/** 0 best … 3 worst: the tier of a four-tier leaf the item suggests (e.g. 20 / 14 / 8 / 0 points). */
export type RecordLevel = 0 | 1 | 2 | 3;

export type KpiFact = { name: string; targetValue: number | null; actualValue: number | null; unit: string | null };
export type ReportFact = { sequence: number; kind: string; dueAt: Date; submittedAt: Date | null };
export type BudgetLineFact = { category: string; plannedFen: number; revisedFen: number; spentFen: number };

export type KpiAttainment = {
  kpis: { name: string; pct: number | null; target: number | null; actual: number | null; unit: string | null }[];
  /** the mean attainment of the KPIs with a numeric target, in percent (capped at 100 each), or null */
  pct: number | null;
  level: RecordLevel | null;
};

export const ATTAINMENT_LEVEL_LABELS = ["达到计划 100%", "80%–100%", "60%–80%", "不足 60%"] as const;
export const BUDGET_LEVEL_LABELS = ["偏差 5% 以内", "偏差 5%–10%", "偏差超过 10%", "擅自调整预算"] as const;

const round1 = (n: number) => Math.round(n * 10) / 10;

export function attainmentLevel(pct: number): RecordLevel {
  if (pct >= 100) return 0;
  if (pct >= 80) return 1;
  if (pct >= 60) return 2;
  return 3;
}

export function kpiAttainment(kpis: KpiFact[]): KpiAttainment {
  const rows = kpis.map((k) => {
    const pct =
      k.targetValue && k.targetValue > 0 && k.actualValue !== null
        ? round1((k.actualValue / k.targetValue) * 100)
        : null;
    return { name: k.name, pct, target: k.targetValue, actual: k.actualValue, unit: k.unit };
  });
  const measured = rows.filter((r) => r.pct !== null).map((r) => Math.min(r.pct!, 100));
  if (measured.length === 0) return { kpis: rows, pct: null, level: null };
  const pct = round1(measured.reduce((a, b) => a + b, 0) / measured.length);
  return { kpis: rows, pct, level: attainmentLevel(pct) };
}

export type ReportTimeliness = {
  due: number;
  onTime: number;
  /** reports filed after their due date, or not filed although due */
  late: { sequence: number; kind: string; dueAt: Date; submittedAt: Date | null }[];
};

/** Reports due by `now`: how many were filed by their due date (the end of that day counts). */
export function reportTimeliness(reports: ReportFact[], now: Date): ReportTimeliness {
  const due = reports.filter((r) => r.dueAt.getTime() <= now.getTime());
  const late = due.filter((r) => !r.submittedAt || r.submittedAt.getTime() > r.dueAt.getTime());
  return { due: due.length, onTime: due.length - late.length, late };
}

export type BudgetDeviation = {
  /** the largest share of a line's planned amount moved by approved changes, in percent */
  deviationPct: number;
  /** lines spent beyond their approved (revised) amount: a change nobody approved */
  unapproved: { category: string; revisedFen: number; spentFen: number }[];
  level: RecordLevel;
};

export function budgetDeviation(lines: BudgetLineFact[]): BudgetDeviation {
  const deviationPct = round1(
    lines.reduce(
      (max, l) =>
        l.plannedFen > 0 ? Math.max(max, (Math.abs(l.revisedFen - l.plannedFen) / l.plannedFen) * 100) : max,
      0,
    ),
  );
  const unapproved = lines
    .filter((l) => l.spentFen > l.revisedFen)
    .map(({ category, revisedFen, spentFen }) => ({ category, revisedFen, spentFen }));
  const level: RecordLevel = unapproved.length > 0 ? 3 : deviationPct <= 5 ? 0 : deviationPct <= 10 ? 1 : 2;
  return { deviationPct, unapproved, level };
}

export type OverheadShare = {
  spentFen: number;
  overheadFen: number;
  pct: number | null;
  capPct: number;
  over: boolean;
};

/** Overhead (OVERHEAD lines) as a share of what was spent, against the call's cap. */
export function overheadShare(lines: BudgetLineFact[], capPct: number): OverheadShare {
  const spentFen = lines.reduce((sum, l) => sum + l.spentFen, 0);
  const overheadFen = lines.filter((l) => l.category === "OVERHEAD").reduce((sum, l) => sum + l.spentFen, 0);
  const pct = spentFen > 0 ? round1((overheadFen / spentFen) * 100) : null;
  return { spentFen, overheadFen, pct, capPct, over: pct !== null && pct > capPct };
}

export type RecordItems = {
  computedAt: string;
  kpi: KpiAttainment;
  reports: ReportTimeliness;
  budget: BudgetDeviation;
  overhead: OverheadShare;
};

export function recordItems(
  input: { kpis: KpiFact[]; reports: ReportFact[]; lines: BudgetLineFact[]; overheadCapPct: number },
  now: Date,
): RecordItems {
  return {
    computedAt: now.toISOString(),
    kpi: kpiAttainment(input.kpis),
    reports: reportTimeliness(input.reports, now),
    budget: budgetDeviation(input.lines),
    overhead: overheadShare(input.lines, input.overheadCapPct),
  };
}

/**
 * The readers of the GRANT_EVALUATION sources in the shared catalogue (indicators/record-sources.ts,
 * where the editor picks them; the seeded grant-midterm uses both). Here the record suggests a
 * tier beside the experts' score (decision 017); rating's sources compute theirs (decision 025).
 */
export const RECORD_SOURCES: Record<
  string,
  { read: (items: RecordItems) => RecordLevel | null; labels: readonly string[] }
> = {
  "grant.outputRate": { read: (items) => items.kpi.level, labels: ATTAINMENT_LEVEL_LABELS },
  "grant.budgetDeviation": { read: (items) => items.budget.level, labels: BUDGET_LEVEL_LABELS },
};

/**
 * The points the record suggests for a leaf with a known `source`: its tier at the record's level
 * (a leaf with four tiers), or null when the leaf reads nothing or the record cannot tell.
 */
export function suggestedLeafScore(
  leaf: { source: string | null; method: string | null; items: { points: number | null }[] },
  items: RecordItems,
): { level: RecordLevel; points: number; label: string } | null {
  const source = leaf.source ? RECORD_SOURCES[leaf.source] : undefined;
  if (!source || leaf.method !== "TIERS" || leaf.items.length !== 4) return null;
  const level = source.read(items);
  if (level === null) return null;
  return { level, points: leaf.items[level]!.points ?? 0, label: source.labels[level]! };
}

/** The stored JSON back (dates as strings), or null. */
export function parseRecordItems(json: string | null | undefined): RecordItems | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as RecordItems;
    value.reports.late = value.reports.late.map((r) => ({
      ...r,
      dueAt: new Date(r.dueAt),
      submittedAt: r.submittedAt ? new Date(r.submittedAt) : null,
    }));
    return value;
  } catch {
    return null;
  }
}
