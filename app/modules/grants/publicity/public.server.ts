// What anyone may read of a call's publicity: the shortlist once published, and
// an objection behind its secret link.
import { prisma } from "~/utils/db.server";
import { OBJECTION_SUBJECT_TYPE } from "./publicity";

const VISIBLE_STAGES = ["PUBLICIZED", "CONFIRMED"];

/** The fields of a shortlist entry shown on the public and staff pages. */
export const entrySelect = {
  applicationId: true,
  rank: true,
  finalScore: true,
  amountFen: true,
  application: { select: { title: true, organization: { select: { name: true } } } },
} as const;

/** The call's publicity as the public sees it; null (404) before publication. */
export async function getPublicity(callId: string) {
  const call = await prisma.grantCall.findUnique({
    where: { id: callId },
    select: {
      id: true,
      title: true,
      year: true,
      status: true,
      reviewStage: true,
      publicityStartsAt: true,
      publicityEndsAt: true,
      confirmedAt: true,
    },
  });
  if (!call || call.status === "DRAFT" || !VISIBLE_STAGES.includes(call.reviewStage)) return null;
  const awards = await prisma.grantAward.findMany({
    where: { callId, selected: true },
    orderBy: [{ rank: "asc" }],
    select: entrySelect,
  });
  const entries = awards.map((a) => ({
    applicationId: a.applicationId,
    rank: a.rank,
    finalScore: a.finalScore,
    amountFen: a.amountFen,
    title: a.application.title,
    organizationName: a.application.organization.name,
  }));
  const { status: _status, ...rest } = call;
  return { call: rest, entries };
}

/** What the objector sees behind their secret link. */
export async function getObjectionByToken(token: string) {
  if (!token || token.length > 100) return null;
  const row = await prisma.grantObjection.findUnique({
    where: { accessToken: token },
    select: {
      id: true,
      name: true,
      content: true,
      status: true,
      reply: true,
      upheldAction: true,
      changedAmountFen: true,
      decidedAt: true,
      createdAt: true,
      call: { select: { id: true, title: true } },
      application: { select: { title: true, organization: { select: { name: true } } } },
    },
  });
  if (!row) return null;
  const evidence = await prisma.attachment.findFirst({
    where: { subjectType: OBJECTION_SUBJECT_TYPE, subjectId: row.id },
    select: { originalName: true },
  });
  const { id: _id, ...rest } = row;
  return { ...rest, evidenceName: evidence?.originalName ?? null };
}
