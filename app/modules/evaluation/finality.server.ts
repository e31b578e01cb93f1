// A result becoming final and what it does (#14 items 4–5, decision 026). Nobody clicks "final":
// a result in publicity is final once its period has ended with no objection waiting
// (publicity-end.ts). Reads that show results or gates call settleEndedPublicity first, which
// writes what time has decided, attributed to the system, each evaluation in its own
// transaction through runTransition; deciding the last pending objection after the period
// settles in the same transaction (settleIfEnded). The effect of a final result is applyGate's.
import { terminateProject } from "~/modules/funding/termination.server";
import { meetTrancheGates } from "~/modules/funding/tranches.server";
import { notifyAdmins, notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError, type Actor } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { gateEffect } from "./gates";
import { publicityEnd } from "./publicity-end";
import { EVALUATION_PUBLICATION_TYPE } from "./publicity.server";
import { endRectification } from "./rectification.server";
import { kindLabel } from "./score";
import { EVALUATION_SUBJECT_TYPE, evaluationWorkflow } from "./workflow";

type ActorInput = { id: string | null; role: Actor };
const SYSTEM: ActorInput = { id: null, role: "SYSTEM" };

/** Projects whose money and standing a result can no longer change (ended before it became final). */
const ENDED_PROJECT_STATES = new Set(["TERMINATED", "WITHDRAWN", "CLOSED"]);

/**
 * The result's effect once final: open the tranche gate (and end a rectification the
 * re-evaluation passed); after a final 不合格 the project ends (terminateProject with the
 * final-fail cause: unpaid tranches stopped, so the last one is never released, the
 * application ended, the ban); after a mid-term 不合格 staff are asked to decide.
 */
export async function applyGate(
  tx: Tx,
  evaluation: {
    projectId: string;
    kind: string;
    round: number;
    grade: string | null;
    score: number | null;
    project: { status: string };
  },
  at: Date,
  actor: ActorInput,
  request?: Request,
) {
  const effect = gateEffect(evaluation.kind, evaluation.grade);
  const label = kindLabel(evaluation.kind, evaluation.round);
  if (evaluation.kind === "FINAL")
    await tx.grantProject.update({
      where: { id: evaluation.projectId },
      data: { finalGrade: evaluation.grade },
      select: { id: true },
    });
  // A project terminated while its result was in publicity keeps the result, not its effect.
  if (ENDED_PROJECT_STATES.has(evaluation.project.status)) return effect;
  if (effect.kind === "OPEN_GATE") {
    if (evaluation.project.status === "RECTIFYING")
      await endRectification(tx, {
        projectId: evaluation.projectId,
        reason: `${label}结果「${evaluation.grade}」，整改合格`,
        actor,
        request,
      });
    await meetTrancheGates(tx, {
      projectId: evaluation.projectId,
      trigger: effect.trigger,
      at,
      actor,
      reason: `${label}结果「${evaluation.grade}」已生效`,
      request,
    });
  } else if (effect.kind === "FINAL_FAILED") {
    const scored = evaluation.score != null ? `得分 ${evaluation.score}，` : "";
    await terminateProject(tx, {
      projectId: evaluation.projectId,
      reason: `终期评估不合格（${scored}${formatDate(at)}生效），尾款不予拨付，项目不予结项`,
      clawbackFen: 0,
      dueAt: null,
      cause: "FINAL_FAIL",
      actor,
      request,
      now: at,
    });
  } else {
    await notifyAdmins(tx, {
      title: `中期评估不合格，请决定整改、停止拨付或终止项目`,
      body: `项目评估结果已生效，等级 不合格。`,
      link: `/admin/projects/${evaluation.projectId}/evaluations`,
    });
  }
  return effect;
}

const settleSelect = {
  id: true,
  projectId: true,
  kind: true,
  round: true,
  status: true,
  grade: true,
  score: true,
  publicityEndsAt: true,
  project: { select: { projectNo: true, organizationId: true, callId: true, status: true } },
} as const satisfies Prisma.GrantEvaluationSelect;

/**
 * PUBLICITY → FINAL when the period is over with no objection pending, in the caller's
 * transaction, attributed to the system, with its effect and the organization told. Returns
 * whether it settled; a result still open or waiting for objections is left as it is.
 */
export async function settleIfEnded(tx: Tx, evaluationId: string, now: Date, request?: Request) {
  const evaluation = await tx.grantEvaluation.findUnique({ where: { id: evaluationId }, select: settleSelect });
  if (!evaluation || evaluation.status !== "PUBLICITY") return false;
  const objectionsOf = {
    publicationType: EVALUATION_PUBLICATION_TYPE,
    publicationId: evaluation.project.callId,
    entryId: evaluation.id,
  };
  const pending = await tx.objection.count({ where: { ...objectionsOf, status: "RECEIVED" } });
  const last = await tx.objection.findFirst({
    where: { ...objectionsOf, decidedAt: { not: null } },
    orderBy: { decidedAt: "desc" },
    select: { decidedAt: true },
  });
  const end = publicityEnd(
    {
      status: evaluation.status,
      publicityEndsAt: evaluation.publicityEndsAt,
      pendingObjections: pending,
      lastObjectionDecidedAt: last?.decidedAt ?? null,
    },
    now,
  );
  if (end.kind !== "FINAL") return false;
  await runTransition(tx, {
    workflow: evaluationWorkflow,
    entityType: EVALUATION_SUBJECT_TYPE,
    entityId: evaluation.id,
    from: "PUBLICITY",
    to: "FINAL",
    actor: SYSTEM,
    reason: `公示期于${formatDate(evaluation.publicityEndsAt)}届满，无待处理的异议，结果确定`,
    request,
    apply: async () =>
      (
        await tx.grantEvaluation.updateMany({
          where: { id: evaluation.id, status: "PUBLICITY" },
          data: { status: "FINAL", finalAt: end.finalAt },
        })
      ).count,
  });
  const effect = await applyGate(tx, evaluation, end.finalAt, SYSTEM, request);
  await notifyOrganization(tx, evaluation.project.organizationId, {
    title: `${evaluation.project.projectNo} ${kindLabel(evaluation.kind, evaluation.round)}结果已生效：${evaluation.grade}`,
    body:
      effect.kind === "OPEN_GATE"
        ? "公示期满，下一笔资金已达到拨付条件。"
        : effect.kind === "FINAL_FAILED"
          ? "公示期满，终期评估不合格：尾款不予拨付，项目终止，不能结项。"
          : "公示期满，评估不合格，请留意后续处理决定。",
    link: `/org/projects/${evaluation.projectId}/evaluations`,
  });
  return true;
}

export type SettleScope =
  | { projectId: string }
  | { callId: string }
  | { organizationId: string }
  // Lists across calls (public projects, statistics, open data): every result due, still few rows.
  | { all: true };

/**
 * Settles every result in `scope` whose publicity period has ended (status index, few rows):
 * called first by the reads that show results, project states or gates, so they see what
 * time has decided without anyone clicking. Each evaluation settles in its own transaction;
 * one that cannot (a race already settled it, or a workflow refuses) is left for the next read.
 */
export async function settleEndedPublicity(scope: SettleScope, now = new Date()) {
  const where: Prisma.GrantEvaluationWhereInput =
    "all" in scope
      ? {}
      : "projectId" in scope
        ? { projectId: scope.projectId }
        : "callId" in scope
          ? { project: { callId: scope.callId } }
          : { project: { organizationId: scope.organizationId } };
  const due = await prisma.grantEvaluation.findMany({
    where: { status: "PUBLICITY", publicityEndsAt: { lt: now }, ...where },
    orderBy: { publicityEndsAt: "asc" },
    select: { id: true },
    take: 50,
  });
  let settled = 0;
  for (const { id } of due) {
    try {
      if (await prisma.$transaction((tx) => settleIfEnded(tx, id, now))) settled += 1;
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error;
      console.error(`evaluation ${id}: publicity end not settled: ${error.message}`);
    }
  }
  return settled;
}
