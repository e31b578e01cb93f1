// 公告: after 公示 (and every 复核 decided) staff announce the round; each
// decided grade becomes an OrganizationGrade valid from 1 January next year to
// 31 December of the 5th year (registry/grade.ts), the cached currentGrade
// follows, and 3A+ grades get their certificate.
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { gradeLabel, gradeValidity } from "~/modules/registry/grade";
import { recomputeCurrentGrade } from "~/modules/registry/grade.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runBulkTransition, runTransition } from "~/modules/workflow/transition.server";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { ratingApplicationWorkflow } from "./application-workflow";
import { issueCertificate } from "./certificate.server";
import { RATING_ROUND_ENTITY_TYPE, ratingRoundWorkflow } from "./round-workflow";

export async function announceRound(input: { roundId: string; actorId: string; request?: Request; now?: Date }) {
  const now = input.now ?? new Date();
  const round = await prisma.ratingRound.findUnique({
    where: { id: input.roundId },
    select: { id: true, status: true, title: true, publicityEndsAt: true },
  });
  if (!round) throw new WorkflowError("未找到该评估轮次", 400);
  if (round.status === "PUBLICITY" && round.publicityEndsAt && now <= round.publicityEndsAt) {
    throw new WorkflowError(`公示期至${formatDate(round.publicityEndsAt)}，公示期满后才能公告`, 400);
  }
  const pending = await prisma.ratingApplication.count({ where: { roundId: round.id, status: "REVIEW_REQUESTED" } });
  if (pending > 0) throw new WorkflowError(`还有 ${pending} 份复核申请未作出决定`, 400);
  const decided = await prisma.ratingApplication.findMany({
    where: { roundId: round.id, status: "DECIDED" },
    select: { id: true, organizationId: true, finalGrade: true, finalScore: true },
  });
  const validity = gradeValidity(now);
  await prisma.$transaction(async (tx) => {
    await runTransition(tx, {
      workflow: ratingRoundWorkflow,
      entityType: RATING_ROUND_ENTITY_TYPE,
      entityId: round.id,
      from: round.status as "PUBLICITY",
      to: "ANNOUNCED",
      actor: { id: input.actorId, role: "ADMIN" },
      reason: `公告 ${decided.length} 家组织的评估结果`,
      request: input.request,
      apply: async () =>
        (
          await tx.ratingRound.updateMany({
            where: { id: round.id, status: "PUBLICITY" },
            data: { status: "ANNOUNCED", announcedAt: now },
          })
        ).count,
    });
    await runBulkTransition(tx, {
      workflow: ratingApplicationWorkflow,
      entityType: "RatingApplication",
      entities: decided.map((a) => ({ id: a.id, from: "DECIDED" as const })),
      to: "ANNOUNCED",
      actor: { id: input.actorId, role: "ADMIN" },
      request: input.request,
      apply: async (from, ids) =>
        (
          await tx.ratingApplication.updateMany({
            where: { id: { in: ids }, status: from },
            data: { status: "ANNOUNCED" },
          })
        ).count,
    });
    for (const a of decided) {
      if (a.finalGrade != null) {
        const row = await tx.organizationGrade.create({
          data: {
            organizationId: a.organizationId,
            grade: a.finalGrade,
            announcedAt: now,
            ...validity,
            note: `${round.title}（${a.finalScore ?? "—"} 分）`,
            recordedById: input.actorId,
            // The public profile links the grade to this round's announcement.
            roundId: round.id,
          },
          select: { id: true, organizationId: true, grade: true, validFrom: true, validTo: true },
        });
        await recomputeCurrentGrade(tx, a.organizationId, now);
        await issueCertificate(tx, row, now, input.actorId);
      }
      await notifyOrganization(tx, a.organizationId, {
        title: `${round.title}：评估结果公告`,
        body:
          a.finalGrade != null
            ? `贵机构评估等级为${gradeLabel(a.finalGrade)}，有效期${formatDate(validity.validFrom)}至${formatDate(validity.validTo)}。`
            : "贵机构本次评估未达到定级分数。",
        link: "/org/rating/certificates",
      });
    }
  });
  return { announced: decided.length };
}
