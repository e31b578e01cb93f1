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

/** The bans in force on `at` for several organizations at once (call eligibility, lists). */
export async function activeGrantBans(db: Db, organizationIds: string[], at: Date) {
  if (organizationIds.length === 0) return [];
  return db.grantBan.findMany({
    where: { organizationId: { in: organizationIds }, startsAt: { lte: at }, endsAt: { gt: at }, liftedAt: null },
    orderBy: { endsAt: "desc" },
    select: { id: true, organizationId: true, reason: true, startsAt: true, endsAt: true, projectId: true },
  });
}
