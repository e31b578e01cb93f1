// Evaluation results in publicity with objections (#14 item 4) through the shared publicity
// primitive (decision 013): a call's results are one publication, each evaluation in publicity an
// entry. An upheld objection takes the result back (PUBLICITY → SCORED) for staff to correct
// (veto, reopened expert reviews) and publish again; dismissing the last one after the period
// makes the result final at once (finality.server.ts).
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { loadObjectionForDecision, recordObjectionDecision } from "~/modules/publicity/decide.server";
import type { ObjectionTarget } from "~/modules/publicity/file-objection.server";
import { fileObjection } from "~/modules/publicity/file-objection.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Db } from "~/utils/db.server";
import { succeed } from "~/utils/write-result";
import { settleIfEnded } from "./finality.server";
import { kindLabel } from "./score";
import { EVALUATION_SUBJECT_TYPE, evaluationWorkflow } from "./workflow";

/** Publication type of a call's evaluation results. */
export const EVALUATION_PUBLICATION_TYPE = "GrantEvaluationResults";
export const evaluationPublication = (callId: string) => ({ type: EVALUATION_PUBLICATION_TYPE, id: callId });

export function evaluationObjectionTarget(callId: string, evaluationId: string): ObjectionTarget {
  return {
    publication: evaluationPublication(callId),
    entry: { type: EVALUATION_SUBJECT_TYPE, id: evaluationId },
    entryField: "evaluationId",
    entryNoun: "评估结果",
    notOnListMessage: "该项目的评估结果不在公示中，请重新选择",
    async resolve(tx, now) {
      const call = await tx.grantCall.findUnique({ where: { id: callId }, select: { id: true, title: true } });
      if (!call) throw new WorkflowError("未找到该活动", 400);
      const evaluation = await tx.grantEvaluation.findFirst({
        where: { id: evaluationId, status: "PUBLICITY", project: { callId } },
        select: { kind: true, round: true, publicityEndsAt: true, project: { select: { id: true, title: true } } },
      });
      if (!evaluation) return null;
      if (evaluation.publicityEndsAt && evaluation.publicityEndsAt.getTime() < now.getTime())
        throw new WorkflowError("该评估结果的公示期已结束，不再受理异议", 409);
      return {
        publicationTitle: `${call.title}项目评估结果公示`,
        entryLabel: `${evaluation.project.title}（${kindLabel(evaluation.kind, evaluation.round)}）`,
        staffPath: `/admin/projects/${evaluation.project.id}/evaluations`,
      };
    },
  };
}

export function fileEvaluationObjection(
  callId: string,
  evaluationId: string,
  objector: Parameters<typeof fileObjection>[1],
) {
  return fileObjection(evaluationObjectionTarget(callId, evaluationId), objector);
}

/** Objections to one evaluation's result still waiting for staff. */
export function pendingEvaluationObjections(db: Db, callId: string, evaluationId: string) {
  return db.objection.count({
    where: {
      publicationType: EVALUATION_PUBLICATION_TYPE,
      publicationId: callId,
      entryId: evaluationId,
      status: "RECEIVED",
    },
  });
}

/** The objections to one evaluation's result, newest first (staff's page). */
export function evaluationObjections(evaluationId: string) {
  return prisma.objection.findMany({
    where: { publicationType: EVALUATION_PUBLICATION_TYPE, entryId: evaluationId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, contact: true, content: true, status: true, reply: true, createdAt: true },
  });
}

export async function decideEvaluationObjection(input: {
  projectId: string;
  objectionId: string;
  outcome: "UPHELD" | "DISMISSED";
  reply: string;
  actorId: string;
  request: Request;
}) {
  return prisma.$transaction(async (tx) => {
    const project = await tx.grantProject.findUniqueOrThrow({
      where: { id: input.projectId },
      select: { callId: true, organizationId: true, projectNo: true },
    });
    const objection = await loadObjectionForDecision(tx, evaluationPublication(project.callId), input.objectionId);
    const evaluation = await tx.grantEvaluation.findFirst({
      where: { id: objection.entryId, projectId: input.projectId },
      select: { id: true, kind: true, round: true, status: true },
    });
    if (!evaluation) throw new WorkflowError("未找到该异议", 400);
    if (evaluation.status !== "PUBLICITY") throw new WorkflowError("该评估结果已不在公示中，不能再处理异议");
    await recordObjectionDecision(tx, {
      objection,
      outcome: input.outcome,
      reply: input.reply,
      upheldAction: input.outcome === "UPHELD" ? "WITHDRAW_RESULT" : null,
      actorId: input.actorId,
      request: input.request,
    });
    if (input.outcome === "UPHELD") {
      await runTransition(tx, {
        workflow: evaluationWorkflow,
        entityType: EVALUATION_SUBJECT_TYPE,
        entityId: evaluation.id,
        from: "PUBLICITY",
        to: "SCORED",
        actor: { id: input.actorId, role: "ADMIN" },
        reason: input.reply,
        request: input.request,
        apply: async () =>
          (
            await tx.grantEvaluation.updateMany({
              where: { id: evaluation.id, status: "PUBLICITY" },
              data: { status: "SCORED", publicityStartsAt: null, publicityEndsAt: null },
            })
          ).count,
      });
      await notifyOrganization(tx, project.organizationId, {
        title: `${project.projectNo} ${kindLabel(evaluation.kind, evaluation.round)}结果因异议成立撤回公示`,
        body: input.reply,
        link: `/org/projects/${input.projectId}/evaluations`,
      });
    } else {
      // The last objection decided after the period: the result is final now, with its effect.
      await settleIfEnded(tx, evaluation.id, new Date(), input.request);
    }
    return succeed();
  });
}
