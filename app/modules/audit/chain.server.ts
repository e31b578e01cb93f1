// Reading and extending the audit hash chain (chain.ts holds the rules). Appending happens in
// audit.server.ts inside the caller's transaction; the adapter opens every transaction with
// BEGIN IMMEDIATE (utils/db.server.ts), so reading the head and inserting the next link are
// serialised across processes, and the unique index on seq refuses a fork if anyone tries.
import { prisma, type Tx } from "~/utils/db.server";
import { shortCached } from "~/utils/short-cache.server";
import {
  hashAuditContent,
  isBreak,
  nextLink,
  walkChain,
  type ChainHead,
  type ChainState,
  type ChainBreak,
  type ChainedContent,
} from "./chain";

type Client = Tx | typeof prisma;

const EVENT_SELECT = {
  id: true,
  seq: true,
  prevHash: true,
  hash: true,
  actorId: true,
  action: true,
  entityType: true,
  entityId: true,
  fromState: true,
  toState: true,
  reason: true,
  ip: true,
  createdAt: true,
} as const;

/** The last link: one read on the unique index of seq. */
export async function readChainHead(db: Client): Promise<ChainHead | null> {
  const head = await db.auditEvent.findFirst({
    where: { seq: { not: null } },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  return head?.seq != null && head.hash ? { seq: head.seq, hash: head.hash } : null;
}

export type EventFields = Omit<ChainedContent, "seq" | "prevHash">;

/** The rows to insert for `events`, linked one after the other from `head`. */
export function linkEvents<T extends EventFields>(head: ChainHead | null, events: T[]) {
  let last = head;
  return events.map((fields) => {
    const link = nextLink(last);
    const hash = hashAuditContent({ ...fields, ...link });
    last = { seq: link.seq, hash };
    return { ...fields, ...link, hash };
  });
}

/**
 * Chains events that were inserted without a link (rows older than the chain, demo data
 * written with createMany), in createdAt order, after the current head. Run by
 * scripts/setup-db.ts after migrating and by the seed. Returns how many it sealed.
 */
export async function sealAuditChain(db: typeof prisma = prisma): Promise<number> {
  let sealed = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      const rows = await tx.auditEvent.findMany({
        where: { seq: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 500,
        select: EVENT_SELECT,
      });
      const linked = linkEvents(await readChainHead(tx), rows);
      for (const row of linked) {
        await tx.auditEvent.update({
          where: { id: row.id },
          data: { seq: row.seq, prevHash: row.prevHash, hash: row.hash },
          select: { id: true },
        });
      }
      return rows.length;
    });
    sealed += count;
    if (count === 0) return sealed;
  }
}

/**
 * Walks the chain in seq order and names the first broken link: the whole chain, or only the
 * events after `from` (a link already verified, whose hash the next event must point to).
 */
export async function verifyAuditChain(db: Client = prisma, from: ChainHead | null = null): Promise<ChainState> {
  let head: ChainHead | null = from;
  for (;;) {
    const batch = await db.auditEvent.findMany({
      where: { seq: { gt: head?.seq ?? 0 } },
      orderBy: { seq: "asc" },
      take: 1000,
      select: EVENT_SELECT,
    });
    const result = walkChain(batch, head);
    if (isBreak(result)) return { intact: false, intactUpTo: result.seq - 1, broken: result };
    if (batch.length === 0) break;
    head = result;
  }
  const unsealed = await db.auditEvent.findFirst({
    where: { seq: null },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  const length = head?.seq ?? 0;
  if (unsealed) {
    return { intact: false, intactUpTo: length, broken: { seq: length + 1, eventId: unsealed.id, reason: "unsealed" } };
  }
  return { intact: true, length, head };
}

/**
 * Whether the event at `link.seq` still is what a check found there: its content hashes to its
 * stored hash, and that is the hash the check recorded. One read by the unique seq.
 */
export async function linkStillHolds(db: Client, link: ChainHead): Promise<ChainBreak | null> {
  const row = await db.auditEvent.findUnique({ where: { seq: link.seq }, select: EVENT_SELECT });
  if (!row || row.seq === null || row.prevHash === null) return { seq: link.seq, eventId: null, reason: "missing" };
  const hash = hashAuditContent({ ...row, seq: row.seq, prevHash: row.prevHash });
  if (row.hash !== hash) return { seq: link.seq, eventId: row.id, reason: "content" };
  // Re-hashed after an edit: its content agrees with itself but no longer with the check.
  if (hash !== link.hash) return { seq: link.seq, eventId: row.id, reason: "link" };
  return null;
}

export type DailyHead = { day: string; seq: number; hash: string; events: number };

/**
 * The chain head at the end of each Shanghai calendar day, newest first: the last link
 * appended that day. Publishing these lets anyone who kept one detect a later rewrite.
 */
export function dailyChainHeads(page: number, pageSize: number) {
  // Grouping a million events by day takes a while: kept a minute unless something is written.
  return shortCached(`audit-daily-heads:${page}:${pageSize}`, 60_000, () => readDailyChainHeads(page, pageSize));
}

async function readDailyChainHeads(page: number, pageSize: number) {
  // createdAt is ISO text ("…T05:59:09.348+00:00"); date() honours the offset, +8 hours is Shanghai.
  const rows = await prisma.$queryRaw<{ day: string; seq: bigint | number; hash: string; events: bigint | number }[]>`
    SELECT d."day" AS "day", e."seq" AS "seq", e."hash" AS "hash", d."events" AS "events"
    FROM (
      SELECT date("createdAt", '+8 hours') AS "day", MAX("seq") AS "seq", COUNT(*) AS "events"
      FROM "AuditEvent" WHERE "seq" IS NOT NULL GROUP BY 1
    ) d JOIN "AuditEvent" e ON e."seq" = d."seq"
    ORDER BY d."day" DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const [{ days }] = await prisma.$queryRaw<{ days: bigint | number }[]>`
    SELECT COUNT(DISTINCT date("createdAt", '+8 hours')) AS "days" FROM "AuditEvent" WHERE "seq" IS NOT NULL`;
  return {
    heads: rows.map((r): DailyHead => ({ day: r.day, seq: Number(r.seq), hash: r.hash, events: Number(r.events) })),
    total: Number(days),
  };
}
