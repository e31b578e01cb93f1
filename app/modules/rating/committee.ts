// The 评估委员会's rules (../shared/DOMAIN.md "Rating"): the meeting needs at
// least 2/3 of its members present, a vote passes with more than half of ALL
// members (not of those present), and the final score gives the grade by the
// round's bands after the scheme's caps and vetoes. Pure.
import type { ScoreSheet } from "~/modules/indicators/scheme";
import { gradeLabel } from "~/modules/registry/grade";
import { gradeForScore, type Band } from "./bands";

/** At least two thirds of the committee present (integers: 3 × present ≥ 2 × members). */
export function quorumMet(present: number, members: number) {
  return members > 0 && present <= members && 3 * present >= 2 * members;
}

/** The fewest members who make a quorum. */
export function quorumOf(members: number) {
  return Math.ceil((2 * members) / 3);
}

/** More than half of all members voted in favour. */
export function votePasses(inFavor: number, members: number) {
  return 2 * inFavor > members;
}

/** Why a vote's numbers cannot be right, or null. */
export function voteProblem(vote: { inFavor: number; against: number; abstain: number }, present: number) {
  if ([vote.inFavor, vote.against, vote.abstain].some((n) => !Number.isInteger(n) || n < 0)) return "票数须为非负整数";
  if (vote.inFavor + vote.against + vote.abstain > present)
    return `赞成、反对、弃权票之和不能超过出席人数（${present}）`;
  return null;
}

/**
 * The leaf scores the final sheet uses: the committee's where it gave one,
 * else the mean of the experts' scores of that leaf (to one decimal).
 */
export function finalLeafScores(expertScores: Map<string, number[]>, committee: Map<string, number>) {
  const result = new Map<string, number>();
  for (const [code, scores] of expertScores) {
    if (scores.length === 0) continue;
    const tenths = scores.reduce((sum, s) => sum + Math.round(s * 10), 0);
    result.set(code, Math.round(tenths / scores.length) / 10);
  }
  for (const [code, score] of committee) result.set(code, score);
  return result;
}

export type GradeDecision = { score: number; bandGrade: number | null; grade: number | null; note: string | null };

/** The grade a sheet earns: the band of its total, then lowered to a cap; a veto gives no grade. */
export function gradeOfSheet(bands: Band[], sheet: Pick<ScoreSheet, "total" | "vetoed" | "cap">): GradeDecision {
  if (sheet.vetoed)
    return { score: sheet.total, bandGrade: null, grade: null, note: `一票否决：${sheet.vetoed.label}` };
  const bandGrade = gradeForScore(bands, sheet.total);
  if (bandGrade != null && sheet.cap && bandGrade > sheet.cap.maxLevel) {
    return {
      score: sheet.total,
      bandGrade,
      grade: sheet.cap.maxLevel,
      note: `${sheet.cap.label}（按分数为${gradeLabel(bandGrade)}，定为${gradeLabel(sheet.cap.maxLevel)}）`,
    };
  }
  return {
    score: sheet.total,
    bandGrade,
    grade: bandGrade,
    note: bandGrade == null ? "总分低于 1A 最低分，不予定级" : null,
  };
}
