// What anyone may read of a call's publicity: the shortlist once published, and
// an objection behind its secret link.
import { getObjectionByToken } from "~/modules/publicity/public.server";
import { prisma } from "~/utils/db.server";
import { GRANT_PUBLICATION_TYPE } from "./publicity";

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

/** What the objector sees behind their secret link (an objection to a grant shortlist only). */
export async function getGrantObjectionByToken(token: string) {
  const objection = await getObjectionByToken(token, GRANT_PUBLICATION_TYPE);
  if (!objection) return null;
  const [call, application] = await Promise.all([
    prisma.grantCall.findUnique({ where: { id: objection.publicationId }, select: { id: true, title: true } }),
    prisma.grantApplication.findUnique({
      where: { id: objection.entryId },
      select: { title: true, organization: { select: { name: true } } },
    }),
  ]);
  if (!call || !application) return null;
  const { publicationId: _p, entryId: _e, ...rest } = objection;
  return { ...rest, call, application };
}

/**
 * Shortlists whose objection window is open now, the soonest to close first: the home page
 * points the public to them. Calls are few (a handful a year), so this reads a small table.
 */
export async function listOpenShortlistPublicities(now: Date, take = 5) {
  return prisma.grantCall.findMany({
    where: { status: "PUBLISHED", reviewStage: "PUBLICIZED", publicityEndsAt: { gte: now } },
    orderBy: { publicityEndsAt: "asc" },
    take,
    select: { id: true, title: true, publicityEndsAt: true },
  });
}
