// Reads the organization's record for the rating leaves computed from it (record-sources.ts):
// its funded projects (closed, graded) and last year's annual inspection. Nothing is read when the
// scheme has no such leaf, so schemes without one cost no query.
import type { RecordScore } from "~/modules/indicators/record-sources";
import { leavesOf, type IndicatorTreeNode } from "~/modules/indicators/scheme";
import { shanghaiParts } from "~/utils/dates";
import type { prisma, Tx } from "~/utils/db.server";
import { parseRecordSnapshots, storedRecordScores, type RecordSheet } from "./record-snapshot";
import { isRatingRecordLeaf, recordLeafScores, type OrgRecordFacts } from "./record-sources";

type Db = Tx | typeof prisma;

export async function readOrgRecordFacts(db: Db, organizationId: string, now: Date): Promise<OrgRecordFacts> {
  const lastYear = shanghaiParts(now).year - 1;
  const [projects, inspection] = await Promise.all([
    db.grantProject.findMany({
      // [organizationId, status] is indexed; only closed projects can count.
      where: { organizationId, status: "CLOSED" },
      orderBy: { closedAt: "desc" },
      take: 50,
      select: { projectNo: true, title: true, status: true, finalGrade: true, closedAt: true },
    }),
    db.inspectionReport.findFirst({
      where: { organizationId, year: lastYear },
      select: { year: true, conclusion: true },
    }),
  ]);
  return { projects, inspection };
}

/** The record's points and fact for each record leaf of an application's tree (empty when none). */
export async function applicationRecordScores(
  db: Db,
  input: { organizationId: string; roots: IndicatorTreeNode[] },
  now = new Date(),
) {
  if (!leavesOf(input.roots).some(isRatingRecordLeaf)) return new Map<string, RecordScore>();
  const facts = await readOrgRecordFacts(db, input.organizationId, now);
  return recordLeafScores(input.roots, facts, now);
}

/**
 * The record scores of an application's sheets (decision 031): a sheet whose total is stored
 * shows its snapshot; a draft (or a total stored before snapshots were kept) shows the record
 * now, read at most once however many sheets need it.
 */
export function sheetRecordScores(
  db: Db,
  input: { organizationId: string; roots: IndicatorTreeNode[]; status: string; recordScores: string | null },
) {
  const snapshots = parseRecordSnapshots(input.recordScores);
  let live: Promise<Map<string, RecordScore>> | null = null;
  return async (sheet: RecordSheet, assignmentStatus?: string | null) =>
    storedRecordScores(snapshots, sheet, { applicationStatus: input.status, assignmentStatus }) ??
    (live ??= applicationRecordScores(db, input));
}
