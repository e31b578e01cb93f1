// Reading the audit log. Filters map onto AuditEvent's indexes (see audit-filters.ts).
import { withStateChanges } from "~/modules/workflows";
import { prisma } from "~/utils/db.server";
import { AUDIT_PAGE_SIZE, keysetPage, type KeysetOrder, type PageStart } from "~/utils/paging";
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

/** Newest first; every filter's index ends with createdAt, so a page is one index range. */
export const AUDIT_ORDER: KeysetOrder = { field: "createdAt", direction: "desc", type: "date" };

/**
 * The log is counted up to this many events: counting a million index entries per view
 * costs more than the page itself, and "超过 10,000 条" says as much to a reader.
 */
export const AUDIT_COUNT_CAP = 10_000;

const NO_CURSOR: PageStart = { after: null, before: null };

export async function listAuditEvents(filters: AuditFilters, page: number, start: PageStart = NO_CURSOR) {
  const where = auditWhere(filters, await resolveActorIds(filters.actor));
  const [{ rows, cursors }, counted] = await Promise.all([
    keysetPage({
      order: AUDIT_ORDER,
      start,
      page,
      pageSize: AUDIT_PAGE_SIZE,
      find: (args) => prisma.auditEvent.findMany({ ...args, where: { AND: [where, args.where] }, select: eventSelect }),
    }),
    // Bounded, and in createdAt order: without an orderBy Prisma sorts the bounded count
    // by id, which walks the primary key of every event instead of the filter's index.
    prisma.auditEvent.count({ where, orderBy: { createdAt: "desc" }, take: AUDIT_COUNT_CAP + 1 }),
  ]);
  const totalCapped = counted > AUDIT_COUNT_CAP;
  return {
    events: withStateChanges(rows),
    total: totalCapped ? AUDIT_COUNT_CAP : counted,
    totalCapped,
    cursors,
  };
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
