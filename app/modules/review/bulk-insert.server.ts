// Writing thousands of assignment rows at once (issue #17 item 6): Prisma's createMany
// sends the rows as bound parameters in many statements and took most of an automatic
// assignment's time (over a minute for 5,000 applications × 5 reviewers). Here the rows
// travel as one JSON parameter and SQLite inserts them with json_each, in the caller's
// transaction. Columns and formats are the ones Prisma writes (DateTime as ISO text).
import crypto from "node:crypto";
import type { Tx } from "~/utils/db.server";

export type NewAssignment = {
  subjectType: string;
  subjectId: string;
  roundId: string;
  reviewerId: string;
  status: string;
  assignmentSeed: string | null;
  dueAt: Date;
};

/** The adapter's DateTime text: 2026-12-05T08:52:59.574+00:00. */
export const storedDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

let counter = 0;
/** A cuid-shaped id: "c", time, a counter and random characters, so ids still sort by creation. */
export function newRowId(now = Date.now()) {
  counter = (counter + 1) % 36 ** 4;
  const random = crypto.randomBytes(8).toString("hex");
  const randomPart = BigInt(`0x${random}`).toString(36).padStart(12, "0").slice(-12);
  return `c${now.toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${randomPart}`;
}

export async function insertAssignments(tx: Tx, rows: NewAssignment[], now = new Date()) {
  if (rows.length === 0) return 0;
  const at = storedDate(now);
  const json = JSON.stringify(
    rows.map((r) => [
      newRowId(now.getTime()),
      r.subjectType,
      r.subjectId,
      r.roundId,
      r.reviewerId,
      r.status,
      r.assignmentSeed,
      storedDate(r.dueAt),
    ]),
  );
  return tx.$executeRaw`
    INSERT INTO "ReviewAssignment" ("id", "subjectType", "subjectId", "roundId", "reviewerId", "status",
      "assignmentSeed", "dueAt", "createdAt", "updatedAt")
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7,
      ${at}, ${at}
    FROM json_each(${json})`;
}
