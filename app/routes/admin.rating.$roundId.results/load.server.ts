// What the staff's results page of a round reads (committee, 公示, 复核, 公告).
import { finalSheetOf } from "~/modules/rating/committee.server";
import { prisma } from "~/utils/db.server";

export async function loadRoundResults(roundId: string) {
  const round = await prisma.ratingRound.findUnique({
    where: { id: roundId },
    select: { id: true, title: true, status: true, committeeMembers: true, publicityEndsAt: true, announcedAt: true },
  });
  if (!round) return null;
  const [applications, meetings] = await Promise.all([
    prisma.ratingApplication.findMany({
      where: { roundId, status: { in: ["SCORED", "DECIDED", "REVIEW_REQUESTED", "ANNOUNCED"] } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        status: true,
        expertTotal: true,
        finalScore: true,
        finalGrade: true,
        gradeCapNote: true,
        organization: { select: { name: true } },
      },
    }),
    prisma.ratingCommitteeMeeting.findMany({
      where: { roundId },
      orderBy: { heldAt: "desc" },
      select: { id: true, heldAt: true, membersPresent: true, presentNames: true },
    }),
  ]);
  const reviews = await prisma.ratingReviewRequest.findMany({
    where: { applicationId: { in: applications.map((a) => a.id) } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      status: true,
      reasons: true,
      evidence: true,
      dueAt: true,
      gradeBefore: true,
      gradeAfter: true,
      decisionNote: true,
      applicationId: true,
    },
  });
  // The final score and grade the committee would vote on, for applications still to decide.
  const previews = new Map<string, { score: number; grade: number | null; note: string | null }>();
  for (const a of applications.filter((x) => x.status === "SCORED")) {
    const { decision } = await finalSheetOf(prisma, a.id);
    previews.set(a.id, { score: decision.score, grade: decision.grade, note: decision.note });
  }
  const nameOf = new Map(applications.map((a) => [a.id, a.organization.name]));
  return {
    round,
    applications: applications.map((a) => ({ ...a, preview: previews.get(a.id) ?? null })),
    meetings,
    reviews: reviews.map((r) => ({ ...r, organizationName: nameOf.get(r.applicationId) ?? "" })),
  };
}
