// Checking the audit hash chain at a million events (issue #17, decision 028). A full walk
// reads and hashes every event (seconds to minutes at 1,000,000), so it runs only when asked:
// `npm run audit:verify` (cron, monitoring) or staff's 完整校验 on /admin/audit, and its
// result is stored as an AuditChainCheck. A page view starts from the latest intact check:
// it re-hashes that check's last event and walks only the events appended after it, at most
// AUDIT_VERIFY_WINDOW of them; past that it says how many wait for the next full walk.
import { prisma } from "~/utils/db.server";
import { shortCached } from "~/utils/short-cache.server";
import type { ChainBreak, ChainHead, ChainState, ChainView } from "./chain";
import { linkStillHolds, readChainHead, verifyAuditChain } from "./chain.server";

/** How many appended events a page view verifies at most (about 0.1 s of hashing). */
export const AUDIT_VERIFY_WINDOW = 10_000;

const CHECK_SELECT = {
  checkedAt: true,
  intact: true,
  throughSeq: true,
  throughHash: true,
  brokenSeq: true,
  brokenEventId: true,
  brokenReason: true,
} as const;

/** Walks the whole chain and stores what it found. */
export async function runFullChainCheck(checkedById: string | null = null): Promise<ChainState> {
  const state = await verifyAuditChain(prisma);
  await prisma.auditChainCheck.create({
    data: state.intact
      ? { intact: true, throughSeq: state.length, throughHash: state.head?.hash ?? null, checkedById }
      : {
          intact: false,
          throughSeq: state.intactUpTo,
          brokenSeq: state.broken.seq,
          brokenEventId: state.broken.eventId,
          brokenReason: state.broken.reason,
          checkedById,
        },
    select: { id: true },
  });
  return state;
}

/** The staff page's view of the chain, never a full walk. */
export async function readAuditChainView(window = AUDIT_VERIFY_WINDOW): Promise<ChainView> {
  const [latest, head] = await Promise.all([
    prisma.auditChainCheck.findFirst({ orderBy: [{ checkedAt: "desc" }, { id: "desc" }], select: CHECK_SELECT }),
    readChainHead(prisma),
  ]);
  const checkedAt = latest?.checkedAt ?? null;
  const checkedThrough = latest?.throughSeq ?? 0;
  // A full walk that found a break stays the answer until the next full walk.
  if (latest && !latest.intact) {
    const broken: ChainBreak = {
      seq: latest.brokenSeq ?? latest.throughSeq + 1,
      eventId: latest.brokenEventId,
      reason: (latest.brokenReason ?? "missing") as ChainBreak["reason"],
    };
    return {
      state: { intact: false, intactUpTo: latest.throughSeq, broken },
      checkedAt,
      checkedThrough,
      unverified: 0,
    };
  }
  const anchor: ChainHead | null =
    latest?.throughHash && latest.throughSeq > 0 ? { seq: latest.throughSeq, hash: latest.throughHash } : null;
  if (anchor) {
    const broken = await linkStillHolds(prisma, anchor);
    if (broken)
      return { state: { intact: false, intactUpTo: anchor.seq - 1, broken }, checkedAt, checkedThrough, unverified: 0 };
  }
  const appended = (head?.seq ?? 0) - (anchor?.seq ?? 0);
  if (appended > window) {
    return {
      state: { intact: true, length: anchor?.seq ?? 0, head: anchor },
      checkedAt,
      checkedThrough,
      unverified: appended,
    };
  }
  return { state: await verifyAuditChain(prisma, anchor), checkedAt, checkedThrough, unverified: 0 };
}

/**
 * Shared by the views of a minute while nothing is written; any committed write, a tampering
 * included, drops it (short-cache.server.ts), and the next view verifies again from the check.
 */
export function cachedAuditChainView() {
  return shortCached("audit-chain-view", 60_000, () => readAuditChainView());
}
