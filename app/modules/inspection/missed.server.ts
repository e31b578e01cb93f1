import { getRules } from "~/modules/config/rules.server";
import { notifyUsers } from "~/modules/notifications/notifications.server";
import { WorkflowError, type Actor } from "~/modules/workflow/state-machine";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { getClientIp } from "~/utils/http";
import { UNFILED_STATUSES } from "./labels";
import { rectificationDueAt } from "./obligation";
import { badYearNotice, isBadOutcome } from "./revocation";
import { inspectionWorkflow } from "./workflow";

/** Which organization types' deadlines have passed at `now`. */
export function pastDeadlines(round: { deadline: Date; foundationDeadline: Date }, now: Date) {
  return {
    foundations: now.getTime() > round.foundationDeadline.getTime(),
    others: now.getTime() > round.deadline.getTime(),
  };
}

/**
 * Marks every report of the round that was not submitted by its deadline as
 * 未参检 (status and conclusion MISSED), in one transaction. Audit events,
 * rectifications and notifications are written only for the rows this call
 * actually changed, so running it twice changes nothing the second time.
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
  const rule = inspectionWorkflow.find("PENDING", "MISSED")!;

  return prisma.$transaction(async (tx) => {
    const candidates = await tx.inspectionReport.findMany({
      where: { roundId: round.id, status: { in: [...UNFILED_STATUSES] }, OR: typeFilters },
      select: { id: true, status: true, organizationId: true },
    });
    const ids = candidates.map((c) => c.id);
    if (ids.length > 0) {
      await tx.inspectionReport.updateMany({
        where: { id: { in: ids }, status: { in: [...UNFILED_STATUSES] } },
        data: { status: "MISSED", conclusion: "MISSED", concludedAt: now, concludedById: input.actorId },
      });
    }
    // The rows this call changed carry its timestamp; rows marked by an earlier run do not.
    const changed =
      ids.length > 0
        ? await tx.inspectionReport.findMany({
            where: { id: { in: ids }, status: "MISSED", concludedAt: now },
            select: { id: true, organizationId: true },
          })
        : [];
    const fromById = new Map(candidates.map((c) => [c.id, c.status]));

    if (changed.length > 0) {
      await tx.auditEvent.createMany({
        data: changed.map((r) => ({
          actorId: input.actorId,
          action: "inspection.transition",
          entityType: "InspectionReport",
          entityId: r.id,
          fromState: fromById.get(r.id) ?? null,
          toState: "MISSED",
          reason: rule.label,
          ip: input.request ? getClientIp(input.request) : null,
        })),
      });
      const dueAt = rectificationDueAt(now, rules["inspection.rectificationDays"]);
      await tx.rectification.createMany({
        data: changed.map((r) => ({
          reportId: r.id,
          organizationId: r.organizationId,
          requirement: `未按期参加${round.year}年度年检。请说明未参检的原因并提交整改报告，同时补报${round.year}年度工作情况。`,
          dueAt,
        })),
      });
      const orgIds = changed.map((r) => r.organizationId);
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
    }
    const close = round.status === "OPEN" && past.others && past.foundations;
    if (changed.length > 0 || close) {
      await tx.inspectionRound.update({
        where: { id: round.id },
        data: { missedMarkedAt: now, ...(close ? { status: "CLOSED" } : {}) },
        select: { id: true },
      });
    }
    if (close) {
      await tx.auditEvent.create({
        data: {
          actorId: input.actorId,
          action: "inspection.round_close",
          entityType: "InspectionRound",
          entityId: round.id,
          fromState: "OPEN",
          toState: "CLOSED",
          reason: `${round.year}年度年检填报截止，标记未参检 ${changed.length} 家`,
        },
        select: { id: true },
      });
    }
    return { changed: changed.length, closed: close };
  });
}
