// Arranging rating results for the browser specs: a round in 评估委员会审定 with one application
// the expert has scored, and the same round further on (decided by the committee, in 公示), made
// in the database with the rating module's own functions so each journey starts where it matters.
import { recordMeeting, recordVote, setCommitteeScore } from "~/modules/rating/committee.server";
import { publishResults } from "~/modules/rating/publicity.server";
import { addDays } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { createUser } from "../playwright-utils";
import { registeredYearsAgo, smallRatingScheme, SMALL_SCHEME_BANDS } from "./rating-helpers";

/** The expert's scores of the small scheme: 10 + 6 + 10 + 4 = 30 (3A by the bands below). */
const EXPERT_SCORES: [string, number, string | null][] = [
  ["1.1", 10, null],
  ["1.2", 6, "实测办公面积约 60㎡"],
  ["2.1", 10, null],
  ["2.2", 4, "年度报告未在网站公开"],
];

/** A round in COMMITTEE (7 members) with one SCORED application of a registered 社会服务机构. */
export async function scoredApplication() {
  const scheme = await smallRatingScheme();
  const title = `等级评估结果测试${scheme.suffix}`;
  const member = await createUser({ role: "ORG_MEMBER", organizationName: `评估结果测试中心${scheme.suffix}` });
  const organizationId = member.organizationId!;
  await registeredYearsAgo(organizationId, 3);
  const today = new Date();
  const round = await prisma.ratingRound.create({
    data: {
      year: 2026,
      title,
      rulesVersion: "2026",
      bands: SMALL_SCHEME_BANDS,
      applyOpensAt: addDays(today, -60),
      applyClosesAt: addDays(today, -40),
      reviewEndsAt: addDays(today, -20),
      reviewersPerApplication: 1,
      committeeMembers: 7,
      publicityDays: 7,
      status: "COMMITTEE",
      schemes: { create: { orgType: "SOCIAL_SERVICE", schemeId: scheme.id } },
    },
    select: { id: true },
  });
  const application = await prisma.ratingApplication.create({
    data: {
      roundId: round.id,
      organizationId,
      schemeId: scheme.id,
      status: "SCORED",
      selfTotal: 38,
      expertTotal: 30,
      submittedAt: addDays(today, -45),
    },
    select: { id: true },
  });
  const expert = await createUser({ role: "REVIEWER" });
  await prisma.reviewAssignment.create({
    data: {
      subjectType: "RatingApplication",
      subjectId: application.id,
      roundId: round.id,
      reviewerId: expert.id,
      status: "SUBMITTED",
      comment: "实地查看办公场所，查阅财务制度和年度报告。",
      scores: { create: EXPERT_SCORES.map(([criterionId, score, note]) => ({ criterionId, score, note })) },
    },
  });
  const admin = await createUser({ role: "ADMIN" });
  const organization = await prisma.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { id: true, name: true },
  });
  return { round: { id: round.id, title }, application, member, admin, organization };
}

/**
 * The same, decided by the committee (2.2 raised to 8: 34 points, 4A) and published for 公示
 * `publishedDaysAgo` days ago (the publicity lasts 7 days).
 */
export async function publishedApplication(publishedDaysAgo: number) {
  const arranged = await scoredApplication();
  const { round, application, admin } = arranged;
  const meeting = await recordMeeting({
    roundId: round.id,
    heldAt: addDays(new Date(), -publishedDaysAgo - 1),
    membersPresent: 5,
    presentNames: "张委员、王委员、李委员、赵委员、刘委员",
    actorId: admin.id,
  });
  if (!meeting.ok) throw new Error("the meeting was refused");
  const score = await setCommitteeScore({
    applicationId: application.id,
    leafCode: "2.2",
    score: 8,
    reason: "补充材料显示年度报告已在登记管理机关网站公开",
    actorId: admin.id,
  });
  if (!score.ok) throw new Error("the committee score was refused");
  const vote = await recordVote({
    meetingId: meeting.meetingId,
    applicationId: application.id,
    inFavor: 5,
    against: 0,
    abstain: 0,
    actorId: admin.id,
  });
  if (!vote.ok || !vote.passed) throw new Error("the vote did not pass");
  await publishResults({ roundId: round.id, actorId: admin.id, now: addDays(new Date(), -publishedDaysAgo) });
  return arranged;
}
