// Bars from venture-philanthropy calls (GrantBan). The evaluation module creates
// them (termination, final 不合格); call eligibility and the recommended directory
// read them through this one function.
import type { Db } from "~/utils/db.server";

/** The ban in force for an organization on `at` (the one ending last), or null. */
export async function activeGrantBan(db: Db, organizationId: string, at: Date) {
  return db.grantBan.findFirst({
    where: { organizationId, startsAt: { lte: at }, endsAt: { gt: at }, liftedAt: null },
    orderBy: { endsAt: "desc" },
    select: { id: true, reason: true, startsAt: true, endsAt: true, projectId: true },
  });
}
