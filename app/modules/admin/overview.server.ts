// Figures for the administrator's overview page, all counted from the database.
import { ROLES } from "~/modules/auth/roles";
import { ORG_STATUSES } from "~/modules/organizations/labels";
import { staffQueue } from "~/modules/queues/registry.server";
import { prisma } from "~/utils/db.server";
import { shortCached } from "~/utils/short-cache.server";
import { withAuditSubjects } from "./audit-subjects.server";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
export const RECENT_EVENTS = 10;

/**
 * The overview and the 待办 of /admin. Counting 100,000 organizations and a week of a
 * million-event log, and a dozen queue counts, per view cost more than the rest of the page:
 * like the public home figures they are shared for a few seconds and dropped on any write
 * (short-cache.server.ts, decision 028). Every member of staff sees the same figures.
 */
export function adminHome() {
  return Promise.all([
    shortCached("admin-overview", 10_000, () => getAdminOverview()),
    shortCached("admin-staff-queue", 10_000, () => staffQueue()),
  ]);
}

export async function getAdminOverview(now = new Date()) {
  const [orgGroups, roleGroups, lockedCount, disabledCount, weekEventCount, recentEvents] = await Promise.all([
    prisma.organization.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.user.groupBy({ by: ["role"], _count: { _all: true } }),
    prisma.user.count({ where: { lockedUntil: { gt: now } } }),
    prisma.user.count({ where: { status: "DISABLED" } }),
    prisma.auditEvent.count({ where: { createdAt: { gte: new Date(now.getTime() - WEEK_MS) } } }),
    prisma.auditEvent.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT_EVENTS,
      select: {
        id: true,
        action: true,
        entityType: true,
        entityId: true,
        createdAt: true,
        actor: { select: { name: true } },
      },
    }),
  ]);

  // Every known value gets a row, even at zero; stray values in the data are kept too.
  const orgCounts = new Map<string, number>(ORG_STATUSES.map((s) => [s, 0]));
  for (const g of orgGroups) orgCounts.set(g.status, g._count._all);
  const roleCounts = new Map<string, number>(ROLES.map((r) => [r, 0]));
  for (const g of roleGroups) roleCounts.set(g.role, g._count._all);

  return {
    organizationsByStatus: [...orgCounts].map(([status, count]) => ({ status, count })),
    organizationTotal: orgGroups.reduce((sum, g) => sum + g._count._all, 0),
    usersByRole: [...roleCounts].map(([role, count]) => ({ role, count })),
    userTotal: roleGroups.reduce((sum, g) => sum + g._count._all, 0),
    lockedCount,
    disabledCount,
    weekEventCount,
    recentEvents: await withAuditSubjects(recentEvents),
  };
}
