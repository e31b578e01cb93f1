// Display helpers shared by the directory's pages. Pure.
import type { ConditionCheck } from "./conditions";

/** The priority markers an entry shows (tax-deductible status only once staff checked it). */
export function markerLabels(e: { markerGrade: boolean; markerProjects: boolean; taxCheckedAt: Date | string | null }) {
  return [
    ...(e.markerGrade ? ["3A 及以上"] : []),
    ...(e.markerProjects ? ["以往项目结项良好以上"] : []),
    ...(e.taxCheckedAt ? ["公益性捐赠税前扣除资格"] : []),
  ];
}

/** The conditions snapshot stored on an entry; empty when unreadable. */
export function parseConditions(json: string): ConditionCheck[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as ConditionCheck[]) : [];
  } catch {
    return [];
  }
}
