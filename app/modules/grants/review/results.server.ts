// The experts' scores of a call turned into a ranking (#6): weighted totals per
// review, the call's aggregation, the tie-break, and how complete the review is.
// Reads only; allocation.server.ts writes the GrantAward rows from this.
import {
  aggregateScores,
  weightedTotal,
  type AggregationSettings,
  type ReviewerTotal,
  type RubricCriterion,
} from "~/modules/review/aggregation";
import { OPEN_ASSIGNMENT_STATES } from "~/modules/review/assignment-workflow";
import { roundScores } from "~/modules/review/scores.server";
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { GRANT_SUBJECT_TYPE } from "../applications/application-form";
import { maxGrantFor, rankApplications, type AllocationRules } from "../ranking/allocation";
import { rankableApplications, submittedScores } from "./ranking-reads.server";

type Db = Tx | typeof prisma;

/** Applications that take part in the ranking. */
export const RANKABLE_STATUSES = ["SCREEN_PASSED", "SHORTLISTED"];

export const rankingCallSelect = {
  id: true,
  title: true,
  year: true,
  poolFen: true,
  perProjectCapFen: true,
  maxGrantSharePct: true,
  aggregation: true,
  zScoreNormalize: true,
  disagreementThreshold: true,
  reviewStage: true,
  publicityDays: true,
  publicityStartsAt: true,
  publicityEndsAt: true,
  criteria: { orderBy: { position: "asc" }, select: { id: true, name: true, maxScore: true, weightPct: true } },
} as const satisfies Prisma.GrantCallSelect;

export type RankingCall = Prisma.GrantCallGetPayload<{ select: typeof rankingCallSelect }>;

export async function getRankingCall(callId: string, db: Db = prisma) {
  return db.grantCall.findUnique({ where: { id: callId }, select: rankingCallSelect });
}

export function allocationRulesOf(
  call: Pick<RankingCall, "poolFen" | "perProjectCapFen" | "maxGrantSharePct">,
): AllocationRules {
  return {
    poolFen: Number(call.poolFen),
    perProjectCapFen: call.perProjectCapFen,
    maxGrantSharePct: call.maxGrantSharePct,
  };
}

export function aggregationSettingsOf(
  call: Pick<RankingCall, "aggregation" | "zScoreNormalize" | "disagreementThreshold">,
): AggregationSettings {
  return {
    mode: call.aggregation === "TRIMMED_MEAN" ? "TRIMMED_MEAN" : "MEAN",
    zScore: call.zScoreNormalize,
    disagreementThreshold: call.disagreementThreshold,
  };
}

export type ReviewCompleteness = {
  /** assignments still ASSIGNED or DRAFTED in the round */
  openAssignments: number;
  submittedReviews: number;
  /** rankable applications without a single submitted review */
  withoutReview: { id: string; title: string }[];
  complete: boolean;
};

/** What still stands in the way of generating the shortlist, in Chinese; empty when nothing. */
export function completenessProblems(c: ReviewCompleteness) {
  const problems: string[] = [];
  if (c.openAssignments > 0) problems.push(`还有 ${c.openAssignments} 份评审未提交（待评审或草稿）`);
  if (c.withoutReview.length > 0)
    problems.push(`以下项目还没有已提交的评审：${c.withoutReview.map((a) => `「${a.title}」`).join("、")}`);
  return problems;
}

/** Counts only, for the stages after the ranking is saved. */
export async function loadReviewCompleteness(callId: string, db: Db = prisma): Promise<ReviewCompleteness> {
  const [openAssignments, submittedReviews, withoutReview] = await Promise.all([
    db.reviewAssignment.count({
      where: { roundId: callId, subjectType: GRANT_SUBJECT_TYPE, status: { in: OPEN_ASSIGNMENT_STATES } },
    }),
    db.reviewAssignment.count({ where: { roundId: callId, subjectType: GRANT_SUBJECT_TYPE, status: "SUBMITTED" } }),
    applicationsWithoutReview(callId, db),
  ]);
  return {
    openAssignments,
    submittedReviews,
    withoutReview,
    complete: openAssignments === 0 && withoutReview.length === 0,
  };
}

async function applicationsWithoutReview(callId: string, db: Db) {
  const [apps, reviewed] = await Promise.all([
    db.grantApplication.findMany({
      where: { callId, status: { in: RANKABLE_STATUSES } },
      select: { id: true, title: true },
    }),
    db.reviewAssignment.findMany({
      where: { roundId: callId, subjectType: GRANT_SUBJECT_TYPE, status: "SUBMITTED" },
      distinct: ["subjectId"],
      select: { subjectId: true },
    }),
  ]);
  const done = new Set(reviewed.map((r) => r.subjectId));
  return apps.filter((a) => !done.has(a.id));
}

export type SubmittedReview = {
  assignmentId: string;
  applicationId: string;
  reviewerId: string;
  reviewerName: string;
  scores: Record<string, number>;
  weightedTotal: number;
  recommendation: string | null;
  comment: string | null;
  submittedAt: Date | null;
};

export type RankingRow = {
  applicationId: string;
  title: string;
  organizationName: string;
  category: string | null;
  status: string;
  requestedFen: number;
  totalBudgetFen: number;
  submittedAt: Date;
  finalScore: number;
  reviewCount: number;
  spread: number;
  flagged: boolean;
  trimmed: boolean;
  rank: number;
  /** min(requested, per-project cap, total budget × share%) */
  maxGrant: number;
};

function rubricOf(call: RankingCall): RubricCriterion[] {
  return call.criteria.map((c) => ({ id: c.id, maxScore: c.maxScore, weightPct: c.weightPct }));
}

/**
 * The call's ranking computed from the submitted reviews as they stand: each
 * review's weighted total, the call's aggregation, the tie-break. Applications
 * without a submitted review are listed in completeness.withoutReview and not ranked.
 * Two narrow set-based reads (ranking-reads.server.ts) and one pass in memory.
 */
export async function computeCallRanking(callId: string, db: Db = prisma) {
  const call = await getRankingCall(callId, db);
  if (!call) return null;
  const [applications, submitted, openAssignments] = await Promise.all([
    rankableApplications(db, callId, RANKABLE_STATUSES),
    submittedScores(db, callId, GRANT_SUBJECT_TYPE),
    db.reviewAssignment.count({
      where: { roundId: callId, subjectType: GRANT_SUBJECT_TYPE, status: { in: OPEN_ASSIGNMENT_STATES } },
    }),
  ]);
  const rubric = rubricOf(call);
  const appIds = new Set(applications.map((a) => a.id));
  const totals: ReviewerTotal[] = [];
  for (const review of submitted) {
    if (!appIds.has(review.subjectId)) continue;
    totals.push({
      subjectId: review.subjectId,
      reviewerId: review.reviewerId,
      total: weightedTotal(rubric, review.scores),
    });
  }
  const aggregates = new Map(aggregateScores(totals, aggregationSettingsOf(call)).map((a) => [a.subjectId, a]));
  const rules = allocationRulesOf(call);
  const scored = [];
  const withoutReview: { id: string; title: string }[] = [];
  for (const app of applications) {
    const agg = aggregates.get(app.id);
    if (!agg || agg.finalScore == null || agg.reviewCount === 0) {
      withoutReview.push({ id: app.id, title: app.title });
      continue;
    }
    scored.push({
      applicationId: app.id,
      title: app.title,
      organizationName: app.organizationName,
      category: app.category,
      status: app.status,
      requestedFen: app.requestedFen,
      totalBudgetFen: app.totalBudgetFen,
      submittedAt: app.submittedAt,
      finalScore: agg.finalScore,
      reviewCount: agg.reviewCount,
      spread: agg.spread,
      flagged: agg.flagged,
      trimmed: agg.trimmed,
      maxGrant: maxGrantFor(
        { applicationId: app.id, rank: 0, requestedFen: app.requestedFen, totalBudgetFen: app.totalBudgetFen },
        rules,
      ),
    });
  }
  const rows: RankingRow[] = rankApplications(scored);
  const completeness: ReviewCompleteness = {
    openAssignments,
    submittedReviews: totals.length,
    withoutReview,
    complete: openAssignments === 0 && withoutReview.length === 0,
  };
  return { call, rows, completeness };
}

/**
 * Every submitted review of the call's rankable applications in full (scores, names,
 * comments), for the export's detail sheet: the ranking itself never needs these.
 */
export async function listSubmittedReviews(call: RankingCall, db: Db = prisma): Promise<SubmittedReview[]> {
  const [applications, assignments, scoresOf] = await Promise.all([
    db.grantApplication.findMany({
      where: { callId: call.id, status: { in: RANKABLE_STATUSES } },
      select: { id: true },
    }),
    db.reviewAssignment.findMany({
      where: { roundId: call.id, subjectType: GRANT_SUBJECT_TYPE, status: "SUBMITTED" },
      orderBy: [{ subjectId: "asc" }, { submittedAt: "asc" }],
      select: { id: true, subjectId: true, reviewerId: true, comment: true, recommendation: true, submittedAt: true },
    }),
    roundScores(db, call.id, GRANT_SUBJECT_TYPE),
  ]);
  // Reviewer names in one flat read rather than a nested select, which would list a
  // reviewer id per assignment in an IN (…) that Prisma splits per 999 ids.
  const reviewers = await db.user.findMany({
    where: { id: { in: [...new Set(assignments.map((a) => a.reviewerId))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(reviewers.map((r) => [r.id, r.name]));
  const rubric = rubricOf(call);
  const appIds = new Set(applications.map((a) => a.id));
  return assignments
    .filter((a) => appIds.has(a.subjectId))
    .map((a) => {
      const scores = scoresOf.get(a.id) ?? {};
      return {
        assignmentId: a.id,
        applicationId: a.subjectId,
        reviewerId: a.reviewerId,
        reviewerName: nameOf.get(a.reviewerId)!,
        scores,
        weightedTotal: weightedTotal(rubric, scores),
        recommendation: a.recommendation,
        comment: a.comment,
        submittedAt: a.submittedAt,
      };
    });
}

export type CallRanking = NonNullable<Awaited<ReturnType<typeof computeCallRanking>>>;

/** The allocation candidates of ranked rows. */
export function candidatesOf(rows: Pick<RankingRow, "applicationId" | "rank" | "requestedFen" | "totalBudgetFen">[]) {
  return rows.map((r) => ({
    applicationId: r.applicationId,
    rank: r.rank,
    requestedFen: r.requestedFen,
    totalBudgetFen: r.totalBudgetFen,
  }));
}
