// Ending a project early (终止) and the bans that follow (#14 items 6–7). The
// evaluation module calls terminateProject when staff choose termination after a
// mid-term 不合格, and with the final-fail cause when a final 不合格 becomes final
// (decision 026); staff may also terminate a project for a breach from its 结项 tab. Each runs inside the
// caller's transaction so the project, application, tranches, clawback and ban
// change together or not at all. Every ban is made here (createBan), and a terminated
// project's paid money may still be clawed back later (claimBackAfterEnd).
import { recordAudit } from "~/modules/audit/audit.server";
import { getRules } from "~/modules/config/rules.server";
import { removeFromDirectory } from "~/modules/directory/removal.server";
import { EVALUATION_SUBJECT_TYPE, evaluationWorkflow, type EvaluationState } from "~/modules/evaluation/workflow";
import { grantApplicationWorkflow } from "~/modules/grants/applications/application-workflow";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError, type Actor } from "~/modules/workflow/state-machine";
import { runBulkTransition, runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Tx } from "~/utils/db.server";
import { formatDate, formatFen } from "~/utils/format";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { BAN_CAUSES, banWindow } from "./bans";
import { GRANT_PROJECT_ENTITY } from "./create-projects.server";
import { assertProjectOpen } from "./frozen.server";
import { grantProjectWorkflow, type GrantProjectState } from "./project-workflow";
import { clawbackProblem, laterClawbackProblem, mayClawBackAfterEnd } from "./refunds";
import { createClawback } from "./refunds.server";
import { trancheWorkflow, type TrancheState } from "./tranche-workflow";

export const GRANT_BAN_ENTITY = "GrantBan";
export const GRANT_TRANCHE_ENTITY = "GrantTranche";

type ActorInput = { id: string | null; role: Actor };

/** Tranches not yet paid or stopped: the ones a termination stops. */
const OPEN_TRANCHE_STATES: TrancheState[] = ["PLANNED", "PAYABLE", "WITHHELD"];
/** Evaluations a termination cancels (the workflow's 取消评估 moves; one in publicity runs its course). */
const CANCELLABLE_EVALUATION_STATES: EvaluationState[] = ["AWAITING_REPORT", "SUBMITTED", "SCORED"];

/** What has been paid to the project so far, in 分. */
export async function paidFenOf(tx: Tx, projectId: string) {
  const paid = await tx.grantTranche.aggregate({
    where: { projectId, status: "PAID" },
    _sum: { amountFen: true },
  });
  return paid._sum.amountFen ?? 0;
}

/**
 * Terminates a running project: project → TERMINATED, its application → TERMINATED,
 * every open tranche → STOPPED, a CLAWBACK refund of `clawbackFen` (when above 0,
 * at most what was paid) due on `dueAt`, and a ban of `funding.banYears` years.
 */
export async function terminateProject(
  tx: Tx,
  input: {
    projectId: string;
    reason: string;
    clawbackFen: number;
    dueAt: Date | null;
    actor: ActorInput;
    request?: Request;
    now?: Date;
    /** why the organization is barred: staff's termination, or a final 不合格 that became final */
    cause?: keyof typeof BAN_CAUSES;
  },
) {
  const now = input.now ?? new Date();
  const cause = input.cause ?? "TERMINATED";
  const reason = input.reason.trim();
  const project = await tx.grantProject.findUniqueOrThrow({
    where: { id: input.projectId },
    select: {
      id: true,
      title: true,
      status: true,
      organizationId: true,
      application: { select: { id: true, status: true } },
      tranches: { where: { status: { in: OPEN_TRANCHE_STATES } }, select: { id: true, status: true } },
    },
  });
  const problem = clawbackProblem(input.clawbackFen, await paidFenOf(tx, project.id));
  if (problem) throw new WorkflowError(problem, 400);
  if (input.clawbackFen > 0 && !input.dueAt) throw new WorkflowError("请填写追回款项的退回期限", 400);

  await runTransition(tx, {
    workflow: grantProjectWorkflow,
    entityType: GRANT_PROJECT_ENTITY,
    entityId: project.id,
    from: project.status as GrantProjectState,
    to: "TERMINATED",
    actor: input.actor,
    reason,
    request: input.request,
    apply: async () =>
      (
        await tx.grantProject.updateMany({
          where: { id: project.id, status: project.status },
          data: { status: "TERMINATED", endedReason: reason },
        })
      ).count,
  });

  if (project.application.status === "IN_PROGRESS") {
    await runTransition(tx, {
      workflow: grantApplicationWorkflow,
      entityType: "GrantApplication",
      entityId: project.application.id,
      from: "IN_PROGRESS",
      to: "TERMINATED",
      actor: input.actor,
      reason,
      request: input.request,
      apply: async () =>
        (
          await tx.grantApplication.updateMany({
            where: { id: project.application.id, status: "IN_PROGRESS" },
            data: { status: "TERMINATED" },
          })
        ).count,
    });
  }

  if (project.tranches.length > 0) {
    const stopReason = `项目终止：${reason}`;
    await runBulkTransition(tx, {
      workflow: trancheWorkflow,
      entityType: GRANT_TRANCHE_ENTITY,
      entities: project.tranches.map((t) => ({ id: t.id, from: t.status as TrancheState })),
      to: "STOPPED",
      actor: input.actor,
      reason: stopReason,
      request: input.request,
      apply: async (from, ids) =>
        (
          await tx.grantTranche.updateMany({
            where: { id: { in: ids }, status: from },
            data: { status: "STOPPED", holdReason: stopReason },
          })
        ).count,
    });
  }

  // Nothing is left to evaluate: an evaluation still under way would keep asking the
  // organization for a self-assessment and the experts for scores.
  const openEvaluations = await tx.grantEvaluation.findMany({
    where: { projectId: project.id, status: { in: CANCELLABLE_EVALUATION_STATES } },
    select: { id: true, status: true },
  });
  if (openEvaluations.length > 0) {
    const cancelReason = `项目终止：${reason}`;
    await runBulkTransition(tx, {
      workflow: evaluationWorkflow,
      entityType: EVALUATION_SUBJECT_TYPE,
      entities: openEvaluations.map((e) => ({ id: e.id, from: e.status as EvaluationState })),
      to: "CANCELLED",
      actor: input.actor,
      reason: cancelReason,
      request: input.request,
      apply: async (from, ids) =>
        (
          await tx.grantEvaluation.updateMany({
            where: { id: { in: ids }, status: from },
            data: { status: "CANCELLED" },
          })
        ).count,
    });
  }

  const refundId =
    input.clawbackFen > 0
      ? await createClawback(tx, {
          projectId: project.id,
          amountFen: input.clawbackFen,
          reason,
          dueAt: input.dueAt,
          actor: input.actor,
          request: input.request,
        })
      : null;

  const ban = await createBan(tx, {
    organizationId: project.organizationId,
    projectId: project.id,
    reason: `公益创投项目「${project.title}」${BAN_CAUSES[cause]}`,
    actor: input.actor,
    request: input.request,
    now,
  });

  const clawbackLine =
    input.clawbackFen > 0
      ? `须于${formatDate(input.dueAt)}前退回 ${formatFen(input.clawbackFen)}。`
      : "无须退回已拨付资金。";
  await notifyOrganization(tx, project.organizationId, {
    title: `公益创投项目「${project.title}」已被终止`,
    body: `终止原因：${reason}。${clawbackLine}本机构${formatDate(ban.endsAt)}前不得申报公益创投项目。`,
    link: `/org/projects/${project.id}`,
  });
  return { refundId, banId: ban.id, banEndsAt: ban.endsAt };
}

/** The one place a ban is made: for a termination by staff or a final 不合格 that became final (terminateProject). */
async function createBan(
  tx: Tx,
  input: { organizationId: string; projectId: string; reason: string; actor: ActorInput; request?: Request; now: Date },
) {
  const rules = await getRules(input.now, tx);
  const window = banWindow(input.now, rules["funding.banYears"]);
  const ban = await tx.grantBan.create({
    data: {
      organizationId: input.organizationId,
      projectId: input.projectId,
      reason: input.reason,
      startsAt: window.startsAt,
      endsAt: window.endsAt,
    },
    select: { id: true, endsAt: true },
  });
  await recordAudit(tx, {
    actorId: input.actor.id,
    action: "grant_ban.create",
    entityType: GRANT_BAN_ENTITY,
    entityId: ban.id,
    reason: `${input.reason}，暂停申报至${formatDate(ban.endsAt)}`,
    request: input.request,
  });
  // A ban (termination or final 不合格) takes the organization off the published directory at once.
  await removeFromDirectory(
    tx,
    [{ organizationId: input.organizationId, reason: input.reason }],
    { id: input.actor.id, request: input.request },
    input.now,
  );
  return ban;
}

/** Staff terminate a project from its 结项 tab (e.g. for a breach): the checks as field errors, then terminateProject. */
export async function terminateByStaff(input: {
  projectId: string;
  reason: string;
  clawbackFen: number;
  dueAt: Date | null;
  actorId: string;
  request?: Request;
}): Promise<WriteResult> {
  return prisma.$transaction(async (tx) => {
    await assertProjectOpen(tx, input.projectId);
    const problem = clawbackProblem(input.clawbackFen, await paidFenOf(tx, input.projectId));
    if (problem) return fail(problem, { field: "clawback" });
    await terminateProject(tx, {
      projectId: input.projectId,
      reason: input.reason,
      clawbackFen: input.clawbackFen,
      dueAt: input.dueAt,
      actor: { id: input.actorId, role: "ADMIN" },
      request: input.request,
    });
    return succeed();
  });
}

/**
 * Staff claw paid money back from a project that has already ended (a final 不合格 ends it
 * without a clawback; DOMAIN: paid money *may* be clawed back): a CLAWBACK refund within what
 * was paid and not yet asked back, the organization told what it owes and by when. Receipts
 * then follow the refund workflow like any other refund.
 */
export async function claimBackAfterEnd(input: {
  projectId: string;
  reason: string;
  amountFen: number;
  dueAt: Date;
  actorId: string;
  request?: Request;
  now?: Date;
}): Promise<WriteResult> {
  const now = input.now ?? new Date();
  if (input.dueAt.getTime() < now.getTime()) return fail("退回期限不能早于今天", { field: "dueOn" });
  return prisma.$transaction(async (tx) => {
    const project = await tx.grantProject.findUniqueOrThrow({
      where: { id: input.projectId },
      select: {
        title: true,
        status: true,
        organizationId: true,
        refunds: { select: { kind: true, amountFen: true, receivedFen: true, status: true } },
      },
    });
    if (!mayClawBackAfterEnd(project.status)) return fail("只有已终止的项目可以在此追回已拨付资金", { status: 409 });
    const problem = laterClawbackProblem(input.amountFen, await paidFenOf(tx, input.projectId), project.refunds);
    if (problem) return fail(problem, { field: "amount" });
    const reason = input.reason.trim();
    await createClawback(tx, {
      projectId: input.projectId,
      amountFen: input.amountFen,
      reason,
      dueAt: input.dueAt,
      actor: { id: input.actorId, role: "ADMIN" },
      request: input.request,
    });
    await notifyOrganization(tx, project.organizationId, {
      title: `请退回「${project.title}」已拨付资金 ${formatFen(input.amountFen)}`,
      body: `追回原因：${reason}。退回期限：${formatDate(input.dueAt)}。汇款后请将凭证号告知区民政局，款项到账后由工作人员登记。`,
      link: `/org/projects/${input.projectId}/closing`,
    });
    return succeed();
  });
}
