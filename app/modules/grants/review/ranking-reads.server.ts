// The two reads a call's ranking needs, narrow and set-based (issue #17 item 6: 5,000
// applications × 5 experts × 7 criteria in well under a second). Through the Prisma
// client the same rows cost seconds: a relation select per application for the
// organization's name, 25,000 assignment objects with their comments, and a third
// statement for the scores. Here each is one statement whose rows carry only what the
// rule needs; the pure rule (weightedTotal, aggregateScores, rankApplications) is unchanged.
import { Prisma } from "~/generated/prisma/client";
import type { prisma, Tx } from "~/utils/db.server";

type Db = Tx | typeof prisma;

export type RankableApplication = {
  id: string;
  title: string;
  category: string | null;
  status: string;
  requestedFen: number;
  totalBudgetFen: number;
  /** submittedAt, or createdAt when never submitted (the tie-break's time) */
  submittedAt: Date;
  organizationName: string;
};

export function rankableApplicationsSql(callId: string, statuses: readonly string[]) {
  return Prisma.sql`
    SELECT g."id" AS "id", g."title" AS "title", g."category" AS "category", g."status" AS "status",
      g."requestedFen" AS "requestedFen", g."totalBudgetFen" AS "totalBudgetFen",
      COALESCE(g."submittedAt", g."createdAt") AS "submittedAt", o."name" AS "organizationName"
    FROM "GrantApplication" g CROSS JOIN "Organization" o ON o."id" = g."organizationId"
    WHERE g."callId" = ${callId} AND g."status" IN (${Prisma.join([...statuses])})`;
}

/** The call's applications in the given statuses, with their organization's name. */
export async function rankableApplications(db: Db, callId: string, statuses: readonly string[]) {
  const rows = await db.$queryRaw<Array<Omit<RankableApplication, "submittedAt"> & { submittedAt: Date | string }>>(
    rankableApplicationsSql(callId, statuses),
  );
  // COALESCE loses the column's declared type: the adapter's DateTime text comes back as text.
  return rows.map((row) => ({ ...row, submittedAt: new Date(row.submittedAt) }));
}

export type SubmittedScores = { subjectId: string; reviewerId: string; scores: Record<string, number> };

export function submittedScoresSql(roundId: string, subjectType: string) {
  // The scores as a subquery per assignment, not a GROUP BY over the join: grouping by
  // the assignment's id makes SQLite walk every assignment by primary key instead of
  // the round's (roundId, status) index. Without a score the object is {} (total 0).
  return Prisma.sql`
    SELECT a."subjectId" AS "subjectId", a."reviewerId" AS "reviewerId",
      (SELECT json_group_object(s."criterionId", s."score") FROM "ReviewScore" s
        WHERE s."assignmentId" = a."id") AS "scores"
    FROM "ReviewAssignment" a
    WHERE a."roundId" = ${roundId} AND a."status" = 'SUBMITTED' AND a."subjectType" = ${subjectType}
    ORDER BY a."subjectId", a."submittedAt"`;
}

/**
 * Every submitted review of the round as (subject, reviewer, scores), ordered by subject
 * and submission time, as the aggregation has always received them.
 */
export async function submittedScores(db: Db, roundId: string, subjectType: string): Promise<SubmittedScores[]> {
  const rows = await db.$queryRaw<Array<{ subjectId: string; reviewerId: string; scores: string | null }>>(
    submittedScoresSql(roundId, subjectType),
  );
  return rows.map((row) => ({
    subjectId: row.subjectId,
    reviewerId: row.reviewerId,
    scores: row.scores ? (JSON.parse(row.scores) as Record<string, number>) : {},
  }));
}
