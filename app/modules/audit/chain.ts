// The audit trail is one hash chain (docs/decisions/009-audit-hash-chain.md): event #n stores
// the hash of event #n-1 and the SHA-256 of its own canonical content, which includes that
// previous hash. Editing, deleting or reordering any stored event breaks the chain at that
// event; rewriting the whole tail changes the head, which anyone who kept an old published
// head can compare. The row id is not hashed: seq is an event's identity in the chain.
// Pure: no database, so the form and the walk are unit-tested.
import { createHash } from "node:crypto";
import { formatCount } from "~/utils/format";

/** The previous hash of event #1. */
export const GENESIS_HASH = "0".repeat(64);

/** Everything an event says, in the fixed order the hash covers. */
export type ChainedContent = {
  seq: number;
  prevHash: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  ip: string | null;
  createdAt: Date;
};

/**
 * The canonical form: a JSON array in a fixed field order with a version tag, so the same
 * event always gives the same bytes (no key-order or whitespace freedom), and a null is
 * distinct from an empty string.
 */
export function canonicalAuditContent(e: ChainedContent): string {
  return JSON.stringify([
    "audit-v1",
    e.seq,
    e.prevHash,
    e.actorId,
    e.action,
    e.entityType,
    e.entityId,
    e.fromState,
    e.toState,
    e.reason,
    e.ip,
    e.createdAt.toISOString(),
  ]);
}

export function hashAuditContent(e: ChainedContent): string {
  return createHash("sha256").update(canonicalAuditContent(e), "utf8").digest("hex");
}

/** The last link of the chain: what the next event points to. */
export type ChainHead = { seq: number; hash: string };

/** Sequence number and previous hash for the event appended after `head` (null: empty chain). */
export function nextLink(head: ChainHead | null) {
  return head ? { seq: head.seq + 1, prevHash: head.hash } : { seq: 1, prevHash: GENESIS_HASH };
}

export type StoredEvent = Omit<ChainedContent, "seq" | "prevHash"> & {
  id: string;
  seq: number | null;
  prevHash: string | null;
  hash: string | null;
};

export type ChainBreak = {
  /** The position where the chain stops holding. */
  seq: number;
  eventId: string | null;
  reason: "content" | "link" | "missing" | "unsealed";
};

export type ChainState =
  { intact: true; length: number; head: ChainHead | null } | { intact: false; intactUpTo: number; broken: ChainBreak };

export const CHAIN_BREAK_LABELS: Record<ChainBreak["reason"], string> = {
  content: "内容与哈希不符（该事件被修改）",
  link: "前一哈希不符（之前的事件被修改或替换）",
  missing: "序号缺失（事件被删除）",
  unsealed: "存在未入链的事件",
};

/**
 * Walks events in seq order, one batch at a time, and stops at the first broken link.
 * `carry` is the state after the previous batch (null before the first).
 */
export function walkChain(events: StoredEvent[], carry: ChainHead | null): ChainHead | ChainBreak | null {
  let head = carry;
  for (const e of events) {
    const expected = nextLink(head);
    if (e.seq === null) return { seq: expected.seq, eventId: e.id, reason: "unsealed" };
    if (e.seq !== expected.seq) return { seq: expected.seq, eventId: null, reason: "missing" };
    if (e.prevHash !== expected.prevHash) return { seq: e.seq, eventId: e.id, reason: "link" };
    const hash = hashAuditContent({ ...e, seq: e.seq, prevHash: e.prevHash });
    if (e.hash !== hash) return { seq: e.seq, eventId: e.id, reason: "content" };
    head = { seq: e.seq, hash };
  }
  return head;
}

export function isBreak(x: ChainHead | ChainBreak | null): x is ChainBreak {
  return x !== null && "reason" in x;
}

/** One line for the staff page and the verify script. */
export function describeChainState(state: ChainState): string {
  if (state.intact) return state.length === 0 ? "审计链为空" : `审计链完整（至 #${state.length}）`;
  const { broken, intactUpTo } = state;
  return `审计链在 #${broken.seq} 处断开：${CHAIN_BREAK_LABELS[broken.reason]}（完整至 #${intactUpTo}）`;
}

/**
 * What the staff page shows (decision 028): the latest full walk (`npm run audit:verify`, or
 * staff's 完整校验) and, on top of it, the events appended since, verified on the view when
 * there are at most a window's worth of them. A view never walks the whole chain.
 */
export type ChainView = {
  /** The state through the events this view verified (the checked part and what follows it). */
  state: ChainState;
  /** When the latest full walk ran (null: never). */
  checkedAt: Date | null;
  /** The position that walk reached. */
  checkedThrough: number;
  /** Events after checkedThrough left unverified on this view (more than the window). */
  unverified: number;
};

/** The page's main line: the chain state, or how far it is known to hold when the view stopped short. */
export function describeChainView(view: ChainView): string {
  if (view.unverified === 0 || !view.state.intact) return describeChainState(view.state);
  const pending = formatCount(view.unverified);
  return view.checkedAt
    ? `审计链完整（至 #${view.checkedThrough}）；其后 ${pending} 条新记录待完整校验`
    : `审计链共 ${pending} 条，尚未完整校验`;
}
