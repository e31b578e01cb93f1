// An evaluation's score and grade: the experts' mean total by the scheme, set to 0 by a veto
// (misuse of funds recorded by staff, or a scheme veto the experts' scores triggered), graded by
// the call's bands. And the rule that a report not filed by its deadline is 不合格. Pure.
import { gradeFor, type EvaluationBands, type EvaluationGrade } from "./grades";

export type EvaluationScoreInput = {
  expertTotal: number | null;
  /** staff's record of misuse of funds (挪用、侵占项目资金) */
  vetoReason: string | null;
  /** a scheme veto triggered by the experts' scores, e.g. 专款专用 scored 0 */
  schemeVeto: string | null;
};

export type EvaluationScore = { score: number; grade: EvaluationGrade; veto: string | null };

export function evaluationScore(input: EvaluationScoreInput, bands: EvaluationBands): EvaluationScore | null {
  const veto = input.vetoReason?.trim() ? `一票否决：${input.vetoReason.trim()}` : input.schemeVeto;
  if (veto) return { score: 0, grade: "不合格", veto };
  if (input.expertTotal === null) return null;
  const score = Math.round(input.expertTotal * 10) / 10;
  return { score, grade: gradeFor(score, bands), veto: null };
}

/** The mean of the experts' totals, to one decimal. */
export function meanTotal(totals: number[]) {
  if (totals.length === 0) return null;
  return Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 10) / 10;
}

export const KIND_LABELS: Record<string, string> = { MIDTERM: "中期评估", FINAL: "终期评估" };
export const REPORT_LABELS: Record<string, string> = { MIDTERM: "中期报告", FINAL: "终期报告" };

export function kindLabel(kind: string, round = 1) {
  return `${KIND_LABELS[kind] ?? kind}${round > 1 ? `（第 ${round} 次）` : ""}`;
}

/**
 * Why an evaluation counts as 不合格 because something was not filed by its deadline, or null:
 * the self-assessment (with the report) not submitted by the evaluation's due date, or the
 * linked mid-term / final report not submitted by its own due date. `at` is now; the end of the
 * due day still counts as on time (due dates are stored as the end of the Shanghai day).
 */
export function missingReportReason(
  input: {
    kind: string;
    dueAt: Date;
    submittedAt: Date | null;
    report: { dueAt: Date; submittedAt: Date | null } | null;
  },
  at: Date,
  formatDate: (d: Date) => string,
): string | null {
  const report = REPORT_LABELS[input.kind] ?? "评估报告";
  if (input.report && !input.report.submittedAt && input.report.dueAt.getTime() < at.getTime()) {
    return `${report}未在 ${formatDate(input.report.dueAt)} 前提交，按规定评估结果为不合格`;
  }
  if (!input.submittedAt && input.dueAt.getTime() < at.getTime()) {
    return `${report}及自评未在 ${formatDate(input.dueAt)} 前提交，按规定评估结果为不合格`;
  }
  return null;
}
