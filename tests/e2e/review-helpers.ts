// Arrangements shared by the expert-review specs (#6): a call whose screening is
// done, with a rubric, screened applications from distinct organizations, a panel
// of reviewers, and shortcuts to assign and score straight in the database.
import crypto from "node:crypto";
import { GRANT_SUBJECT_TYPE } from "~/modules/grants/applications/application-form";
import { prisma } from "~/utils/db.server";
import { createUser } from "../playwright-utils";
import { createCall, createCompleteApplication, registerOrganization } from "./grants-apply-helpers";

const DAY = 86_400_000;

export const TEST_CRITERIA = [
  { name: "需求分析", maxScore: 20, weightPct: 20 },
  { name: "项目设计", maxScore: 30, weightPct: 30 },
  { name: "可行性", maxScore: 20, weightPct: 20 },
  { name: "预算合理性", maxScore: 15, weightPct: 15 },
  { name: "社会效益", maxScore: 15, weightPct: 15 },
] as const;

type RoundOptions = {
  adminId: string;
  applications?: number;
  reviewers?: number;
  /** requested amount per application in 分 (index-wise; falls back to 8,000,000) */
  requestedFen?: number[];
  poolFen?: bigint;
  reviewersPerApplication?: number;
  blindReview?: boolean;
};

/**
 * A published call past its screening with `applications` SCREEN_PASSED
 * applications (each from its own registered organization, with an owner
 * account) and `reviewers` active reviewers tagged 为老.
 */
export async function createReviewRound(options: RoundOptions) {
  const call = await createCall({ createdById: options.adminId, opensInDays: -60, closesInDays: -30 });
  const suffix = crypto.randomBytes(3).toString("hex");
  await prisma.grantCall.update({
    where: { id: call.id },
    data: {
      title: `评审测试公益创投${suffix}`,
      screeningEndsAt: new Date(Date.now() - 10 * DAY),
      reviewEndsAt: new Date(Date.now() + 10 * DAY),
      signingEndsAt: new Date(Date.now() + 60 * DAY),
      reviewersPerApplication: options.reviewersPerApplication ?? 3,
      blindReview: options.blindReview ?? false,
      ...(options.poolFen != null ? { poolFen: options.poolFen } : {}),
      criteria: { create: TEST_CRITERIA.map((c, position) => ({ ...c, position })) },
    },
  });
  const criteria = await prisma.grantCriterion.findMany({
    where: { callId: call.id },
    orderBy: { position: "asc" },
    select: { id: true, name: true, maxScore: true, weightPct: true },
  });

  const applications = [];
  for (let i = 0; i < (options.applications ?? 3); i++) {
    const owner = await createUser({ role: "ORG_MEMBER", organizationName: `评审测试服务中心${suffix}-${i + 1}` });
    await registerOrganization(owner.organizationId!);
    await prisma.organization.update({
      where: { id: owner.organizationId! },
      data: { legalRepresentative: `法人${suffix}${i + 1}` },
    });
    const app = await createCompleteApplication({
      callId: call.id,
      organizationId: owner.organizationId!,
      userId: owner.id,
      status: "SCREEN_PASSED",
      title: `评审测试项目${suffix}-${i + 1}`,
    });
    const requestedFen = options.requestedFen?.[i] ?? 8_000_000;
    await prisma.grantApplication.update({
      where: { id: app.id },
      data: { requestedFen, submittedAt: new Date(Date.now() - (40 - i) * DAY) },
    });
    applications.push({
      id: app.id,
      title: `评审测试项目${suffix}-${i + 1}`,
      owner,
      organizationId: owner.organizationId!,
      requestedFen,
    });
  }

  const reviewers = [];
  for (let i = 0; i < (options.reviewers ?? 3); i++) {
    reviewers.push(await createUser({ role: "REVIEWER", name: `评审专家${suffix}${i + 1}` }));
  }
  return { call: { ...call, title: `评审测试公益创投${suffix}` }, criteria, applications, reviewers };
}

/** An assignment made directly (as if staff had assigned it). */
export async function assign(callId: string, applicationId: string, reviewerId: string, dueInDays = 7) {
  return prisma.reviewAssignment.create({
    data: {
      subjectType: GRANT_SUBJECT_TYPE,
      subjectId: applicationId,
      roundId: callId,
      reviewerId,
      dueAt: new Date(Date.now() + dueInDays * DAY),
    },
    select: { id: true },
  });
}

/** A submitted review with the given scores (criterion order) and comment. */
export async function submitReview(
  assignmentId: string,
  criteria: { id: string }[],
  scores: number[],
  comment = "项目需求清楚，设计合理。",
) {
  await prisma.reviewAssignment.update({
    where: { id: assignmentId },
    data: {
      status: "SUBMITTED",
      submittedAt: new Date(),
      comment,
      recommendation: "FUND",
      scores: { create: criteria.map((c, i) => ({ criterionId: c.id, score: scores[i] ?? 0 })) },
    },
  });
}
