// The two-years rule: missing or failing the inspection two years in a row puts
// an organization on the 拟撤销登记 list; one such year gives a warning. Pure.

export type YearOutcome = {
  organizationId: string;
  year: number;
  /** QUALIFIED | BASIC | UNQUALIFIED | MISSED, or null while not concluded */
  conclusion: string | null;
};

export const BAD_OUTCOMES = ["MISSED", "UNQUALIFIED"] as const;

export function isBadOutcome(conclusion: string | null | undefined) {
  return conclusion === "MISSED" || conclusion === "UNQUALIFIED";
}

export type RevocationEntry = { organizationId: string; years: [number, number]; conclusions: [string, string] };
export type WarningEntry = { organizationId: string; year: number; conclusion: string };

/**
 * Looks at each organization's latest year with an outcome (years still open
 * are ignored). Bad in that year and in the calendar year before → revocation
 * list; bad in that year only → warning.
 */
export function evaluateRevocation(outcomes: YearOutcome[]) {
  const byOrg = new Map<string, Map<number, string>>();
  for (const o of outcomes) {
    if (!o.conclusion) continue;
    let years = byOrg.get(o.organizationId);
    if (!years) byOrg.set(o.organizationId, (years = new Map()));
    years.set(o.year, o.conclusion);
  }
  const revocation: RevocationEntry[] = [];
  const warnings: WarningEntry[] = [];
  for (const [organizationId, years] of byOrg) {
    const latest = Math.max(...years.keys());
    const latestConclusion = years.get(latest)!;
    if (!isBadOutcome(latestConclusion)) continue;
    const previous = years.get(latest - 1);
    if (isBadOutcome(previous)) {
      revocation.push({ organizationId, years: [latest - 1, latest], conclusions: [previous!, latestConclusion] });
    } else {
      warnings.push({ organizationId, year: latest, conclusion: latestConclusion });
    }
  }
  return { revocation, warnings };
}

/** The notice an organization gets after a missed or failed year. */
export function badYearNotice(year: number, conclusionLabel: string, previousYearBad: boolean) {
  return previousYearBad
    ? `贵机构${year - 1}年度、${year}年度连续两年未参加年检或年检不合格，已被列入拟撤销登记名单，请立即与登记管理机关联系。`
    : `警告：贵机构${year}年度年检结果为「${conclusionLabel}」。连续两年未参加年检或年检不合格的，将被列入拟撤销登记名单。`;
}
