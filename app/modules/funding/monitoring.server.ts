// Monitoring visits (督导, #13 item 8): staff plan a visit and record it with findings
// and the actions requested by a due date; the organization replies; staff close it or
// ask again. Every step runs in the caller's transaction (the route's, or the demo
// seed's), moves the state through runTransition and tells the other side.
import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyAdmins, notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Tx } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { failFields, succeed } from "~/utils/write-result";
import { visitWorkflow, type VisitState } from "./monitoring-workflow";
import { ACTIVE_PROJECT_STATES, type GrantProjectState } from "./project-workflow";

export const VISIT_ENTITY = "GrantMonitoringVisit";

type Who = { projectId: string; actorId: string; request?: Request };
/** `at`: when it happened; only the demo seed passes one. */
type Step = Who & { visitId: string; at?: Date };

const orgLink = (projectId: string) => `/org/projects/${projectId}/monitoring`;
const staffLink = (projectId: string) => `/admin/projects/${projectId}/monitoring`;

async function activeProject(tx: Tx, projectId: string) {
  const project = await tx.grantProject.findUnique({
    where: { id: projectId },
    select: { id: true, projectNo: true, title: true, status: true, organizationId: true },
  });
  if (!project) throw new WorkflowError("未找到该项目", 400);
  if (!ACTIVE_PROJECT_STATES.includes(project.status as GrantProjectState)) {
    throw new WorkflowError("项目不在执行中，不能再安排或回复督导", 409);
  }
  return project;
}

async function visitOf(tx: Tx, input: Step) {
  const visit = await tx.grantMonitoringVisit.findFirst({
    where: { id: input.visitId, projectId: input.projectId },
    select: { id: true, status: true, visitedOn: true, replyDueAt: true },
  });
  if (!visit) throw new WorkflowError("未找到该督导记录", 400);
  return { ...visit, status: visit.status as VisitState };
}

/** A guarded state write: only while the visit is still in `from`. */
function write(tx: Tx, id: string, from: VisitState, data: Prisma.GrantMonitoringVisitUpdateManyMutationInput) {
  return async () => (await tx.grantMonitoringVisit.updateMany({ where: { id, status: from }, data })).count;
}

/** 安排督导: the organization is told the date and what the visit will look at. */
export async function planVisit(tx: Tx, input: Who & { visitedOn: Date; purpose: string }) {
  const project = await activeProject(tx, input.projectId);
  const visit = await tx.grantMonitoringVisit.create({
    data: {
      projectId: project.id,
      visitedOn: input.visitedOn,
      visitorId: input.actorId,
      purpose: input.purpose,
      status: "PLANNED",
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: input.actorId,
    action: "grant_visit.plan",
    entityType: VISIT_ENTITY,
    entityId: visit.id,
    toState: "PLANNED",
    reason: `${formatDate(input.visitedOn)} 督导走访：${input.purpose}`,
    request: input.request,
  });
  await notifyOrganization(tx, project.organizationId, {
    title: `督导走访安排：${project.title}`,
    body: `区民政局将于 ${formatDate(input.visitedOn)} 到项目现场督导，重点：${input.purpose}`,
    link: orgLink(project.id),
  });
  return succeed({ visitId: visit.id });
}

type Findings = { visitedOn: Date; findings: string; requestedActions: string; replyDueAt: Date };

/** 记录督导结果: a planned visit (visitId) or one recorded straight away; the organization must reply. */
export async function recordVisit(tx: Tx, input: Who & Findings & { visitId?: string | null }) {
  const project = await activeProject(tx, input.projectId);
  const data = {
    visitedOn: input.visitedOn,
    visitorId: input.actorId,
    findings: input.findings,
    requestedActions: input.requestedActions,
    replyDueAt: input.replyDueAt,
    status: "OPEN",
  };
  let visitId: string;
  if (input.visitId) {
    const planned = await visitOf(tx, { ...input, visitId: input.visitId });
    await runTransition(tx, {
      workflow: visitWorkflow,
      entityType: VISIT_ENTITY,
      entityId: planned.id,
      from: planned.status,
      to: "OPEN",
      actor: { id: input.actorId, role: "ADMIN" },
      request: input.request,
      apply: write(tx, planned.id, planned.status, data),
    });
    visitId = planned.id;
  } else {
    const created = await tx.grantMonitoringVisit.create({ data: { projectId: project.id, ...data } });
    visitId = created.id;
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "grant_visit.create",
      entityType: VISIT_ENTITY,
      entityId: visitId,
      toState: "OPEN",
      reason: `${formatDate(input.visitedOn)} 督导走访`,
      request: input.request,
    });
  }
  await notifyOrganization(tx, project.organizationId, {
    title: `督导意见待回复：${project.title}`,
    body: `区民政局 ${formatDate(input.visitedOn)} 的督导提出了整改要求，请于 ${formatDate(input.replyDueAt)} 前回复。`,
    link: orgLink(project.id),
  });
  return succeed({ visitId });
}

/** 取消督导 (a planned visit only), with the reason the organization is told. */
export async function cancelVisit(tx: Tx, input: Step & { reason: string }) {
  const project = await activeProject(tx, input.projectId);
  const visit = await visitOf(tx, input);
  await runTransition(tx, {
    workflow: visitWorkflow,
    entityType: VISIT_ENTITY,
    entityId: visit.id,
    from: visit.status,
    to: "CANCELLED",
    actor: { id: input.actorId, role: "ADMIN" },
    reason: input.reason,
    request: input.request,
    apply: write(tx, visit.id, visit.status, { status: "CANCELLED", closedAt: input.at ?? new Date() }),
  });
  await notifyOrganization(tx, project.organizationId, {
    title: `督导走访已取消：${project.title}`,
    body: `原定 ${formatDate(visit.visitedOn)} 的督导走访已取消：${input.reason}`,
    link: orgLink(project.id),
  });
  return succeed();
}

/** 回复督导意见: a member of the organization answers the requested actions. */
export async function replyToVisit(tx: Tx, input: Step & { reply: string }) {
  const project = await activeProject(tx, input.projectId);
  const visit = await visitOf(tx, input);
  await runTransition(tx, {
    workflow: visitWorkflow,
    entityType: VISIT_ENTITY,
    entityId: visit.id,
    from: visit.status,
    to: "REPLIED",
    actor: { id: input.actorId, role: "ORG_MEMBER" },
    request: input.request,
    apply: write(tx, visit.id, visit.status, {
      status: "REPLIED",
      reply: input.reply,
      repliedAt: input.at ?? new Date(),
      repliedById: input.actorId,
    }),
  });
  await notifyAdmins(tx, {
    title: `督导意见已回复：${project.title}`,
    body: `${project.projectNo}「${project.title}」已回复 ${formatDate(visit.visitedOn)} 督导的整改要求，请查看并关闭。`,
    link: staffLink(project.id),
  });
  return succeed();
}

/** 关闭督导: after the reply, or without one when a note says why. */
export async function closeVisit(tx: Tx, input: Step & { note?: string | null }) {
  const visit = await visitOf(tx, input);
  const note = input.note?.trim() || null;
  if (visit.status === "OPEN" && !note) {
    return failFields({ note: ["机构尚未回复，关闭前请说明理由"] });
  }
  const project = await tx.grantProject.findUniqueOrThrow({
    where: { id: input.projectId },
    select: { title: true, organizationId: true },
  });
  await runTransition(tx, {
    workflow: visitWorkflow,
    entityType: VISIT_ENTITY,
    entityId: visit.id,
    from: visit.status,
    to: "CLOSED",
    actor: { id: input.actorId, role: "ADMIN" },
    reason: note,
    request: input.request,
    apply: write(tx, visit.id, visit.status, { status: "CLOSED", closedAt: input.at ?? new Date() }),
  });
  await notifyOrganization(tx, project.organizationId, {
    title: `督导已关闭：${project.title}`,
    body: `${formatDate(visit.visitedOn)} 的督导已关闭${note ? `：${note}` : "。"}`,
    link: orgLink(input.projectId),
  });
  return succeed();
}

/** 要求补充回复: the reply does not answer the actions; the visit opens again with a new due date. */
export async function askAgain(tx: Tx, input: Step & { reason: string; replyDueAt: Date }) {
  const project = await activeProject(tx, input.projectId);
  const visit = await visitOf(tx, input);
  await runTransition(tx, {
    workflow: visitWorkflow,
    entityType: VISIT_ENTITY,
    entityId: visit.id,
    from: visit.status,
    to: "OPEN",
    actor: { id: input.actorId, role: "ADMIN" },
    reason: input.reason,
    request: input.request,
    apply: write(tx, visit.id, visit.status, { status: "OPEN", replyDueAt: input.replyDueAt }),
  });
  await notifyOrganization(tx, project.organizationId, {
    title: `督导意见需补充回复：${project.title}`,
    body: `${input.reason}（请于 ${formatDate(input.replyDueAt)} 前回复）`,
    link: orgLink(project.id),
  });
  return succeed();
}

/** A project's visits for its monitoring tab, newest first. */
export async function listProjectVisits(projectId: string) {
  const visits = await prisma.grantMonitoringVisit.findMany({
    where: { projectId },
    orderBy: [{ visitedOn: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      status: true,
      visitedOn: true,
      purpose: true,
      findings: true,
      requestedActions: true,
      replyDueAt: true,
      reply: true,
      repliedAt: true,
      closedAt: true,
      visitorId: true,
      repliedById: true,
    },
  });
  const people = new Set(visits.flatMap((v) => [v.visitorId, v.repliedById]).filter((id): id is string => !!id));
  const users = people.size
    ? await prisma.user.findMany({ where: { id: { in: [...people] } }, select: { id: true, name: true } })
    : [];
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return visits.map(({ visitorId, repliedById, ...v }) => ({
    ...v,
    visitorName: visitorId ? (nameOf.get(visitorId) ?? null) : null,
    repliedByName: repliedById ? (nameOf.get(repliedById) ?? null) : null,
  }));
}

export type ProjectVisit = Awaited<ReturnType<typeof listProjectVisits>>[number];
