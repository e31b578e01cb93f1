// Writing thousands of assignment rows at once (issue #17 item 6): Prisma's createMany
// sends the rows as bound parameters in many statements and took most of an automatic
// assignment's time (over a minute for 5,000 applications × 5 reviewers). Here the rows
// travel as one JSON parameter and SQLite inserts them with json_each, in the caller's
// transaction; what every row shares (round, kind, status, seed, due date) is bound once,
// so SQLite parses three values per row. Columns and formats are the ones Prisma writes
// (DateTime as ISO text).
import crypto from "node:crypto";
import type { Tx } from "~/utils/db.server";

/** What every row of one automatic assignment shares. */
export type AssignmentBatch = {
  subjectType: string;
  roundId: string;
  status: string;
  assignmentSeed: string | null;
  dueAt: Date;
};

/** The adapter's DateTime text: 2026-12-05T08:52:59.574+00:00. */
export const storedDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
const RANDOM_CHARS = 12;
let counter = 0;

/**
 * `count` cuid-shaped ids: "c", time, a counter and random characters, so ids still sort
 * by creation. One call to the random source for the whole batch (one per id cost more
 * than the insert itself at 25,000 rows).
 */
export function newRowIds(count: number, now = Date.now()): string[] {
  const random = crypto.randomBytes(count * RANDOM_CHARS);
  const time = now.toString(36).padStart(8, "0");
  const ids = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    counter = (counter + 1) % 36 ** 4;
    let tail = "";
    for (let c = 0; c < RANDOM_CHARS; c++) tail += BASE36[random[i * RANDOM_CHARS + c]! % 36];
    ids[i] = `c${time}${counter.toString(36).padStart(4, "0")}${tail}`;
  }
  return ids;
}

export async function insertAssignments(
  tx: Tx,
  batch: AssignmentBatch,
  rows: { subjectId: string; reviewerId: string }[],
  now = new Date(),
) {
  if (rows.length === 0) return 0;
  const at = storedDate(now);
  const ids = newRowIds(rows.length, now.getTime());
  const json = JSON.stringify(rows.map((r, i) => [ids[i], r.subjectId, r.reviewerId]));
  return tx.$executeRaw`
    INSERT INTO "ReviewAssignment" ("id", "subjectType", "subjectId", "roundId", "reviewerId", "status",
      "assignmentSeed", "dueAt", "createdAt", "updatedAt")
    SELECT value ->> 0, ${batch.subjectType}, value ->> 1, ${batch.roundId}, value ->> 2, ${batch.status},
      ${batch.assignmentSeed}, ${storedDate(batch.dueAt)}, ${at}, ${at}
    FROM json_each(${json})`;
}
