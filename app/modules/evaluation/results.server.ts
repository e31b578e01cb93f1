// Staff's steps on an evaluation's result (#14 items 2–5): record a veto (misuse of funds, score
// 0), publish the result for the call's publicity days, and make an evaluation whose report was
// not filed by its deadline final as 不合格 with the reason. Each is one transaction with its
// audit event and notices. The result becomes final after the publicity period by itself
// (finality.server.ts, decision 026), with the same effect (applyGate).
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { addDays, shanghaiEndOfDay, shanghaiParts } from "~/utils/dates";
import { prisma, type Tx } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { succeed } from "~/utils/write-result";
import { applyGate } from "./finality.server";
import { kindLabel, missingReportReason } from "./score";
import { computeResult } from "./scoring.server";
import { reportFor } from "./self-assessment.server";
import { EVALUATION_SUBJECT_TYPE, evaluationWorkflow, type EvaluationState } from "./workflow";

type Who = { actorId: string; request: Request };

const select = {
  id: true,
  projectId: true,
  kind: true,
  round: true,
  status: true,
  grade: true,
  score: true,
  dueAt: true,
  submittedAt: true,
  publicityEndsAt: true,
  project: {
    select: {
      projectNo: true,
      title: true,
      organizationId: true,
      callId: true,
      status: true,
      call: { select: { evaluationPublicityDays: true } },
    },
  },
} as const;

async function load(tx: Tx, projectId: string, evaluationId: string) {
  const evaluation = await tx.grantEvaluation.findFirst({ where: { id: evaluationId, projectId }, select });
  if (!evaluation) throw new WorkflowError("未找到该评估", 400);
  return evaluation;
}

function move(
  tx: Tx,
  id: string,
  from: EvaluationState,
  to: EvaluationState,
  data: object,
  actor: Who,
  reason?: string,
) {
  return runTransition(tx, {
    workflow: evaluationWorkflow,
    entityType: EVALUATION_SUBJECT_TYPE,
    entityId: id,
    from,
    to,
    actor: { id: actor.actorId, role: "ADMIN" },
    reason,
    request: actor.request,
    apply: async () =>
      (await tx.grantEvaluation.updateMany({ where: { id, status: from }, data: { status: to, ...data } })).count,
  });
}

/** Staff record misuse of funds: the evaluation scores 0 (不合格) whatever the experts gave. */
export async function recordVeto(input: Who & { projectId: string; evaluationId: string; reason: string }) {
  return prisma.$transaction(async (tx) => {
    const evaluation = await load(tx, input.projectId, input.evaluationId);
    if (!["SUBMITTED", "SCORED"].includes(evaluation.status))
      throw new WorkflowError("只有专家评审中或待公示的评估可以记录一票否决");
    await tx.grantEvaluation.update({
      where: { id: evaluation.id },
      data: { vetoReason: input.reason, vetoedAt: new Date() },
      select: { id: true },
    });
    const computed = await computeResult(tx, evaluation.id);
    if (computed?.result) {
      await tx.grantEvaluation.update({
        where: { id: evaluation.id },
        data: { score: computed.result.score, grade: computed.result.grade },
        select: { id: true },
      });
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "grant_evaluation.veto",
      entityType: EVALUATION_SUBJECT_TYPE,
      entityId: evaluation.id,
      reason: `一票否决（挪用、侵占项目资金）：${input.reason}`,
      request: input.request,
    });
    await notifyOrganization(tx, evaluation.project.organizationId, {
      title: `${evaluation.project.projectNo} ${kindLabel(evaluation.kind, evaluation.round)}被一票否决`,
      body: input.reason,
      link: `/org/projects/${evaluation.projectId}/evaluations`,
    });
    return succeed();
  });
}

/** SCORED → PUBLICITY for the call's publicity days (end of the last day). */
export async function publishResult(input: Who & { projectId: string; evaluationId: string }) {
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    const evaluation = await load(tx, input.projectId, input.evaluationId);
    if (!evaluation.grade) throw new WorkflowError("尚无评估结果，不能公示");
    const last = shanghaiParts(addDays(now, evaluation.project.call.evaluationPublicityDays));
    const endsAt = shanghaiEndOfDay(last.year, last.month, last.day);
    await move(tx, evaluation.id, "SCORED", "PUBLICITY", { publicityStartsAt: now, publicityEndsAt: endsAt }, input);
    const label = kindLabel(evaluation.kind, evaluation.round);
    await notifyOrganization(tx, evaluation.project.organizationId, {
      title: `${evaluation.project.projectNo} ${label}结果公示`,
      body: `得分 ${evaluation.score}，等级 ${evaluation.grade}；公示至 ${formatDate(endsAt)}，期满无异议后生效。`,
      link: `/org/projects/${evaluation.projectId}/evaluations`,
    });
    return succeed({ endsAt });
  });
}

/**
 * A report or self-assessment not filed by its deadline: the evaluation is final as 不合格 with
 * the reason (AWAITING_REPORT → FINAL), and the result has its effect. Refused while nothing is late.
 */
export async function applyMissingReport(input: Who & { projectId: string; evaluationId: string }) {
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    const evaluation = await load(tx, input.projectId, input.evaluationId);
    if (evaluation.status !== "AWAITING_REPORT") throw new WorkflowError("该评估已提交自评，不适用逾期不合格");
    const report = await reportFor(tx, evaluation.projectId, evaluation.kind, now);
    const reason = missingReportReason(
      { kind: evaluation.kind, dueAt: evaluation.dueAt, submittedAt: evaluation.submittedAt, report },
      now,
      formatDate,
    );
    if (!reason) throw new WorkflowError(`报告及自评的提交期限是 ${formatDate(evaluation.dueAt)}，尚未逾期`);
    await move(
      tx,
      evaluation.id,
      "AWAITING_REPORT",
      "FINAL",
      { grade: "不合格", score: 0, conclusion: reason, finalAt: now },
      input,
      reason,
    );
    await applyGate(
      tx,
      { ...evaluation, grade: "不合格", score: 0 },
      now,
      { id: input.actorId, role: "ADMIN" },
      input.request,
    );
    await notifyOrganization(tx, evaluation.project.organizationId, {
      title: `${evaluation.project.projectNo} ${kindLabel(evaluation.kind, evaluation.round)}评为不合格`,
      body: reason,
      link: `/org/projects/${evaluation.projectId}/evaluations`,
    });
    return succeed();
  });
}

/** SUBMITTED → AWAITING_REPORT: staff send the self-assessment back with what to correct. */
export async function returnSelfAssessment(input: Who & { projectId: string; evaluationId: string; reason: string }) {
  return prisma.$transaction(async (tx) => {
    const evaluation = await load(tx, input.projectId, input.evaluationId);
    const started = await tx.reviewAssignment.count({
      where: {
        subjectType: EVALUATION_SUBJECT_TYPE,
        subjectId: evaluation.id,
        status: { in: ["DRAFTED", "SUBMITTED"] },
      },
    });
    if (started > 0) throw new WorkflowError("评估专家已开始评分，不能退回自评");
    await move(tx, evaluation.id, "SUBMITTED", "AWAITING_REPORT", { submittedAt: null }, input, input.reason);
    await notifyOrganization(tx, evaluation.project.organizationId, {
      title: `${evaluation.project.projectNo} ${kindLabel(evaluation.kind, evaluation.round)}自评被退回`,
      body: input.reason,
      link: `/org/projects/${evaluation.projectId}/evaluations`,
    });
    return succeed();
  });
}
