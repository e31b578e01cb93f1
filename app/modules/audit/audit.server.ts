import type { Tx } from "~/utils/db.server";
import { getClientIp } from "~/utils/http";
import { stripControls } from "~/utils/text";
import { linkEvents, readChainHead, type EventFields } from "./chain.server";

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  /** The request the change came from, for the IP address. */
  request?: Request;
  /** When it happened, if not now (importing history, tests of date filters). */
  at?: Date;
};

/**
 * Records one audit event. Takes the transaction client on purpose: the event
 * must commit or roll back together with the change it describes, and it is
 * appended to the hash chain (chain.ts) in that same transaction. This file is
 * the only writer of AuditEvent in app/ (tests/unit/audit-chain.test.ts checks).
 */
export async function recordAudit(tx: Tx, input: AuditInput) {
  await recordAudits(tx, [input]);
}

/** Records many audit events in one insert, e.g. one per record a bulk transition moved. */
export async function recordAudits(tx: Tx, inputs: AuditInput[]) {
  if (inputs.length === 0) return;
  const now = new Date();
  const rows = linkEvents(
    await readChainHead(tx),
    inputs.map((input) => auditEventFields(input, now)),
  );
  await tx.auditEvent.createMany({ data: rows });
}

function auditEventFields(input: AuditInput, now: Date): EventFields {
  return {
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    fromState: input.fromState ?? null,
    toState: input.toState ?? null,
    reason: (input.reason && stripControls(input.reason).trim()) || null,
    ip: input.request ? getClientIp(input.request) : null,
    createdAt: input.at ?? now,
  };
}
