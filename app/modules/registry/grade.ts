// Rating grades (社会组织评估, 1A–5A) and their validity (docs/DOMAIN.md "Rating").
// Pure: used by the registry writes, the seed and the public pages.
import { shanghaiEndOfDay, shanghaiMidnight, shanghaiParts } from "~/utils/dates";

export const GRADES = [5, 4, 3, 2, 1] as const;
export type Grade = (typeof GRADES)[number];

export function isGrade(value: unknown): value is Grade {
  return typeof value === "number" && (GRADES as readonly number[]).includes(value);
}

/** 5 → "5A"; null → "无等级". */
export function gradeLabel(grade: number | null | undefined) {
  return grade != null && isGrade(grade) ? `${grade}A` : "无等级";
}

/** How many calendar years a grade stays valid, counted from 1 January after the announcement. */
export const GRADE_VALID_YEARS = 5;

/**
 * Validity of a grade announced on `announcedAt`: from 1 January of the next
 * year (Shanghai) to the end of 31 December of the 5th year.
 * Announced 2025-06-10 → 2026-01-01 00:00 to 2030-12-31 23:59:59.999.
 */
export function gradeValidity(announcedAt: Date) {
  const { year } = shanghaiParts(announcedAt);
  return {
    validFrom: shanghaiMidnight(year + 1, 1, 1),
    validTo: shanghaiEndOfDay(year + GRADE_VALID_YEARS, 12, 31),
  };
}

export type GradeRow = { grade: number; announcedAt: Date; validFrom: Date; validTo: Date };

/**
 * The grade row in force at `at`: valid on that day; when two overlap (a
 * re-rating within the first 4 years) the later announcement wins. Null when
 * no grade is in force, e.g. after the last one has expired.
 */
export function gradeRowInForce<R extends GradeRow>(rows: R[], at: Date): R | null {
  let chosen: R | null = null;
  for (const row of rows) {
    if (row.validFrom.getTime() > at.getTime() || row.validTo.getTime() < at.getTime()) continue;
    if (!chosen || row.announcedAt.getTime() > chosen.announcedAt.getTime()) chosen = row;
  }
  return chosen;
}

export function gradeInForce(rows: GradeRow[], at: Date): number | null {
  return gradeRowInForce(rows, at)?.grade ?? null;
}
