// Saving and submitting an organization's self-assessment (#14 item 1). A draft keeps whatever
// is filled in; submitting totals it on the scheme, links the project's mid-term / final report
// (it must have been submitted) and moves the evaluation to the experts (AWAITING_REPORT →
// SUBMITTED), with the audit event and a notice to staff, in one transaction.
import { scoreSheet } from "~/modules/indicators/scheme";
import { loadSchemeTree } from "~/modules/indicators/scheme.server";
import { notifyAdmins } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Tx } from "~/utils/db.server";
import { succeed } from "~/utils/write-result";
import { kindLabel, REPORT_LABELS } from "./score";
import type { SelfAssessmentValue } from "./self-assessment";
import { EVALUATION_SUBJECT_TYPE, evaluationWorkflow } from "./workflow";

/** The report an evaluation is filed with: the project's report of that kind, else its latest one due. */
export async function reportFor(tx: Tx, projectId: string, kind: string, now: Date) {
  const ofKind = await tx.grantProgressReport.findFirst({
    where: { projectId, kind },
    orderBy: { sequence: "desc" },
    select: { id: true, status: true, dueAt: true, submittedAt: true, sequence: true },
  });
  if (ofKind) return ofKind;
  return tx.grantProgressReport.findFirst({
    where: { projectId, dueAt: { lte: now } },
    orderBy: { sequence: "desc" },
    select: { id: true, status: true, dueAt: true, submittedAt: true, sequence: true },
  });
}

export async function saveSelfAssessment(input: {
  projectId: string;
  evaluationId: string;
  value: SelfAssessmentValue;
  actorId: string;
  request: Request;
}) {
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    const evaluation = await tx.grantEvaluation.findFirst({
      where: { id: input.evaluationId, projectId: input.projectId },
      select: {
        id: true,
        kind: true,
        round: true,
        status: true,
        schemeId: true,
        project: { select: { projectNo: true, title: true, status: true } },
      },
    });
    if (!evaluation) throw new WorkflowError("未找到该评估", 400);
    if (evaluation.status !== "AWAITING_REPORT") throw new WorkflowError("自评已提交，不能再修改");
    const tree = evaluation.schemeId ? await loadSchemeTree(tx, evaluation.schemeId) : null;
    if (!tree) throw new WorkflowError("该评估的指标体系不存在，请联系工作人员", 409);
    const { scores, conclusion, intent } = input.value;
    await tx.grantEvaluationSelfScore.deleteMany({ where: { evaluationId: evaluation.id } });
    if (scores.length) {
      await tx.grantEvaluationSelfScore.createMany({
        data: scores.map((s) => ({
          evaluationId: evaluation.id,
          leafCode: s.leafCode,
          score: s.score,
          note: JSON.stringify(s.choice),
        })),
      });
    }
    const selfTotal = scoreSheet(tree, new Map(scores.map((s) => [s.leafCode, s.score]))).total;
    await tx.grantEvaluation.update({
      where: { id: evaluation.id },
      data: { selfTotal, conclusion },
      select: { id: true },
    });
    if (intent === "draft") return succeed({ submitted: false });

    const report = await reportFor(tx, input.projectId, evaluation.kind, now);
    if (report && !report.submittedAt) {
      throw new WorkflowError(
        `请先提交${REPORT_LABELS[evaluation.kind] ?? "报告"}（第 ${report.sequence} 期），再提交自评`,
        409,
      );
    }
    await runTransition(tx, {
      workflow: evaluationWorkflow,
      entityType: EVALUATION_SUBJECT_TYPE,
      entityId: evaluation.id,
      from: "AWAITING_REPORT",
      to: "SUBMITTED",
      actor: { id: input.actorId, role: "ORG_MEMBER" },
      reason: `自评 ${selfTotal} 分`,
      request: input.request,
      apply: async () =>
        (
          await tx.grantEvaluation.updateMany({
            where: { id: evaluation.id, status: "AWAITING_REPORT" },
            data: { status: "SUBMITTED", submittedAt: now, reportId: report?.id ?? null },
          })
        ).count,
    });
    await notifyAdmins(tx, {
      title: `${evaluation.project.projectNo} 已提交${kindLabel(evaluation.kind, evaluation.round)}自评`,
      body: `「${evaluation.project.title}」自评 ${selfTotal} 分，请安排评估专家。`,
      link: `/admin/projects/${input.projectId}/evaluations`,
    });
    return succeed({ submitted: true });
  });
}
