// Reading the audit log. Filters map onto AuditEvent's indexes (see audit-filters.ts).
import { withStateChanges } from "~/modules/workflows";
import { prisma } from "~/utils/db.server";
import { AUDIT_PAGE_SIZE } from "~/utils/paging";
import { auditWhere, SYSTEM_ACTOR_QUERY, type AuditFilters } from "./audit-filters";

/** An actor search matching more people than this is too vague to be useful. */
const MAX_ACTOR_MATCHES = 50;

const eventSelect = {
  id: true,
  action: true,
  entityType: true,
  entityId: true,
  fromState: true,
  toState: true,
  reason: true,
  ip: true,
  createdAt: true,
  actor: { select: { id: true, name: true } },
} as const;

/** The users an actor search (email or name) refers to. */
async function resolveActorIds(query: string) {
  if (!query || query === SYSTEM_ACTOR_QUERY) return null;
  const users = await prisma.user.findMany({
    where: { OR: [{ email: { contains: query.toLowerCase() } }, { name: { contains: query } }] },
    take: MAX_ACTOR_MATCHES,
    select: { id: true },
  });
  return users.map((u) => u.id);
}

export async function listAuditEvents(filters: AuditFilters, page: number) {
  const where = auditWhere(filters, await resolveActorIds(filters.actor));
  const [events, total] = await Promise.all([
    prisma.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: eventSelect,
    }),
    prisma.auditEvent.count({ where }),
  ]);
  return { events: withStateChanges(events), total };
}

/** The latest events about one record, e.g. a user's detail page. */
export async function listEntityAuditEvents(entityType: string, entityId: string, take = 20) {
  const events = await prisma.auditEvent.findMany({
    where: { entityType, entityId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: eventSelect,
  });
  return withStateChanges(events);
}
