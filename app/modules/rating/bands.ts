// Grade bands of a round (等级分数线): the lowest score of each grade on the round's scale,
// 5A first, down to the 1A floor below which no grade is given. Kept as data on the round
// (RatingRound.bands, JSON), defaulted from the rule values in force.
import { z } from "zod";
import type { RuleValues } from "~/modules/config/rules";

export type Band = { grade: number; min: number };

export const BAND_GRADES = [5, 4, 3, 2, 1] as const;

const bandsSchema = z.array(z.object({ grade: z.number().int(), min: z.number() }));

/** The default bands from the rule values in force (5A ≥ 900 … 1A ≥ floor on 1000 points). */
export function defaultBands(
  rules: Pick<
    RuleValues,
    "rating.band5Min" | "rating.band4Min" | "rating.band3Min" | "rating.band2Min" | "rating.band1Min"
  >,
): Band[] {
  return [
    { grade: 5, min: rules["rating.band5Min"] },
    { grade: 4, min: rules["rating.band4Min"] },
    { grade: 3, min: rules["rating.band3Min"] },
    { grade: 2, min: rules["rating.band2Min"] },
    { grade: 1, min: rules["rating.band1Min"] },
  ];
}

/**
 * Why a set of bands cannot be used, in Chinese, or [] when it can: one band per grade 5A…1A,
 * each minimum a whole or half point between 0 and the scale, strictly lower grade by grade.
 */
export function validateBands(bands: Band[], scale = 1000): string[] {
  const errors: string[] = [];
  const grades = bands.map((b) => b.grade);
  if (grades.join() !== BAND_GRADES.join()) return ["须依次设置 5A、4A、3A、2A、1A 五个等级的最低分"];
  for (const band of bands) {
    if (!Number.isFinite(band.min) || band.min < 0 || band.min > scale) {
      errors.push(`${band.grade}A 最低分应在 0 至 ${scale} 之间`);
    }
  }
  for (let i = 1; i < bands.length; i++) {
    if (!(bands[i].min < bands[i - 1].min)) {
      errors.push(`${bands[i].grade}A 最低分应低于 ${bands[i - 1].grade}A 最低分（${bands[i - 1].min}）`);
    }
  }
  return errors;
}

/** The grade a score reaches under these bands, or null below the 1A floor. */
export function gradeForScore(bands: Band[], score: number): number | null {
  for (const band of [...bands].sort((a, b) => b.min - a.min)) if (score >= band.min) return band.grade;
  return null;
}

/** The bands stored on a round; [] when the column cannot be read. */
export function parseBands(json: string): Band[] {
  try {
    const parsed = bandsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** "5A ≥ 900；4A 800–899.9；…" for a round's summary. */
export function describeBands(bands: Band[]): string[] {
  return bands.map((band, i) =>
    i === 0 ? `${band.grade}A：${band.min} 分及以上` : `${band.grade}A：${band.min} 分至 ${bands[i - 1].min} 分以下`,
  );
}
