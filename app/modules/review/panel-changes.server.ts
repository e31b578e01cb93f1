// Staff changes to one subject's panel while the round is open: replace a
// reviewer, add one, reopen a submitted review. Every change keeps the old row
// for the record, goes through the assignment workflow with a reason, and
// tells the reviewers concerned.
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyUsers } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Tx } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import type { WriteResult } from "~/utils/write-result";
import {
  ACTIVE_ASSIGNMENT_STATES,
  ASSIGNMENT_ENTITY_TYPE,
  OPEN_ASSIGNMENT_STATES,
  reviewAssignmentWorkflow,
} from "./assignment-workflow";
import { ineligibility } from "./conflicts.server";
import { assertOpen, REVIEWER_TASKS_LINK, stateOf, type PanelCtx } from "./panel-result";
import type { PanelRound, PanelSubject, PanelSubjectKind } from "./subject";

const DAY = 86_400_000;

/** The subject and its round, refused when the subject is not in the round or the round is closed. */
async function subjectForChange(tx: Tx, kind: PanelSubjectKind, roundId: string, subjectId: string) {
  const [subject] = await kind.loadSubjects(tx, [subjectId]);
  const round = subject?.roundId === roundId ? await kind.loadRound(tx, roundId) : null;
  if (!subject || !round) throw new WorkflowError(`未找到该${kind.labels.subject}`, 409);
  assertOpen(round);
  return { subject, round };
}

async function createAssignment(
  tx: Tx,
  kind: PanelSubjectKind,
  target: { subject: PanelSubject; round: PanelRound },
  reviewer: { id: string; name: string },
  dueAt: Date,
  reason: string,
  ctx: PanelCtx,
) {
  const { subject, round } = target;
  const { item } = kind.labels;
  // Never give a new reviewer a deadline already past: at least two days from now.
  const due = dueAt.getTime() < Date.now() + 2 * DAY ? new Date(Date.now() + 2 * DAY) : dueAt;
  await tx.reviewAssignment
    .create({
      data: {
        subjectType: kind.type,
        subjectId: subject.id,
        roundId: round.id,
        reviewerId: reviewer.id,
        status: "ASSIGNED",
        dueAt: due,
      },
      select: { id: true },
    })
    .catch((error: unknown) => {
      // Someone else put the same reviewer on this subject a moment ago.
      if ((error as { code?: string }).code === "P2002")
        throw new WorkflowError(`${reviewer.name} 已在本${item}的评审名单中，请刷新后重试`);
      throw error;
    });
  await recordAudit(tx, {
    actorId: ctx.actor.id,
    action: `${kind.auditPrefix}.assign`,
    entityType: kind.type,
    entityId: subject.id,
    reason,
    request: ctx.request,
  });
  await notifyUsers(tx, {
    userIds: [reviewer.id],
    title: `新的${item}评审任务：${subject.title}`,
    body: `您被指派评审「${round.title}」的${kind.labels.subject}${item}「${subject.title}」，请在 ${formatDate(due)} 前完成评分。`,
    link: REVIEWER_TASKS_LINK,
  });
}

export async function replaceReviewer(
  kind: PanelSubjectKind,
  roundId: string,
  subjectId: string,
  input: { assignmentId: string; reviewerId: string; reason: string },
  ctx: PanelCtx,
): Promise<WriteResult<{ name: string }>> {
  return prisma.$transaction(async (tx): Promise<WriteResult<{ name: string }>> => {
    const target = await subjectForChange(tx, kind, roundId, subjectId);
    const old = await tx.reviewAssignment.findFirst({
      where: { id: input.assignmentId, subjectType: kind.type, subjectId },
      select: { id: true, status: true, dueAt: true, reviewer: { select: { id: true, name: true } } },
    });
    if (!old) return { ok: false, fieldErrors: { assignmentId: ["未找到要更换的评审任务"] } };
    const from = stateOf(old.status);
    if (!(OPEN_ASSIGNMENT_STATES as string[]).includes(from)) {
      return {
        ok: false,
        fieldErrors: {
          assignmentId: [
            `${old.reviewer.name} 的评审任务状态为「${reviewAssignmentWorkflow.stateLabels[from]}」，不能更换`,
          ],
        },
      };
    }
    const check = await ineligibility(tx, kind, target.subject, input.reviewerId);
    if (check.why || !check.reviewer)
      return { ok: false, fieldErrors: { reviewerId: [check.why ?? "所选评审专家不存在"] } };
    await runTransition(tx, {
      workflow: reviewAssignmentWorkflow,
      entityType: ASSIGNMENT_ENTITY_TYPE,
      entityId: old.id,
      from,
      to: "REPLACED",
      actor: { id: ctx.actor.id, role: "ADMIN" },
      reason: input.reason,
      request: ctx.request,
      apply: async () =>
        (
          await tx.reviewAssignment.updateMany({
            where: { id: old.id, status: from },
            data: { status: "REPLACED", replaceReason: input.reason },
          })
        ).count,
    });
    const dueAt = old.dueAt ?? target.round.reviewEndsAt;
    await createAssignment(
      tx,
      kind,
      target,
      check.reviewer,
      dueAt,
      `更换 ${old.reviewer.name} → ${check.reviewer.name}：${input.reason}`,
      ctx,
    );
    await notifyUsers(tx, {
      userIds: [old.reviewer.id],
      title: `评审任务已调整：${target.subject.title}`,
      body: `区民政局已将您在「${target.round.title}」中该${kind.labels.item}的评审任务改派他人，您无需再评审该${kind.labels.item}。`,
      link: REVIEWER_TASKS_LINK,
    });
    return { ok: true, name: check.reviewer.name };
  });
}

export async function addReviewer(
  kind: PanelSubjectKind,
  roundId: string,
  subjectId: string,
  input: { reviewerId: string; reason: string },
  ctx: PanelCtx,
): Promise<WriteResult<{ name: string }>> {
  return prisma.$transaction(async (tx): Promise<WriteResult<{ name: string }>> => {
    const target = await subjectForChange(tx, kind, roundId, subjectId);
    const active = await tx.reviewAssignment.count({
      where: { subjectType: kind.type, subjectId, status: { in: ACTIVE_ASSIGNMENT_STATES } },
    });
    const k = target.round.reviewersPerSubject;
    if (active >= k)
      return {
        ok: false,
        formErrors: [`本${kind.labels.item}已有 ${active} 位评审专家（每项 ${k} 位），无需补派`],
      };
    const check = await ineligibility(tx, kind, target.subject, input.reviewerId);
    if (check.why || !check.reviewer)
      return { ok: false, fieldErrors: { reviewerId: [check.why ?? "所选评审专家不存在"] } };
    await createAssignment(
      tx,
      kind,
      target,
      check.reviewer,
      target.round.reviewEndsAt,
      `补派 ${check.reviewer.name}：${input.reason}`,
      ctx,
    );
    return { ok: true, name: check.reviewer.name };
  });
}

/** A submitted review back to the reviewer as a draft, with the reason they are shown. */
export async function reopenReview(
  kind: PanelSubjectKind,
  roundId: string,
  subjectId: string,
  input: { assignmentId: string; reason: string },
  ctx: PanelCtx,
): Promise<WriteResult<{ name: string }>> {
  return prisma.$transaction(async (tx): Promise<WriteResult<{ name: string }>> => {
    const { subject } = await subjectForChange(tx, kind, roundId, subjectId);
    const assignment = await tx.reviewAssignment.findFirst({
      where: { id: input.assignmentId, subjectType: kind.type, subjectId },
      select: { id: true, status: true, reviewer: { select: { id: true, name: true } } },
    });
    if (!assignment) return { ok: false, formErrors: ["未找到该评审任务"] };
    const from = stateOf(assignment.status);
    await runTransition(tx, {
      workflow: reviewAssignmentWorkflow,
      entityType: ASSIGNMENT_ENTITY_TYPE,
      entityId: assignment.id,
      from,
      to: "DRAFTED",
      actor: { id: ctx.actor.id, role: "ADMIN" },
      reason: input.reason,
      request: ctx.request,
      apply: async () =>
        (
          await tx.reviewAssignment.updateMany({
            where: { id: assignment.id, status: from },
            data: { status: "DRAFTED", submittedAt: null },
          })
        ).count,
    });
    await notifyUsers(tx, {
      userIds: [assignment.reviewer.id],
      title: `评分已重新开放：${subject.title}`,
      body: `区民政局重新开放了您对「${subject.title}」的评分，请修改后重新提交。原因：${input.reason}`,
      link: `${REVIEWER_TASKS_LINK}/${assignment.id}`,
    });
    return { ok: true, name: assignment.reviewer.name };
  });
}
