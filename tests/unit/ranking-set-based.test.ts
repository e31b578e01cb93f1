// computeCallRanking reads a round's reviews as narrow rows (ranking-reads.server.ts)
// instead of full assignment objects (issue #17 item 6). On a generated round with
// fractional scores, a review without scores, an application without reviews, an
// application outside the ranking with reviews, and every aggregation setting, the
// ranking must equal the pure rule applied to the same data kept in memory.
import { expect, test } from "vitest";
import { GRANT_SUBJECT_TYPE } from "~/modules/grants/applications/application-form";
import { maxGrantFor, rankApplications } from "~/modules/grants/ranking/allocation";
import { aggregationSettingsOf, allocationRulesOf, computeCallRanking } from "~/modules/grants/review/results.server";
import { aggregateScores, weightedTotal } from "~/modules/review/aggregation";
import { prisma } from "~/utils/db.server";

const APPS = 60;
const REVIEWERS = 12;
const PER_APP = 5;
const CRITERIA = [
  { maxScore: 20, weightPct: 15 },
  { maxScore: 15, weightPct: 10 },
  { maxScore: 10, weightPct: 20 },
  { maxScore: 25, weightPct: 5 },
  { maxScore: 10, weightPct: 20 },
  { maxScore: 30, weightPct: 15 },
  { maxScore: 7, weightPct: 15 },
];

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function generateRound() {
  const next = random(20261205);
  const day = Date.UTC(2026, 5, 1);
  const admin = await prisma.user.create({
    data: { email: "rank-admin@example.com", name: "管理员", role: "ADMIN" },
    select: { id: true },
  });
  const call = await prisma.grantCall.create({
    data: {
      title: "排名对照测试",
      year: 2026,
      description: "",
      poolFen: 30_000_000n,
      perProjectCapFen: 2_000_000,
      maxGrantSharePct: 80,
      overheadCapPct: 10,
      applyOpensAt: new Date(day),
      applyClosesAt: new Date(day + 86_400_000),
      screeningEndsAt: new Date(day + 2 * 86_400_000),
      reviewEndsAt: new Date(day + 3 * 86_400_000),
      signingEndsAt: new Date(day + 4 * 86_400_000),
      createdById: admin.id,
      criteria: { create: CRITERIA.map((c, i) => ({ ...c, name: `标准${i + 1}`, position: i })) },
    },
    select: { id: true, criteria: { select: { id: true } } },
  });
  await prisma.user.createMany({
    data: Array.from({ length: REVIEWERS }, (_, r) => ({
      id: `rank-reviewer-${r}`,
      email: `rank-reviewer-${r}@example.com`,
      name: `专家${r}`,
      role: "REVIEWER",
    })),
  });
  await prisma.organization.createMany({
    data: Array.from({ length: APPS }, (_, i) => ({
      id: `rank-org-${i}`,
      type: "SOCIAL_SERVICE",
      name: `排名测试组织${i}`,
      status: "REGISTERED",
    })),
  });
  await prisma.grantApplication.createMany({
    data: Array.from({ length: APPS }, (_, i) => ({
      id: `rank-app-${String(i).padStart(3, "0")}`,
      callId: call.id,
      organizationId: `rank-org-${i}`,
      // The last application is outside the ranking but has reviews.
      status: i === APPS - 1 ? "SCREEN_FAILED" : i % 7 === 3 ? "SHORTLISTED" : "SCREEN_PASSED",
      title: `项目${i}`,
      // Equal requests and equal times on some, so the tie-break is exercised.
      requestedFen: 500_000 + (i % 5) * 250_000,
      totalBudgetFen: 1_000_000 + (i % 3) * 400_000,
      submittedAt: i % 4 === 0 ? null : new Date(day + (i % 6) * 3_600_000),
      createdAt: new Date(day - i * 60_000),
      createdById: admin.id,
    })),
  });
  const assignments = [];
  const scores: Array<{ assignmentId: string; criterionId: string; score: number }> = [];
  for (let i = 0; i < APPS; i++) {
    if (i === 5) continue; // no review at all: listed as without review
    for (let k = 0; k < PER_APP; k++) {
      const id = `rank-asg-${i}-${k}`;
      const status = (i + k) % 9 === 0 ? "DRAFTED" : "SUBMITTED";
      assignments.push({
        id,
        subjectType: GRANT_SUBJECT_TYPE,
        subjectId: `rank-app-${String(i).padStart(3, "0")}`,
        roundId: call.id,
        reviewerId: `rank-reviewer-${(i * 3 + k) % REVIEWERS}`,
        status,
        submittedAt: status === "SUBMITTED" ? new Date(day + 86_400_000 + k * 1_000) : null,
      });
      if (i === 11 && k === 2) continue; // submitted without a single score: counts as 0
      call.criteria.forEach((criterion, c) => {
        if (i % 10 === 4 && c === 6) return; // a criterion left unscored
        const max = CRITERIA[c]!.maxScore;
        scores.push({ assignmentId: id, criterionId: criterion.id, score: Math.round(next() * max * 10) / 10 });
      });
    }
  }
  await prisma.reviewAssignment.createMany({ data: assignments });
  await prisma.reviewScore.createMany({ data: scores });
  return { callId: call.id, assignments, scores };
}

/** The ranking from the same rows held in memory, through the pure rule only. */
async function rankingInMemory(round: Awaited<ReturnType<typeof generateRound>>) {
  const call = (await computeCallRanking(round.callId))!.call;
  const apps = await prisma.grantApplication.findMany({
    where: { callId: round.callId, status: { in: ["SCREEN_PASSED", "SHORTLISTED"] } },
    select: { id: true, requestedFen: true, totalBudgetFen: true, submittedAt: true, createdAt: true },
  });
  const rankable = new Set(apps.map((a) => a.id));
  const submitted = round.assignments
    .filter((a) => a.status === "SUBMITTED" && rankable.has(a.subjectId))
    .sort((a, b) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0));
  const totals = submitted.map((a) => ({
    subjectId: a.subjectId,
    reviewerId: a.reviewerId,
    total: weightedTotal(
      call.criteria,
      Object.fromEntries(round.scores.filter((s) => s.assignmentId === a.id).map((s) => [s.criterionId, s.score])),
    ),
  }));
  const aggregates = new Map(aggregateScores(totals, aggregationSettingsOf(call)).map((a) => [a.subjectId, a]));
  const rules = allocationRulesOf(call);
  const scored = apps.flatMap((app) => {
    const agg = aggregates.get(app.id);
    if (!agg || agg.finalScore == null) return [];
    const candidate = {
      applicationId: app.id,
      rank: 0,
      requestedFen: app.requestedFen,
      totalBudgetFen: app.totalBudgetFen,
    };
    return [
      {
        applicationId: app.id,
        finalScore: agg.finalScore,
        reviewCount: agg.reviewCount,
        spread: agg.spread,
        flagged: agg.flagged,
        trimmed: agg.trimmed,
        requestedFen: app.requestedFen,
        submittedAt: app.submittedAt ?? app.createdAt,
        maxGrant: maxGrantFor(candidate, rules),
      },
    ];
  });
  return rankApplications(scored);
}

test("the set-based ranking equals the pure rule over the same reviews, for every aggregation", async () => {
  const round = await generateRound();
  for (const [aggregation, zScoreNormalize] of [
    ["MEAN", false],
    ["MEAN", true],
    ["TRIMMED_MEAN", false],
    ["TRIMMED_MEAN", true],
  ] as const) {
    await prisma.grantCall.update({
      where: { id: round.callId },
      data: { aggregation, zScoreNormalize, disagreementThreshold: 12 },
    });
    const computed = (await computeCallRanking(round.callId))!;
    const expected = await rankingInMemory(round);
    const label = `${aggregation} z=${zScoreNormalize}`;
    expect(computed.rows.length, label).toBe(APPS - 2);
    expect(
      computed.rows.map((r) => ({
        applicationId: r.applicationId,
        rank: r.rank,
        finalScore: r.finalScore,
        reviewCount: r.reviewCount,
        spread: r.spread,
        flagged: r.flagged,
        trimmed: r.trimmed,
        requestedFen: r.requestedFen,
        submittedAt: r.submittedAt,
        maxGrant: r.maxGrant,
      })),
      label,
    ).toEqual(
      expected.map((r) => ({
        applicationId: r.applicationId,
        rank: r.rank,
        finalScore: r.finalScore,
        reviewCount: r.reviewCount,
        spread: r.spread,
        flagged: r.flagged,
        trimmed: r.trimmed,
        requestedFen: r.requestedFen,
        submittedAt: r.submittedAt,
        maxGrant: r.maxGrant,
      })),
    );
    expect(computed.rows.find((r) => r.applicationId === "rank-app-011")?.reviewCount, label).toBeGreaterThan(0);
    expect(
      computed.completeness.withoutReview.map((a) => a.id),
      label,
    ).toEqual(["rank-app-005"]);
    expect(computed.completeness.openAssignments, label).toBeGreaterThan(0);
    expect(computed.rows[0]!.organizationName, label).toMatch(/^排名测试组织\d+$/);
  }
});
