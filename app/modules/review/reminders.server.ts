// Chasing a round's late reviewers: one notice and one mail per reviewer with
// open work due soon or overdue, at most once per cooldown.
import { recordAudit } from "~/modules/audit/audit.server";
import { sendMail } from "~/modules/mail/mailer.server";
import { notifyUsers } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { appUrl } from "~/utils/app-origin.server";
import { prisma } from "~/utils/db.server";
import { OPEN_ASSIGNMENT_STATES } from "./assignment-workflow";
import { REVIEWER_TASKS_LINK, type PanelCtx } from "./panel-result";
import { reviewersToRemind } from "./reminders";
import type { PanelSubjectKind } from "./subject";

/** Reminds the round's late reviewers; returns how many were mailed. */
export async function remindLate(kind: PanelSubjectKind, roundId: string, ctx: PanelCtx) {
  const now = new Date();
  const mails = await prisma.$transaction(async (tx) => {
    const round = await kind.loadRound(tx, roundId);
    if (!round) throw new WorkflowError(`未找到该${kind.labels.round}`, 409);
    const open = await tx.reviewAssignment.findMany({
      where: { roundId, subjectType: kind.type, status: { in: OPEN_ASSIGNMENT_STATES } },
      select: {
        id: true,
        reviewerId: true,
        dueAt: true,
        remindedAt: true,
        reviewer: { select: { name: true, email: true, status: true } },
      },
    });
    const active = open.filter((a) => a.reviewer.status === "ACTIVE");
    const targets = reviewersToRemind(active, now);
    if (targets.size === 0) return [];
    await tx.reviewAssignment.updateMany({
      where: { id: { in: [...targets.values()].flat() } },
      data: { remindedAt: now },
    });
    // One notification per reviewer; reviewers with the same pending count share one insert.
    const byCount = new Map<number, string[]>();
    for (const [reviewerId, ids] of targets) byCount.set(ids.length, [...(byCount.get(ids.length) ?? []), reviewerId]);
    for (const [pending, userIds] of byCount) {
      await notifyUsers(tx, {
        userIds,
        title: `评审催办：${round.title}`,
        body: `您在「${round.title}」中还有 ${pending} 项评审任务未提交，请尽快完成。`,
        link: REVIEWER_TASKS_LINK,
      });
    }
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: `${kind.auditPrefix}.remind`,
      entityType: kind.roundEntityType,
      entityId: roundId,
      reason: `催办 ${targets.size} 位评审专家`,
      request: ctx.request,
    });
    return [...targets].map(([reviewerId, ids]) => {
      const reviewer = active.find((a) => a.reviewerId === reviewerId)!.reviewer;
      return {
        to: reviewer.email,
        subject: `【益苗】评审催办：${round.title}`,
        body: `${reviewer.name}，您好：\n\n您在「${round.title}」中还有 ${ids.length} 项评审任务未提交，请登录益苗评审专家工作台（${appUrl(REVIEWER_TASKS_LINK)}）尽快完成。\n\n区民政局`,
      };
    });
  });
  // The outbox is written outside the transaction, like the other mail senders.
  for (const mail of mails) await sendMail(mail);
  return mails.length;
}
