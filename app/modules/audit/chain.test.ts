import { describe, expect, test } from "vitest";
import {
  canonicalAuditContent,
  describeChainState,
  GENESIS_HASH,
  hashAuditContent,
  isBreak,
  walkChain,
  type StoredEvent,
} from "./chain";

const base = {
  actorId: "u1",
  action: "grade.record",
  entityType: "Organization",
  entityId: "o1",
  fromState: null,
  toState: "AAAA",
  reason: "评估委员会决定",
  ip: "10.0.0.1",
  createdAt: new Date("2026-03-01T02:00:00.000Z"),
};

/** A well-formed chain of n events. */
function chain(n: number): StoredEvent[] {
  const out: StoredEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = { ...base, entityId: `o${seq}` };
    const hash = hashAuditContent({ ...fields, seq, prevHash });
    out.push({ ...fields, id: `e${seq}`, seq, prevHash, hash });
    prevHash = hash;
  }
  return out;
}

describe("canonical form", () => {
  test("is a fixed-order JSON array with a version tag", () => {
    expect(canonicalAuditContent({ ...base, seq: 1, prevHash: GENESIS_HASH })).toBe(
      `["audit-v1",1,"${GENESIS_HASH}","u1","grade.record","Organization","o1",null,"AAAA","评估委员会决定","10.0.0.1","2026-03-01T02:00:00.000Z"]`,
    );
  });

  test("a null and an empty string hash differently, and every field counts", () => {
    const link = { seq: 1, prevHash: GENESIS_HASH };
    const h = hashAuditContent({ ...base, ...link });
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuditContent({ ...base, ...link, fromState: "" })).not.toBe(h);
    expect(hashAuditContent({ ...base, ...link, seq: 2 })).not.toBe(h);
    expect(hashAuditContent({ ...base, ...link, createdAt: new Date("2026-03-01T02:00:00.001Z") })).not.toBe(h);
  });
});

describe("walkChain", () => {
  test("an intact chain ends at its head; batches carry the head over", () => {
    const events = chain(5);
    const first = walkChain(events.slice(0, 2), null);
    const rest = walkChain(events.slice(2), isBreak(first) ? null : first);
    expect(rest).toEqual({ seq: 5, hash: events[4].hash });
    expect(walkChain([], null)).toBeNull();
  });

  test("an edited event breaks the chain at that event", () => {
    const events = chain(5);
    events[2] = { ...events[2], reason: "改过的理由" };
    expect(walkChain(events, null)).toEqual({ seq: 3, eventId: "e3", reason: "content" });
  });

  test("an event re-hashed after editing breaks the chain at the next one", () => {
    const events = chain(5);
    const edited = { ...events[2], reason: "改过的理由" };
    edited.hash = hashAuditContent({ ...edited, seq: 3, prevHash: edited.prevHash! });
    events[2] = edited;
    expect(walkChain(events, null)).toEqual({ seq: 4, eventId: "e4", reason: "link" });
  });

  test("a deleted event is a missing position", () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(walkChain(events, null)).toEqual({ seq: 2, eventId: null, reason: "missing" });
  });

  test("the state reads as one line", () => {
    expect(describeChainState({ intact: true, length: 7, head: { seq: 7, hash: "x" } })).toBe("审计链完整（至 #7）");
    expect(
      describeChainState({ intact: false, intactUpTo: 2, broken: { seq: 3, eventId: "e3", reason: "content" } }),
    ).toBe("审计链在 #3 处断开：内容与哈希不符（该事件被修改）（完整至 #2）");
  });
});
