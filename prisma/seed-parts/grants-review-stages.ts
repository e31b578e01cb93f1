// Takes a seeded review round on through the app's own steps (grants-review.ts):
// ranked and published for publicity, with one objection waiting for an answer;
// for last year's round, the list confirmed. The steps stamp "now"; the seed moves
// their audit events and notifications back to when the story says they happened.
import type { PrismaClient } from "~/generated/prisma/client";
import { confirmShortlist } from "~/modules/grants/publicity/confirm-shortlist.server";
import { createObjection } from "~/modules/grants/publicity/create-objection.server";
import { generateShortlist, publishShortlist } from "~/modules/grants/ranking/allocation.server";
import type { ReviewRound } from "./grants-review-rounds";

const SEED_REQUEST = () => new Request("http://localhost/seed", { headers: { "x-forwarded-for": "10.32.15.21" } });

export async function advanceRound(prisma: PrismaClient, callId: string, round: ReviewRound) {
  if (!round.publishedShortlistAt) return;
  const admin = await prisma.user.findFirst({
    where: { role: "ADMIN", status: "ACTIVE" },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!admin) throw new Error("advanceRound: no administrator");

  const rankedFrom = new Date();
  await generateShortlist(callId, admin);
  await backdate(prisma, rankedFrom, new Date(round.publishedShortlistAt.getTime() - 86_400_000));

  const publishedFrom = new Date();
  await publishShortlist(callId, admin, undefined, round.publishedShortlistAt);
  await backdate(prisma, publishedFrom, round.publishedShortlistAt);

  if (round.confirmedAt) {
    const confirmedFrom = new Date();
    const result = await confirmShortlist({ callId, actorId: admin.id, request: SEED_REQUEST() });
    if (!result.ok) throw new Error(`advanceRound: ${round.title}: the list could not be confirmed`);
    await prisma.grantCall.update({ where: { id: callId }, data: { confirmedAt: round.confirmedAt } });
    await backdate(prisma, confirmedFrom, round.confirmedAt);
    return;
  }

  // While the publicity is open: one objection from a resident, not yet answered.
  const shortlisted = await prisma.grantApplication.findFirst({
    where: { callId, status: "SHORTLISTED" },
    orderBy: { submittedAt: "desc" },
    select: { id: true, title: true },
  });
  if (!shortlisted) return;
  const objectedFrom = new Date();
  const objection = await createObjection({
    callId,
    applicationId: shortlisted.id,
    name: "王先生",
    contact: "13905170000",
    content: `「${shortlisted.title}」申报书所述的服务场地在本小区，据我了解该场地今年已另作他用，请核实项目能否按计划执行。`,
    request: SEED_REQUEST(),
  });
  if (!objection.ok) throw new Error(`advanceRound: ${round.title}: the demo objection was refused`);
  await backdate(prisma, objectedFrom, new Date(round.publishedShortlistAt.getTime() + 26 * 3_600_000));
}

/**
 * Audit events, notifications and objections written since `from` happened at `at`.
 * The audit events are the tail of the hash chain (#18): unlinked here, the seed's
 * sealAuditChain links them again with their story times.
 */
/** Moves the audit events, notifications and objections written since `from` back to `at` (the seed re-chains the audit log at the end). */
export async function backdate(prisma: PrismaClient, from: Date, at: Date) {
  await prisma.auditEvent.updateMany({
    where: { createdAt: { gte: from } },
    data: { createdAt: at, seq: null, prevHash: null, hash: null },
  });
  await prisma.notification.updateMany({ where: { createdAt: { gte: from } }, data: { createdAt: at } });
  await prisma.objection.updateMany({ where: { createdAt: { gte: from } }, data: { createdAt: at } });
}
