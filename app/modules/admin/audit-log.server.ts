// Reading the audit log. Filters map onto AuditEvent's indexes (see audit-filters.ts).
import { Prisma } from "~/generated/prisma/client";
import { withStateChanges } from "~/modules/workflows";
import { prisma } from "~/utils/db.server";
import { keysetSql } from "~/utils/keyset-sql.server";
import {
  AUDIT_PAGE_SIZE,
  keysetPage,
  type KeysetFindArgs,
  type KeysetFrom,
  type KeysetOrder,
  type PageStart,
} from "~/utils/paging";
import { readRows } from "~/utils/prepared-reads.server";
import { shortCached } from "~/utils/short-cache.server";
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

/** A row of the log's page: the event and its actor's name, joined in the same statement. */
type AuditRow<CreatedAt = Date> = {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  ip: string | null;
  createdAt: CreatedAt;
  actorId: string | null;
  actorName: string | null;
};

const sqlList = (values: readonly string[]) => (values.length ? Prisma.join(values) : Prisma.sql`NULL`);

/**
 * auditWhere's filter (the one rule of what each filter means) as SQL conditions on `e`.
 * It knows the fields auditWhere sets and refuses any other, so a new filter cannot be
 * silently dropped from the page.
 */
export function auditWhereSql(where: Prisma.AuditEventWhereInput): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  for (const [field, value] of Object.entries(where)) {
    const v = value as unknown;
    if (field === "action" && typeof v === "string") conditions.push(Prisma.sql`e."action" = ${v}`);
    else if (field === "entityId" && typeof v === "string") conditions.push(Prisma.sql`e."entityId" = ${v}`);
    else if (field === "entityType" && typeof v === "string") conditions.push(Prisma.sql`e."entityType" = ${v}`);
    else if (field === "entityType" && isIn(v)) conditions.push(Prisma.sql`e."entityType" IN (${sqlList(v.in)})`);
    else if (field === "actorId" && v === null) conditions.push(Prisma.sql`e."actorId" IS NULL`);
    else if (field === "actorId" && isIn(v)) conditions.push(Prisma.sql`e."actorId" IN (${sqlList(v.in)})`);
    else if (field === "createdAt" && isRange(v)) {
      if (v.gte) conditions.push(Prisma.sql`e."createdAt" >= ${v.gte}`);
      if (v.lt) conditions.push(Prisma.sql`e."createdAt" < ${v.lt}`);
    } else throw new Error(`audit filter ${field} has no SQL`);
  }
  return conditions;
}

const isIn = (v: unknown): v is { in: string[] } =>
  typeof v === "object" && v !== null && Array.isArray((v as { in?: unknown }).in);
const isRange = (v: unknown): v is { gte?: Date; lt?: Date } =>
  typeof v === "object" && v !== null && Object.keys(v).every((k) => k === "gte" || k === "lt");

const and = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`1`);

/** One page of the log with each actor's name: one statement, read in the filter's index order. */
export function auditPageSql(conditions: Prisma.Sql[], args: Pick<KeysetFindArgs, "skip" | "take">, from: KeysetFrom) {
  const { range, orderBy } = keysetSql(AUDIT_ORDER, "e", from);
  return Prisma.sql`SELECT e."id", e."action", e."entityType", e."entityId", e."fromState", e."toState",
      e."reason", e."ip", e."createdAt", u."id" AS "actorId", u."name" AS "actorName"
    FROM "AuditEvent" e LEFT JOIN "User" u ON u."id" = e."actorId"
    WHERE ${range} AND ${and(conditions)}
    ORDER BY ${orderBy} LIMIT ${args.take} OFFSET ${args.skip}`;
}

/** How many events match, up to AUDIT_COUNT_CAP + 1, walking the filter's index in the page's order. */
export function auditCountSql(conditions: Prisma.Sql[]) {
  return Prisma.sql`SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "AuditEvent" e WHERE ${and(conditions)}
    ORDER BY e."createdAt" DESC LIMIT ${AUDIT_COUNT_CAP + 1})`;
}

/** The page's rows, read by a prepared statement: createdAt comes back as its stored text. */
async function readAuditPage(query: Prisma.Sql): Promise<AuditRow[]> {
  const rows = await readRows<AuditRow<string>>(query);
  return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt) }));
}

/**
 * A page of the log. Raw SQL (decision 033): Prisma compiled the page, its actors and its
 * count as three queries, most of the page's CPU; both statements now run prepared on
 * Prisma's connection (prepared-reads.server.ts), which skips Prisma's per-call cost too.
 * The bounded count is the same for every page of a filter, so it is shared for 10 s and
 * dropped on any write (short-cache).
 */
export async function listAuditEvents(filters: AuditFilters, page: number, start: PageStart = NO_CURSOR) {
  const where = auditWhere(filters, await resolveActorIds(filters.actor));
  const conditions = auditWhereSql(where);
  const [{ rows, cursors }, counted] = await Promise.all([
    keysetPage({
      order: AUDIT_ORDER,
      start,
      page,
      pageSize: AUDIT_PAGE_SIZE,
      find: (args, from) => readAuditPage(auditPageSql(conditions, args, from)),
    }),
    shortCached(`audit-count:${JSON.stringify(where)}`, 10_000, async () => {
      const [row] = await readRows<{ n: number }>(auditCountSql(conditions));
      return row?.n ?? 0;
    }),
  ]);
  const totalCapped = counted > AUDIT_COUNT_CAP;
  return {
    events: withStateChanges(
      rows.map(({ actorId, actorName, ...event }) => ({
        ...event,
        actor: actorId ? { id: actorId, name: actorName ?? "" } : null,
      })),
    ),
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
