// Evaluation grades (优秀 / 良好 / 合格 / 不合格) from a 100-point score by the call's bands
// (GrantCall.evaluationBands, JSON { "优秀": 90, "良好": 80, "合格": 60 }; "{}" or a broken value
// uses the defaults). Pure: the scoring, the publicity page, the gates and the seed read it.
import { z } from "zod";

export const EVALUATION_GRADES = ["优秀", "良好", "合格", "不合格"] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];

/** The lowest score of each passing grade; below 合格 is 不合格. */
export type EvaluationBands = { 优秀: number; 良好: number; 合格: number };

export const DEFAULT_EVALUATION_BANDS: EvaluationBands = { 优秀: 90, 良好: 80, 合格: 60 };

const bandsSchema = z.object({ 优秀: z.number(), 良好: z.number(), 合格: z.number() }).partial();

/** Why these bands cannot be used, in Chinese, or [] when they can. */
export function bandProblems(bands: EvaluationBands): string[] {
  const problems: string[] = [];
  for (const grade of ["优秀", "良好", "合格"] as const) {
    const min = bands[grade];
    if (!Number.isFinite(min) || min <= 0 || min > 100) problems.push(`${grade}最低分应在 1 至 100 之间`);
  }
  if (problems.length) return problems;
  if (!(bands.优秀 > bands.良好 && bands.良好 > bands.合格)) problems.push("最低分须依次为 优秀 > 良好 > 合格");
  return problems;
}

/** The call's bands: its JSON column over the defaults; unusable values fall back to the defaults. */
export function parseBands(json: string | null | undefined): EvaluationBands {
  let raw: unknown = null;
  try {
    raw = JSON.parse(json || "{}");
  } catch {
    raw = null;
  }
  const parsed = bandsSchema.safeParse(raw);
  if (!parsed.success) return DEFAULT_EVALUATION_BANDS;
  const bands = { ...DEFAULT_EVALUATION_BANDS, ...parsed.data };
  return bandProblems(bands).length ? DEFAULT_EVALUATION_BANDS : bands;
}

/** The grade of a score (a vetoed evaluation scores 0, hence 不合格). */
export function gradeFor(score: number, bands: EvaluationBands = DEFAULT_EVALUATION_BANDS): EvaluationGrade {
  if (score >= bands.优秀) return "优秀";
  if (score >= bands.良好) return "良好";
  if (score >= bands.合格) return "合格";
  return "不合格";
}

/** 合格 or better: what meets a tranche gate. */
export function isPassingGrade(grade: string | null | undefined): boolean {
  return grade === "优秀" || grade === "良好" || grade === "合格";
}

/** "优秀 ≥ 90 · 良好 80–89.9 · 合格 60–79.9 · 不合格 < 60" for the pages. */
export function describeBands(bands: EvaluationBands) {
  return `优秀 ≥ ${bands.优秀} · 良好 ${bands.良好}–${bands.优秀} 以下 · 合格 ${bands.合格}–${bands.良好} 以下 · 不合格 < ${bands.合格}`;
}
