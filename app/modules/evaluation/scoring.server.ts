// Scoring an evaluation (#14 items 1–2): when the last active expert submits, the experts' mean
// total by the scheme, the record-derived items as they stand, any veto (staff's record of misuse
// of funds, or a scheme veto the experts' scores triggered) and the grade by the call's bands
// are stored, and the evaluation waits for staff to publish it (SUBMITTED → SCORED).
import { scoreSheet, type SchemeTree } from "~/modules/indicators/scheme";
import { loadSchemeTree } from "~/modules/indicators/scheme.server";
import { notifyAdmins } from "~/modules/notifications/notifications.server";
import { ACTIVE_ASSIGNMENT_STATES } from "~/modules/review/assignment-workflow";
import type { Actor } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import type { Tx } from "~/utils/db.server";
import { parseBands } from "./grades";
import { readRecordItems } from "./record.server";
import { evaluationScore, kindLabel, meanTotal } from "./score";
import { EVALUATION_SUBJECT_TYPE, evaluationWorkflow } from "./workflow";

/** Each active expert's score sheet, once all of them have submitted; null before. */
async function expertSheets(tx: Tx, evaluationId: string, tree: SchemeTree) {
  const assignments = await tx.reviewAssignment.findMany({
    where: { subjectType: EVALUATION_SUBJECT_TYPE, subjectId: evaluationId, status: { in: ACTIVE_ASSIGNMENT_STATES } },
    select: { status: true, scores: { select: { criterionId: true, score: true } } },
  });
  if (assignments.length === 0 || assignments.some((a) => a.status !== "SUBMITTED")) return null;
  return assignments.map((a) => scoreSheet(tree, new Map(a.scores.map((s) => [s.criterionId, s.score]))));
}

const evaluationSelect = {
  id: true,
  kind: true,
  round: true,
  status: true,
  schemeId: true,
  reportId: true,
  vetoReason: true,
  projectId: true,
  project: { select: { projectNo: true, title: true, call: { select: { evaluationBands: true } } } },
} as const;

/**
 * Recomputes score, grade and the record items of an evaluation from the experts' submitted
 * scores and the veto. Returns null while an expert has not submitted.
 */
export async function computeResult(tx: Tx, evaluationId: string, now = new Date()) {
  const evaluation = await tx.grantEvaluation.findUniqueOrThrow({
    where: { id: evaluationId },
    select: evaluationSelect,
  });
  const tree = evaluation.schemeId ? await loadSchemeTree(tx, evaluation.schemeId) : null;
  if (!tree) return null;
  const sheets = await expertSheets(tx, evaluation.id, tree);
  if (!sheets) return null;
  const expertTotal = meanTotal(sheets.map((s) => s.total));
  // The scheme's veto counts when most experts' scores trigger it (one expert alone does not decide).
  const vetoes = sheets.filter((s) => s.vetoed);
  const schemeVeto = vetoes.length * 2 > sheets.length ? (vetoes[0]!.vetoed!.label ?? null) : null;
  const record = await readRecordItems(tx, evaluation.projectId, evaluation.reportId, now);
  const result = evaluationScore(
    { expertTotal, vetoReason: evaluation.vetoReason, schemeVeto },
    parseBands(evaluation.project.call.evaluationBands),
  );
  return { evaluation, expertTotal, record, result };
}

/** The panel kind's hook: runs in the transaction of each expert's submission. */
export async function onExpertSubmitted(tx: Tx, assignment: { subjectId: string; reviewerId: string }) {
  const computed = await computeResult(tx, assignment.subjectId);
  if (!computed || !computed.result) return;
  const { evaluation, expertTotal, record, result } = computed;
  const data = {
    expertTotal,
    score: result.score,
    grade: result.grade,
    recordItems: JSON.stringify(record),
  };
  if (evaluation.status === "SCORED") {
    // A reopened review was submitted again: the result changes, the state does not.
    await tx.grantEvaluation.update({ where: { id: evaluation.id }, data, select: { id: true } });
    return;
  }
  if (evaluation.status !== "SUBMITTED") return;
  await moveToScored(tx, evaluation.id, data, { id: assignment.reviewerId, role: "REVIEWER" });
  await notifyAdmins(tx, {
    title: `${evaluation.project.projectNo} ${kindLabel(evaluation.kind, evaluation.round)}专家评分已完成`,
    body: `「${evaluation.project.title}」得分 ${result.score}，等级 ${result.grade}${result.veto ? `（${result.veto}）` : ""}，请核对后公示。`,
    link: `/admin/projects/${evaluation.projectId}/evaluations`,
  });
}

async function moveToScored(
  tx: Tx,
  evaluationId: string,
  data: { expertTotal: number | null; score: number; grade: string; recordItems: string },
  actor: { id: string; role: Actor },
) {
  await runTransition(tx, {
    workflow: evaluationWorkflow,
    entityType: EVALUATION_SUBJECT_TYPE,
    entityId: evaluationId,
    from: "SUBMITTED",
    to: "SCORED",
    actor,
    reason: `得分 ${data.score}，等级 ${data.grade}`,
    apply: async () =>
      (
        await tx.grantEvaluation.updateMany({
          where: { id: evaluationId, status: "SUBMITTED" },
          data: { status: "SCORED", ...data },
        })
      ).count,
  });
}
