// Score reads of a whole round, for any panel subject: every score by
// assignment, and the final score and disagreement flag of every subject.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { aggregateScores, weightedTotal, type ReviewerTotal, type SubjectAggregate } from "./aggregation";
import type { PanelDb, PanelRound } from "./subject";

/**
 * Every score of a round's reviews, by assignment id: one statement however large
 * the round (the assignments are found through the relation, by roundId).
 */
export function roundScoresSql(roundId: string, subjectType: string) {
  return Prisma.sql`
    SELECT s."assignmentId" AS "assignmentId", json_group_object(s."criterionId", s."score") AS "scores"
    FROM "ReviewAssignment" a JOIN "ReviewScore" s ON s."assignmentId" = a."id"
    WHERE a."roundId" = ${roundId} AND a."subjectType" = ${subjectType}
    GROUP BY s."assignmentId"`;
}

export async function roundScores(db: PanelDb, roundId: string, subjectType: string) {
  // One row per assignment with its scores as a JSON object: a round of 5,000 subjects ×
  // 5 reviewers × 7 criteria is 25,000 rows instead of 175,000 through the client.
  const rows = await db.$queryRaw<Array<{ assignmentId: string; scores: string }>>(
    roundScoresSql(roundId, subjectType),
  );
  const byAssignment = new Map<string, Record<string, number>>();
  for (const row of rows) byAssignment.set(row.assignmentId, JSON.parse(row.scores) as Record<string, number>);
  return byAssignment;
}

/** Final scores and disagreement flags of every subject in the round, from submitted reviews. */
export async function roundAggregates(
  subjectType: string,
  round: Pick<PanelRound, "id" | "criteria" | "aggregation">,
  db: PanelDb = prisma,
): Promise<Map<string, SubjectAggregate>> {
  // The scores in one flat read: a nested select would list every submitted
  // assignment's id in an IN (…) that Prisma splits into a statement per 999 ids.
  const [submitted, scoresOf] = await Promise.all([
    db.reviewAssignment.findMany({
      where: { roundId: round.id, subjectType, status: "SUBMITTED" },
      select: { id: true, subjectId: true, reviewerId: true },
    }),
    roundScores(db, round.id, subjectType),
  ]);
  const totals: ReviewerTotal[] = submitted.map((a) => ({
    subjectId: a.subjectId,
    reviewerId: a.reviewerId,
    total: weightedTotal(round.criteria, scoresOf.get(a.id) ?? {}),
  }));
  const aggregates = totals.length ? aggregateScores(totals, round.aggregation) : [];
  return new Map(aggregates.map((a) => [a.subjectId, a]));
}
