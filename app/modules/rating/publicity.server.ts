// 公示 and 复核: staff publish a round's decided results for publicityDays
// days; meanwhile an organization may ask for 复核 (review) with its reasons
// and evidence, which staff decide within rating.reviewDecisionDays days,
// keeping or changing the grade.
import { getRules } from "~/modules/config/rules.server";
import { notifyAdmins, notifyOrganization, notifyUsers } from "~/modules/notifications/notifications.server";
import { gradeLabel } from "~/modules/registry/grade";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { addDays, shanghaiEndOfDay, shanghaiParts } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { ratingApplicationWorkflow } from "./application-workflow";
import { reviewRequestWorkflow } from "./publicity-workflow";
import { RATING_ROUND_ENTITY_TYPE, ratingRoundWorkflow } from "./round-workflow";

const endOfDayAfter = (at: Date, days: number) => {
  const p = shanghaiParts(addDays(at, days));
  return shanghaiEndOfDay(p.year, p.month, p.day);
};

/** COMMITTEE → PUBLICITY: the decided results are published until publicityEndsAt. */
export async function publishResults(input: { roundId: string; actorId: string; request?: Request; now?: Date }) {
  const now = input.now ?? new Date();
  const round = await prisma.ratingRound.findUnique({
    where: { id: input.roundId },
    select: { id: true, status: true, title: true, publicityDays: true },
  });
  if (!round) throw new WorkflowError("未找到该评估轮次", 400);
  const decided = await prisma.ratingApplication.findMany({
    where: { roundId: round.id, status: "DECIDED" },
    select: { organizationId: true },
  });
  if (decided.length === 0) throw new WorkflowError("还没有评估委员会审定的申请，不能公示", 400);
  const publicityEndsAt = endOfDayAfter(now, round.publicityDays);
  await prisma.$transaction(async (tx) => {
    await runTransition(tx, {
      workflow: ratingRoundWorkflow,
      entityType: RATING_ROUND_ENTITY_TYPE,
      entityId: round.id,
      from: round.status as "COMMITTEE",
      to: "PUBLICITY",
      actor: { id: input.actorId, role: "ADMIN" },
      reason: `公示 ${decided.length} 家组织的评估结果至${formatDate(publicityEndsAt)}`,
      request: input.request,
      apply: async () =>
        (
          await tx.ratingRound.updateMany({
            where: { id: round.id, status: "COMMITTEE" },
            data: { status: "PUBLICITY", publicityStartsAt: now, publicityEndsAt },
          })
        ).count,
    });
    const members = await tx.membership.findMany({
      where: { organizationId: { in: decided.map((d) => d.organizationId) } },
      select: { userId: true },
    });
    await notifyUsers(tx, {
      userIds: members.map((m) => m.userId),
      title: `${round.title}：评估结果公示`,
      body: `评估结果公示至${formatDate(publicityEndsAt)}。对结果有异议的，可在公示期内申请复核。`,
      link: "/org/rating/review",
    });
  });
  return { publicityEndsAt };
}

/** The organization asks for 复核 during 公示 (DECIDED → REVIEW_REQUESTED). */
export async function fileReviewRequest(input: {
  applicationId: string;
  organizationId: string;
  reasons: string;
  evidence?: string | null;
  actorId: string;
  request?: Request;
  now?: Date;
}): Promise<WriteResult<{ requestId: string; dueAt: Date }>> {
  const now = input.now ?? new Date();
  const application = await prisma.ratingApplication.findUnique({
    where: { id: input.applicationId },
    select: {
      id: true,
      status: true,
      organizationId: true,
      finalGrade: true,
      organization: { select: { name: true } },
      round: { select: { status: true, title: true, publicityEndsAt: true } },
    },
  });
  if (!application || application.organizationId !== input.organizationId)
    return fail("未找到该评估申请", { status: 404 });
  const { round } = application;
  if (round.status !== "PUBLICITY" || !round.publicityEndsAt || now > round.publicityEndsAt) {
    return fail("只能在评估结果公示期内申请复核");
  }
  // One 复核 per result: once decided, the decision stands (it would otherwise hold up the 公告).
  if ((await prisma.ratingReviewRequest.count({ where: { applicationId: application.id } })) > 0) {
    return fail("该评估结果已申请过复核，复核决定为最终决定");
  }
  const dueAt = endOfDayAfter(now, (await getRules(now))["rating.reviewDecisionDays"]);
  const created = await prisma.$transaction(async (tx) => {
    await runTransition(tx, {
      workflow: ratingApplicationWorkflow,
      entityType: "RatingApplication",
      entityId: application.id,
      from: application.status as "DECIDED",
      to: "REVIEW_REQUESTED",
      actor: { id: input.actorId, role: "ORG_MEMBER" },
      reason: input.reasons.trim(),
      request: input.request,
      apply: async () =>
        (
          await tx.ratingApplication.updateMany({
            where: { id: application.id, status: "DECIDED" },
            data: { status: "REVIEW_REQUESTED" },
          })
        ).count,
    });
    const created = await tx.ratingReviewRequest.create({
      data: {
        applicationId: application.id,
        organizationId: application.organizationId,
        reasons: input.reasons.trim(),
        evidence: input.evidence?.trim() || null,
        dueAt,
        gradeBefore: application.finalGrade,
        filedById: input.actorId,
        createdAt: now,
      },
      select: { id: true },
    });
    await notifyAdmins(tx, {
      title: `${application.organization.name}申请复核评估结果`,
      body: `${round.title}；请于${formatDate(dueAt)}前作出复核决定。`,
      link: "/admin/rating",
    });
    return created;
  });
  return succeed({ requestId: created.id, dueAt });
}

/** Staff decide a 复核: keep the grade or change it, with a reason (REVIEW_REQUESTED → DECIDED). */
export async function decideReviewRequest(input: {
  requestId: string;
  outcome: "KEPT" | "CHANGED";
  grade?: number | null;
  note: string;
  actorId: string;
  request?: Request;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const found = await prisma.ratingReviewRequest.findUnique({
    where: { id: input.requestId },
    select: { id: true, status: true, applicationId: true, organizationId: true, gradeBefore: true },
  });
  if (!found) throw new WorkflowError("未找到该复核申请", 400);
  const gradeAfter = input.outcome === "CHANGED" ? (input.grade ?? null) : found.gradeBefore;
  if (input.outcome === "CHANGED" && gradeAfter === found.gradeBefore) {
    throw new WorkflowError("变更后的等级与原等级相同；如维持请选择「维持原等级」", 400);
  }
  const note = input.note.trim();
  const verdict = input.outcome === "KEPT" ? `维持${gradeLabel(gradeAfter)}` : `变更为${gradeLabel(gradeAfter)}`;
  await prisma.$transaction(async (tx) => {
    await runTransition(tx, {
      workflow: reviewRequestWorkflow,
      entityType: "RatingReviewRequest",
      entityId: found.id,
      from: found.status as "FILED",
      to: input.outcome,
      actor: { id: input.actorId, role: "ADMIN" },
      reason: note,
      request: input.request,
      apply: async () =>
        (
          await tx.ratingReviewRequest.updateMany({
            where: { id: found.id, status: "FILED" },
            data: { status: input.outcome, gradeAfter, decisionNote: note, decidedById: input.actorId, decidedAt: now },
          })
        ).count,
    });
    await runTransition(tx, {
      workflow: ratingApplicationWorkflow,
      entityType: "RatingApplication",
      entityId: found.applicationId,
      from: "REVIEW_REQUESTED",
      to: "DECIDED",
      actor: { id: input.actorId, role: "ADMIN" },
      reason: `复核${verdict}：${note}`,
      request: input.request,
      apply: async () =>
        (
          await tx.ratingApplication.updateMany({
            where: { id: found.applicationId, status: "REVIEW_REQUESTED" },
            data: {
              status: "DECIDED",
              ...(input.outcome === "CHANGED" ? { finalGrade: gradeAfter, gradeCapNote: `复核变更：${note}` } : {}),
            },
          })
        ).count,
    });
    await notifyOrganization(tx, found.organizationId, {
      title: `复核决定：${verdict}`,
      body: note,
      link: "/org/rating/review",
    });
  });
}
