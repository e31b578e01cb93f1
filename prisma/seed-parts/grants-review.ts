// Demo expert review for prisma/seed.ts: three 公益创投 rounds in different phases
// (grants-review-rounds.ts). Each round's ten screened applications were assigned
// to the four active reviewers with the same automatic assignment the app uses
// (seed "5eed2026"), three reviewers per project. In the round under review everyone
// has submitted except 李建国 (expert@yimiao.demo), who has a draft and two projects
// still to score, so the demo shows the reviewer workspace, review progress and a
// ranking preview. The other rounds went on through the app's own steps: ranked,
// published for publicity (one objection waiting), and for last year's, confirmed.
import type { PrismaClient } from "~/generated/prisma/client";
import { GRANT_SUBJECT_TYPE, type GrantApplicationData } from "~/modules/grants/applications/application-form";
import { validateCallForPublish } from "~/modules/grants/calls/validation";
import { conflictingOrganizationIds, planAssignments } from "~/modules/review/assignment";
import { addDays } from "~/utils/dates";
import {
  BARRED_STAND_INS,
  COMMENTS,
  EARLIER_TITLES,
  LENIENCY,
  PROJECTS,
  REVIEWER_EMAILS,
  ROUNDS_AFTER_BANS,
  scoreFor,
} from "./grants-review-projects";
import { REVIEW_ROUNDS, type ReviewRound } from "./grants-review-rounds";
import { advanceRound } from "./grants-review-stages";

const ASSIGNMENT_SEED = "5eed2026";
const STAFF_IP = "10.32.15.21";

export async function seedGrantReview(prisma: PrismaClient) {
  for (const round of REVIEW_ROUNDS) {
    const callId = await seedReviewRound(prisma, round);
    if (callId) await advanceRound(prisma, callId, round);
  }
}

/** Creates the round's call, applications and reviewer tasks; null when it exists already. */
async function seedReviewRound(prisma: PrismaClient, round: ReviewRound) {
  if (await prisma.grantCall.findFirst({ where: { title: round.title }, select: { id: true } })) return null;
  const errors = validateCallForPublish(round.settings);
  if (Object.keys(errors).length > 0) throw new Error(`seedGrantReview: ${round.title}: ${JSON.stringify(errors)}`);
  const titles = EARLIER_TITLES[round.key];

  const [admin, reviewers, orgs] = await Promise.all([
    prisma.user.findFirst({
      where: { role: "ADMIN", status: "ACTIVE" },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    }),
    prisma.user.findMany({
      where: { email: { in: Object.values(REVIEWER_EMAILS) }, status: "ACTIVE" },
      select: {
        id: true,
        email: true,
        name: true,
        reviewerProfile: { select: { expertiseTags: true } },
        memberships: { select: { organizationId: true } },
        affiliations: { select: { organizationId: true } },
      },
    }),
    prisma.organization.findMany({
      where: {
        name: { in: [...PROJECTS.map((p) => p.org), ...Object.values(BARRED_STAND_INS)] },
        status: "REGISTERED",
      },
      select: {
        id: true,
        name: true,
        legalRepresentative: true,
        memberships: { select: { userId: true }, orderBy: { createdAt: "asc" }, take: 1 },
      },
    }),
  ]);
  if (!admin) throw new Error("seedGrantReview: no administrator");
  const s = round.settings;
  const call = await prisma.grantCall.create({
    data: {
      title: round.title,
      year: round.year,
      description: round.description,
      status: round.status,
      categories: JSON.stringify(s.categories),
      poolFen: s.poolFen,
      perProjectCapFen: s.perProjectCapFen,
      maxGrantSharePct: s.maxGrantSharePct,
      minMatchRatioPct: s.minMatchRatioPct,
      overheadCapPct: s.overheadCapPct,
      applyOpensAt: s.applyOpensAt,
      applyClosesAt: s.applyClosesAt,
      screeningEndsAt: s.screeningEndsAt,
      reviewEndsAt: s.reviewEndsAt,
      publicityDays: s.publicityDays,
      signingEndsAt: s.signingEndsAt,
      eligibility: JSON.stringify(s.eligibility),
      reviewersPerApplication: 3,
      aggregation: "MEAN",
      zScoreNormalize: true,
      disagreementThreshold: 15,
      assignmentSeed: ASSIGNMENT_SEED,
      createdById: admin.id,
      createdAt: round.createdAt,
      publishedAt: round.publishedAt,
      criteria: { create: s.criteria.map((c, position) => ({ ...c, position })) },
      tranchePlan: { create: s.tranches.map((t, position) => ({ ...t, position })) },
    },
    select: { id: true, criteria: { select: { id: true }, orderBy: { position: "asc" } } },
  });

  const applications: Array<{ id: string; organizationId: string; category: string; quality: number; index: number }> =
    [];
  // Organizations barred by then (the funded round's failures) do not apply: others take their places.
  const afterBans = ROUNDS_AFTER_BANS.includes(round.key);
  for (const [index, p] of PROJECTS.entries()) {
    const orgName = afterBans ? (BARRED_STAND_INS[p.org] ?? p.org) : p.org;
    const org = orgs.find((o) => o.name === orgName);
    if (!org) continue;
    const applicantId = org.memberships[0]?.userId ?? admin.id;
    const submittedAt = addDays(round.submissionsFrom, index * 2);
    const data: GrantApplicationData = {
      serviceArea: p.area,
      community: p.area.replace("江宁区", ""),
      beneficiaries: p.beneficiaries,
      beneficiaryCount: p.count,
      needs: p.needs,
      goals: p.goals,
      team: [{ name: "项目负责人", role: "项目主管", socialWorker: true, certificate: "SOCIAL_WORKER" }],
      declared: { requestedFen: p.requested * 100, ownFen: p.own * 100, matchedFen: p.matched * 100 },
    };
    const overhead = Math.round(p.requested * 0.08);
    const created = await prisma.grantApplication.create({
      data: {
        callId: call.id,
        organizationId: org.id,
        status: "SCREEN_PASSED",
        title: titles?.[index] ?? p.title,
        category: p.category,
        data: JSON.stringify(data),
        projectStart: round.projectStart,
        projectEnd: addDays(round.projectStart, 364),
        requestedFen: p.requested * 100,
        ownFundsFen: p.own * 100,
        matchedFen: p.matched * 100,
        totalBudgetFen: (p.requested + p.own + p.matched) * 100,
        submittedAt,
        createdById: applicantId,
        createdAt: new Date(submittedAt.getTime() - 5 * 86_400_000),
        budgetLines: {
          create: [
            {
              category: "SOCIAL_WORK",
              description: "专业社工服务",
              requestedFen: (p.requested - overhead) * 100,
              ownFen: p.own * 100,
              matchedFen: 0,
              position: 0,
            },
            {
              category: "ACTIVITY",
              description: "社区活动物料",
              requestedFen: 0,
              ownFen: 0,
              matchedFen: p.matched * 100,
              position: 1,
            },
            {
              category: "OVERHEAD",
              description: "项目管理与审计",
              requestedFen: overhead * 100,
              ownFen: 0,
              matchedFen: 0,
              position: 2,
            },
          ],
        },
        milestones: {
          create: [
            { title: "项目启动", dueDate: addDays(round.projectStart, 30), position: 0 },
            { title: "中期评估", dueDate: addDays(round.projectStart, 180), position: 1 },
            { title: "结项", dueDate: addDays(round.projectStart, 348), position: 2 },
          ],
        },
        indicators: { create: [{ kind: "OUTPUT", name: "服务人数", target: `${p.count} 人`, position: 0 }] },
      },
      select: { id: true },
    });
    await prisma.auditEvent.createMany({
      data: [
        {
          actorId: applicantId,
          action: "grant_application.transition",
          entityType: GRANT_SUBJECT_TYPE,
          entityId: created.id,
          fromState: "DRAFT",
          toState: "SUBMITTED",
          reason: "提交申报",
          createdAt: submittedAt,
        },
        {
          actorId: admin.id,
          action: "grant_application.transition",
          entityType: GRANT_SUBJECT_TYPE,
          entityId: created.id,
          fromState: "SUBMITTED",
          toState: "SCREEN_PASSED",
          reason: "初审通过",
          ip: STAFF_IP,
          createdAt: round.screenedAt,
        },
      ],
    });
    applications.push({ id: created.id, organizationId: org.id, category: p.category, quality: p.quality, index });
  }

  const plan = planAssignments({
    subjects: applications.map((a) => ({ id: a.id, organizationId: a.organizationId, category: a.category })),
    reviewers: reviewers.map((r) => ({
      id: r.id,
      tags: JSON.parse(r.reviewerProfile?.expertiseTags ?? "[]") as string[],
      conflictOrganizationIds: conflictingOrganizationIds(
        {
          name: r.name,
          memberOrganizationIds: r.memberships.map((m) => m.organizationId),
          affiliatedOrganizationIds: r.affiliations.map((a) => a.organizationId),
        },
        orgs,
      ),
    })),
    existing: [],
    k: 3,
    seed: ASSIGNMENT_SEED,
  });

  const assignedAt = round.assignedAt;
  const keyOf = (reviewerId: string) =>
    Object.entries(REVIEWER_EMAILS).find(
      ([, email]) => reviewers.find((r) => r.id === reviewerId)?.email === email,
    )![0];
  let expertTasks = 0;
  for (const [n, added] of plan.added.entries()) {
    const key = keyOf(added.reviewerId);
    const app = applications.find((a) => a.id === added.subjectId)!;
    // 李建国 (the demo reviewer) keeps a draft and two untouched tasks.
    const isExpert = key === "expert" && round.key === "review";
    const status = isExpert
      ? expertTasks === 0
        ? "DRAFTED"
        : expertTasks <= 2
          ? "ASSIGNED"
          : "SUBMITTED"
      : "SUBMITTED";
    if (isExpert) expertTasks++;
    const submittedAt = new Date(round.reviewsFrom.getTime() + n * 5 * 3_600_000);
    const scores = call.criteria.map((c, i) => ({
      criterionId: c.id,
      score: scoreFor(app.quality, LENIENCY[key] ?? 0, i, n),
    }));
    const assignment = await prisma.reviewAssignment.create({
      data: {
        subjectType: GRANT_SUBJECT_TYPE,
        subjectId: added.subjectId,
        roundId: call.id,
        reviewerId: added.reviewerId,
        status,
        assignmentSeed: ASSIGNMENT_SEED,
        dueAt: s.reviewEndsAt,
        createdAt: assignedAt,
        comment: status === "ASSIGNED" ? null : COMMENTS[(n + app.index) % COMMENTS.length],
        recommendation:
          status === "SUBMITTED"
            ? app.quality >= 75
              ? "FUND"
              : app.quality >= 68
                ? "FUND_WITH_CHANGES"
                : "DO_NOT_FUND"
            : null,
        submittedAt: status === "SUBMITTED" ? submittedAt : null,
        scores: { create: status === "ASSIGNED" ? [] : status === "DRAFTED" ? scores.slice(0, 3) : scores },
      },
      select: { id: true },
    });
    if (status !== "ASSIGNED") {
      await prisma.auditEvent.create({
        data: {
          actorId: added.reviewerId,
          action: "review_assignment.transition",
          entityType: "ReviewAssignment",
          entityId: assignment.id,
          fromState: "ASSIGNED",
          toState: status,
          reason: status === "SUBMITTED" ? "提交评分" : "保存评分草稿",
          createdAt: submittedAt,
        },
      });
    }
  }
  await prisma.auditEvent.create({
    data: {
      actorId: admin.id,
      action: "grant_review.auto_assign",
      entityType: "GrantCall",
      entityId: call.id,
      reason: `随机种子 ${ASSIGNMENT_SEED}，每个项目 3 名专家，新增 ${plan.added.length} 项评审任务`,
      ip: STAFF_IP,
      createdAt: assignedAt,
    },
  });
  return call.id;
}
