import { recordAudit } from "~/modules/audit/audit.server";
import { getRules } from "~/modules/config/rules.server";
import { reportTriggerReason } from "~/modules/directory/removal";
import { removeFromDirectory } from "~/modules/directory/removal.server";
import { notifyUsers } from "~/modules/notifications/notifications.server";
import { proposeDowngradesForInspection } from "~/modules/rating/downgrade.server";
import { WorkflowError, type Actor } from "~/modules/workflow/state-machine";
import { runBulkTransition } from "~/modules/workflow/transition.server";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { UNFILED_STATUSES } from "./labels";
import { rectificationDueAt } from "./obligation";
import { badYearNotice, isBadOutcome } from "./revocation";
import { inspectionWorkflow, type InspectionState } from "./workflow";

/** Which organization types' deadlines have passed at `now`. */
export function pastDeadlines(round: { deadline: Date; foundationDeadline: Date }, now: Date) {
  return {
    foundations: now.getTime() > round.foundationDeadline.getTime(),
    others: now.getTime() > round.deadline.getTime(),
  };
}

/**
 * Marks every report of the round that was not submitted by its deadline as
 * 未参检 (status and conclusion MISSED), in one transaction, through one bulk
 * transition (one audit event per report). Only reports still unfiled are
 * moved, and the rectifications and notifications follow them, so running it
 * twice changes nothing the second time.
 */
export async function markMissed(input: {
  roundId: string;
  actorId: string | null;
  actorRole?: Actor;
  request?: Request;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const role = input.actorRole ?? "ADMIN";
  for (const from of UNFILED_STATUSES) inspectionWorkflow.assert(from, "MISSED", role);
  const round = await prisma.inspectionRound.findUnique({
    where: { id: input.roundId },
    select: { id: true, year: true, status: true, deadline: true, foundationDeadline: true },
  });
  if (!round) throw new WorkflowError("未找到该年检年度", 400);
  const past = pastDeadlines(round, now);
  if (!past.foundations && !past.others) {
    throw new WorkflowError(`提交截止日期（${formatDate(round.foundationDeadline)}）尚未到，不能标记未参检`, 400);
  }
  const typeFilters = [
    ...(past.foundations ? [{ organization: { type: "FOUNDATION" } }] : []),
    ...(past.others ? [{ organization: { type: { not: "FOUNDATION" } } }] : []),
  ];
  const rules = await getRules(now);

  return prisma.$transaction(async (tx) => {
    // The transaction holds the write lock (BEGIN IMMEDIATE), so these are exactly the rows it moves.
    const late = await tx.inspectionReport.findMany({
      where: { roundId: round.id, status: { in: [...UNFILED_STATUSES] }, OR: typeFilters },
      select: { id: true, status: true, organizationId: true },
    });
    await runBulkTransition(tx, {
      workflow: inspectionWorkflow,
      entityType: "InspectionReport",
      entities: late.map((r) => ({ id: r.id, from: r.status as InspectionState })),
      to: "MISSED",
      actor: { id: input.actorId, role },
      request: input.request,
      apply: async (from, ids) =>
        (
          await tx.inspectionReport.updateMany({
            where: { id: { in: ids }, status: from },
            data: { status: "MISSED", conclusion: "MISSED", concludedAt: now, concludedById: input.actorId },
          })
        ).count,
    });

    if (late.length > 0) {
      const dueAt = rectificationDueAt(now, rules["inspection.rectificationDays"]);
      await tx.rectification.createMany({
        data: late.map((r) => ({
          reportId: r.id,
          organizationId: r.organizationId,
          requirement: `未按期参加${round.year}年度年检。请说明未参检的原因并提交整改报告，同时补报${round.year}年度工作情况。`,
          dueAt,
        })),
      });
      const orgIds = late.map((r) => r.organizationId);
      const [previous, members] = await Promise.all([
        tx.inspectionReport.findMany({
          where: { organizationId: { in: orgIds }, year: round.year - 1 },
          select: { organizationId: true, conclusion: true },
        }),
        tx.membership.findMany({
          where: { organizationId: { in: orgIds } },
          select: { userId: true, organizationId: true },
        }),
      ]);
      const previousBad = new Set(previous.filter((p) => isBadOutcome(p.conclusion)).map((p) => p.organizationId));
      for (const repeat of [false, true]) {
        await notifyUsers(tx, {
          userIds: members.filter((m) => previousBad.has(m.organizationId) === repeat).map((m) => m.userId),
          title: `${round.year}年度年检：未参检`,
          body: `贵机构未在截止日期前提交${round.year}年度报告，已被标记为未参检，请于${formatDate(dueAt)}前提交整改报告。${badYearNotice(round.year, "未参检", repeat)}`,
          link: "/org/inspection",
        });
      }
      // A graded organization that missed the year: a downgrade is proposed for staff to confirm.
      await proposeDowngradesForInspection(
        tx,
        late.map((r) => ({ reportId: r.id, organizationId: r.organizationId, year: round.year, conclusion: "MISSED" })),
        { id: input.actorId, request: input.request, now },
      );
      // A late report takes the organization off the recommended directory at once.
      await removeFromDirectory(
        tx,
        late.map((r) => ({ organizationId: r.organizationId, reason: reportTriggerReason(round.year, "MISSED") })),
        { id: input.actorId, request: input.request },
        now,
      );
    }
    const close = round.status === "OPEN" && past.others && past.foundations;
    if (late.length > 0 || close) {
      await tx.inspectionRound.update({
        where: { id: round.id },
        data: { missedMarkedAt: now, ...(close ? { status: "CLOSED" } : {}) },
        select: { id: true },
      });
    }
    if (close) {
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "inspection.round_close",
        entityType: "InspectionRound",
        entityId: round.id,
        fromState: "OPEN",
        toState: "CLOSED",
        reason: `${round.year}年度年检填报截止，标记未参检 ${late.length} 家`,
      });
    }
    return { changed: late.length, closed: close };
  });
}
