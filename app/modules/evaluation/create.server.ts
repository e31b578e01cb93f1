// Creating a project's evaluations (#14 item 1): the mid-term due N months after signing and the
// final N months before the agreement ends (the call's offsets), each on the call's indicator
// scheme (GrantCall.evaluationSchemeKey, else the newest GRANT_EVALUATION scheme), frozen as it
// starts being used. Created when the project is signed (scheduleEvaluations, called in the
// signing transaction) or by staff for the projects of a call that have none yet.
import { recordAudit } from "~/modules/audit/audit.server";
import { freezeScheme } from "~/modules/indicators/scheme.server";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError, type Actor } from "~/modules/workflow/state-machine";
import { prisma, type Tx } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { succeed } from "~/utils/write-result";
import { finalDueAt, midtermDueAt } from "./due";
import { kindLabel } from "./score";
import { EVALUATION_SUBJECT_TYPE } from "./workflow";

type Who = { actor: { id: string | null; role: Actor }; request?: Request };

/** The scheme a call's evaluations score on: its key's newest version, else the newest evaluation scheme. */
export async function evaluationSchemeId(tx: Tx, schemeKey: string | null) {
  const scheme = await tx.indicatorScheme.findFirst({
    where: { purpose: "GRANT_EVALUATION", ...(schemeKey ? { key: schemeKey } : {}) },
    orderBy: [{ version: "desc" }, { createdAt: "desc" }],
    select: { id: true },
  });
  if (!scheme) throw new WorkflowError("尚未建立资助项目评估指标体系，请先在“评估指标体系”中创建", 409);
  return scheme.id;
}

export type NewEvaluation = { projectId: string; kind: "MIDTERM" | "FINAL"; round: number; dueAt: Date };

/** Writes one evaluation on the call's (frozen) scheme, audits it and tells the organization. */
export async function createEvaluation(tx: Tx, input: NewEvaluation & Who) {
  const project = await tx.grantProject.findUniqueOrThrow({
    where: { id: input.projectId },
    select: {
      id: true,
      projectNo: true,
      title: true,
      organizationId: true,
      call: { select: { evaluationSchemeKey: true } },
    },
  });
  const schemeId = await evaluationSchemeId(tx, project.call.evaluationSchemeKey);
  await freezeScheme(tx, schemeId);
  const evaluation = await tx.grantEvaluation.create({
    data: { projectId: project.id, kind: input.kind, round: input.round, dueAt: input.dueAt, schemeId },
    select: { id: true },
  });
  const label = kindLabel(input.kind, input.round);
  await recordAudit(tx, {
    actorId: input.actor.id,
    action: "grant_evaluation.create",
    entityType: EVALUATION_SUBJECT_TYPE,
    entityId: evaluation.id,
    toState: "AWAITING_REPORT",
    reason: `${project.projectNo} ${label}，应于 ${formatDate(input.dueAt)} 前提交报告及自评`,
    request: input.request,
  });
  await notifyOrganization(tx, project.organizationId, {
    title: `${project.projectNo} ${label}已安排`,
    body: `「${project.title}」的${label}请于 ${formatDate(input.dueAt)} 前随报告提交自评。`,
    link: `/org/projects/${project.id}/evaluations`,
  });
  return evaluation;
}

/**
 * The mid-term and final evaluations of a signed project that do not exist yet. Runs in the
 * caller's transaction (the signing, or staff's action); returns how many it created.
 */
export async function scheduleEvaluations(tx: Tx, projectId: string, who: Who) {
  const project = await tx.grantProject.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      signedAt: true,
      endsOn: true,
      call: { select: { midtermAfterMonths: true, finalBeforeEndMonths: true } },
      evaluations: { select: { kind: true } },
    },
  });
  if (!project.signedAt) return 0;
  const has = new Set(project.evaluations.map((e) => e.kind));
  const wanted: NewEvaluation[] = [];
  const midterm = midtermDueAt(project.signedAt, project.call.midtermAfterMonths);
  const final = finalDueAt(project.endsOn, project.call.finalBeforeEndMonths);
  // A project shorter than the mid-term offset has only its final evaluation.
  if (!has.has("MIDTERM") && midterm.getTime() < final.getTime())
    wanted.push({ projectId, kind: "MIDTERM", round: 1, dueAt: midterm });
  if (!has.has("FINAL")) wanted.push({ projectId, kind: "FINAL", round: 1, dueAt: final });
  for (const evaluation of wanted) await createEvaluation(tx, { ...evaluation, ...who });
  return wanted.length;
}

/** Staff: evaluations for every signed project of the call that has none yet. */
export async function scheduleCallEvaluations(input: { callId: string; actorId: string; request: Request }) {
  return prisma.$transaction(async (tx) => {
    const projects = await tx.grantProject.findMany({
      where: {
        callId: input.callId,
        signedAt: { not: null },
        status: { in: ["IN_DELIVERY", "RECTIFYING", "SUSPENDED"] },
      },
      orderBy: { projectNo: "asc" },
      select: { id: true },
    });
    let created = 0;
    for (const p of projects) {
      created += await scheduleEvaluations(tx, p.id, {
        actor: { id: input.actorId, role: "ADMIN" },
        request: input.request,
      });
    }
    return succeed({ created });
  });
}

/**
 * An extension moved the project's end date: the final evaluation falls due N months before
 * the new end (the call's offset), as the report periods are re-dated. Only while nothing has
 * been submitted for it (AWAITING_REPORT); the organization is told. Returns the new due date,
 * or null when nothing moved. Runs in the countersigning transaction.
 */
export async function redateFinalEvaluation(tx: Tx, projectId: string, who: Who) {
  const project = await tx.grantProject.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      projectNo: true,
      title: true,
      organizationId: true,
      endsOn: true,
      call: { select: { finalBeforeEndMonths: true } },
      evaluations: {
        where: { kind: "FINAL", round: 1, status: "AWAITING_REPORT" },
        select: { id: true, dueAt: true },
      },
    },
  });
  const evaluation = project.evaluations[0];
  if (!evaluation) return null;
  const dueAt = finalDueAt(project.endsOn, project.call.finalBeforeEndMonths);
  if (dueAt.getTime() === evaluation.dueAt.getTime()) return null;
  const moved = await tx.grantEvaluation.updateMany({
    where: { id: evaluation.id, status: "AWAITING_REPORT" },
    data: { dueAt },
  });
  if (moved.count !== 1) throw new WorkflowError("该记录的状态已被他人更新，请刷新后重试");
  const reason = `执行期变更，终期评估报告及自评截止日由 ${formatDate(evaluation.dueAt)} 改为 ${formatDate(dueAt)}`;
  await recordAudit(tx, {
    actorId: who.actor.id,
    action: "grant_evaluation.redate",
    entityType: EVALUATION_SUBJECT_TYPE,
    entityId: evaluation.id,
    reason,
    request: who.request,
  });
  await notifyOrganization(tx, project.organizationId, {
    title: `${project.projectNo} 终期评估截止日已调整`,
    body: `「${project.title}」${reason}。`,
    link: `/org/projects/${projectId}/evaluations`,
  });
  return dueAt;
}
