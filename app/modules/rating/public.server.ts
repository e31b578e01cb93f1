// The public side of rating: announced rounds and their results, and an
// organization's own results during 公示 (for filing 复核).
import { prisma } from "~/utils/db.server";

export async function listAnnouncedRounds() {
  return prisma.ratingRound.findMany({
    where: { status: { in: ["PUBLICITY", "ANNOUNCED"] } },
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
    take: 50,
    select: { id: true, title: true, year: true, status: true, publicityEndsAt: true, announcedAt: true },
  });
}

/** A round's published results: during 公示 the decided grades, once announced the announced ones. */
export async function getPublicRoundResults(roundId: string) {
  const round = await prisma.ratingRound.findFirst({
    where: { id: roundId, status: { in: ["PUBLICITY", "ANNOUNCED"] } },
    select: { id: true, title: true, year: true, status: true, publicityEndsAt: true, announcedAt: true },
  });
  if (!round) return null;
  const results = await prisma.ratingApplication.findMany({
    where: { roundId, status: { in: ["DECIDED", "REVIEW_REQUESTED", "ANNOUNCED"] } },
    orderBy: [{ finalGrade: "desc" }, { createdAt: "asc" }],
    select: { id: true, finalGrade: true, organization: { select: { id: true, name: true, type: true } } },
  });
  return { round, results };
}

/** The organization's applications whose results are published, with any 复核 it filed. */
export async function listOwnResults(organizationId: string) {
  const applications = await prisma.ratingApplication.findMany({
    where: { organizationId, status: { in: ["DECIDED", "REVIEW_REQUESTED", "ANNOUNCED"] } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      finalScore: true,
      finalGrade: true,
      gradeCapNote: true,
      round: { select: { title: true, status: true, publicityEndsAt: true } },
    },
  });
  const reviews = await prisma.ratingReviewRequest.findMany({
    where: { applicationId: { in: applications.map((a) => a.id) } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      applicationId: true,
      status: true,
      reasons: true,
      dueAt: true,
      gradeAfter: true,
      decisionNote: true,
    },
  });
  return applications.map((a) => ({ ...a, reviews: reviews.filter((r) => r.applicationId === a.id) }));
}
