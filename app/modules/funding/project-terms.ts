// What a funded project carries over from its application at confirmation. Pure.

/** e.g. GY2026-007: the call year and the project's number within that year. */
export function projectNumber(year: number, rank: number) {
  return `GY${year}-${String(rank).padStart(3, "0")}`;
}

/**
 * The grant's part of each budget line, scaled to the award when it is less than
 * requested: each line rounded down, the remainder to the largest line, so the
 * lines add up exactly to the award.
 */
export function scaleBudgetLines<L extends { requestedFen: number }>(lines: L[], awardFen: number) {
  const requested = lines.reduce((sum, l) => sum + l.requestedFen, 0);
  if (requested === 0 || requested === awardFen) return lines.map((l) => ({ ...l, plannedFen: l.requestedFen }));
  const scaled = lines.map((l) => ({ ...l, plannedFen: Math.floor((l.requestedFen * awardFen) / requested) }));
  const remainder = awardFen - scaled.reduce((sum, l) => sum + l.plannedFen, 0);
  if (scaled.length > 0 && remainder !== 0) {
    let largest = 0;
    scaled.forEach((l, i) => {
      if (l.requestedFen > scaled[largest]!.requestedFen) largest = i;
    });
    scaled[largest]!.plannedFen += remainder;
  }
  return scaled;
}

/** The first number in a KPI target ("服务 200 人次" → 200, unit "人次"); null when there is none. */
export function parseKpiTarget(target: string): { value: number | null; unit: string | null } {
  const match = /(\d+(?:\.\d+)?)\s*([^\d\s，。,.;；]*)/.exec(target.replace(/,/g, ""));
  if (!match) return { value: null, unit: null };
  return { value: Number(match[1]), unit: match[2] ? match[2] : null };
}
