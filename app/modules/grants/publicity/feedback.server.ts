// The review result an applicant sees once the list is confirmed (or their
// entry was removed by an upheld objection): score, rank, cut-off, criterion
// averages and the experts' comments, anonymised. No reviewer id or name ever
// leaves this module.
import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { GRANT_SUBJECT_TYPE } from "../applications/application-form";
import { anonymousComments, criterionAverages, cutOffScore } from "./publicity";

export async function getApplicationFeedback(applicationId: string) {
  const app = await prisma.grantApplication.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      status: true,
      callId: true,
      call: { select: { reviewStage: true } },
      award: { select: { rank: true, finalScore: true, selected: true, amountFen: true } },
    },
  });
  if (!app?.award) return null;
  const removal = await prisma.objection.findFirst({
    where: { entryType: GRANT_SUBJECT_TYPE, entryId: app.id, status: "UPHELD", upheldAction: "REMOVE" },
    orderBy: { decidedAt: "desc" },
    select: { reply: true },
  });
  const confirmed = app.call.reviewStage === "CONFIRMED";
  if (!confirmed && !(removal && app.status === "NOT_FUNDED")) return null;

  const [awards, criteria, assignments] = await Promise.all([
    prisma.grantAward.findMany({ where: { callId: app.callId }, select: { selected: true, finalScore: true } }),
    prisma.grantCriterion.findMany({
      where: { callId: app.callId },
      orderBy: { position: "asc" },
      select: { id: true, name: true, maxScore: true },
    }),
    prisma.reviewAssignment.findMany({
      where: { subjectType: GRANT_SUBJECT_TYPE, subjectId: app.id, status: "SUBMITTED" },
      select: { id: true, comment: true, recommendation: true, scores: { select: { criterionId: true, score: true } } },
    }),
  ]);
  const reviews = assignments.map((a) => ({
    // Opaque and stable: neither who reviewed nor in which order.
    sortKey: crypto.createHash("sha256").update(`${app.id}:${a.id}`).digest("hex"),
    comment: a.comment,
    recommendation: a.recommendation,
    scores: Object.fromEntries(a.scores.map((s) => [s.criterionId, s.score])),
  }));
  return {
    confirmed,
    finalScore: app.award.finalScore,
    rank: app.award.rank,
    total: awards.length,
    cutOff: cutOffScore(awards),
    selected: app.award.selected,
    amountFen: app.status === "FUNDED" || app.award.selected ? app.award.amountFen : null,
    removedReply: removal?.reply ?? null,
    criteria: criterionAverages(criteria, reviews).map(({ name, maxScore, average }) => ({ name, maxScore, average })),
    comments: anonymousComments(reviews),
  };
}
