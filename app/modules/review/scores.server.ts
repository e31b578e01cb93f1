// Score reads of a whole round, for any panel subject: every score by
// assignment, and the final score and disagreement flag of every subject.
import { prisma } from "~/utils/db.server";
import { aggregateScores, weightedTotal, type ReviewerTotal, type SubjectAggregate } from "./aggregation";
import type { PanelDb, PanelRound } from "./subject";

/**
 * Every score of a round's reviews, by assignment id: one statement however large
 * the round (the assignments are found through the relation, by roundId).
 */
export async function roundScores(db: PanelDb, roundId: string, subjectType: string) {
  const rows = await db.reviewScore.findMany({
    where: { assignment: { roundId, subjectType } },
    select: { assignmentId: true, criterionId: true, score: true },
  });
  const byAssignment = new Map<string, Record<string, number>>();
  for (const row of rows) {
    let scores = byAssignment.get(row.assignmentId);
    if (!scores) byAssignment.set(row.assignmentId, (scores = {}));
    scores[row.criterionId] = row.score;
  }
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
