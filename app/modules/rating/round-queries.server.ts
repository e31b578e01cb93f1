// Staff reads of rating rounds: the list, one round with its schemes and applications.
import { schemesFor } from "~/modules/indicators/scheme.server";
import { prisma } from "~/utils/db.server";
import { parseBands } from "./bands";

export async function listRatingRounds() {
  const rounds = await prisma.ratingRound.findMany({
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
    take: 50,
    select: {
      id: true,
      year: true,
      title: true,
      rulesVersion: true,
      status: true,
      applyOpensAt: true,
      applyClosesAt: true,
      _count: { select: { applications: { where: { status: { notIn: ["DRAFT", "WITHDRAWN"] } } } } },
    },
  });
  return rounds.map(({ _count, ...round }) => ({ ...round, submitted: _count.applications }));
}

/** One round as the staff's pages show it: settings, schemes with their titles, bands. */
export async function loadRatingRound(roundId: string) {
  const round = await prisma.ratingRound.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      year: true,
      title: true,
      rulesVersion: true,
      bands: true,
      applyOpensAt: true,
      applyClosesAt: true,
      reviewEndsAt: true,
      reviewersPerApplication: true,
      blind: true,
      publicityDays: true,
      committeeMembers: true,
      status: true,
      schemes: { orderBy: { orgType: "asc" }, select: { orgType: true, schemeId: true } },
    },
  });
  if (!round) return null;
  const schemes = await prisma.indicatorScheme.findMany({
    where: { id: { in: round.schemes.map((s) => s.schemeId) } },
    select: { id: true, title: true, version: true, totalPoints: true },
  });
  const byId = new Map(schemes.map((s) => [s.id, s]));
  return {
    ...round,
    bands: parseBands(round.bands),
    schemes: round.schemes.map((s) => ({ ...s, scheme: byId.get(s.schemeId) ?? null })),
  };
}

export type StaffRound = NonNullable<Awaited<ReturnType<typeof loadRatingRound>>>;

/** The applications of a round staff see (drafts stay with the organization). */
export async function listRoundApplications(roundId: string) {
  return prisma.ratingApplication.findMany({
    where: { roundId, status: { notIn: ["DRAFT", "WITHDRAWN"] } },
    orderBy: [{ submittedAt: "asc" }],
    select: {
      id: true,
      status: true,
      selfTotal: true,
      expertTotal: true,
      submittedAt: true,
      organization: { select: { name: true, type: true } },
    },
  });
}

/** The rating schemes staff may choose for each organization type, newest version first. */
export async function ratingSchemeOptions() {
  const schemes = await schemesFor("RATING", null);
  return schemes.map((s) => ({
    value: s.id,
    orgType: s.orgType,
    label: `${s.title}（第 ${s.version} 版，${s.totalPoints} 分）`,
  }));
}
