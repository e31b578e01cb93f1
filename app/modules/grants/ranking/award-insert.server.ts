// Writing a call's proposed shortlist at once (issue #17 item 6): 5,000 GrantAward rows
// through Prisma's createMany cost over a second and a half of CPU (bound parameters in
// many statements); as one JSON parameter inserted with json_each, in the caller's
// transaction, they cost a few tens of milliseconds. Same columns and formats Prisma
// writes (DateTime as ISO text, Boolean as 0/1); see review/bulk-insert.server.ts.
import { newRowIds, storedDate } from "~/modules/review/bulk-insert.server";
import type { Tx } from "~/utils/db.server";

export type NewAward = {
  callId: string;
  applicationId: string;
  rank: number;
  finalScore: number;
  reviewCount: number;
  flagged: boolean;
  recommended: boolean;
  recommendedFen: number;
  selected: boolean;
  amountFen: number;
};

export async function insertAwards(tx: Tx, rows: NewAward[], now = new Date()) {
  if (rows.length === 0) return 0;
  const at = storedDate(now);
  const bit = (b: boolean) => (b ? 1 : 0);
  const ids = newRowIds(rows.length, now.getTime());
  const json = JSON.stringify(
    rows.map((r, i) => [
      ids[i],
      r.callId,
      r.applicationId,
      r.rank,
      r.finalScore,
      r.reviewCount,
      bit(r.flagged),
      bit(r.recommended),
      r.recommendedFen,
      bit(r.selected),
      r.amountFen,
    ]),
  );
  return tx.$executeRaw`
    INSERT INTO "GrantAward" ("id", "callId", "applicationId", "rank", "finalScore", "reviewCount", "flagged",
      "recommended", "recommendedFen", "selected", "amountFen", "createdAt", "updatedAt")
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6,
      value ->> 7, value ->> 8, value ->> 9, value ->> 10, ${at}, ${at}
    FROM json_each(${json})`;
}
