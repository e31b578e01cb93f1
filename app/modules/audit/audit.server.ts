import type { Tx } from "~/utils/db.server";
import { getClientIp } from "~/utils/http";

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
};

/**
 * Records one audit event. Takes the transaction client on purpose: the event
 * must commit or roll back together with the change it describes.
 */
export async function recordAudit(tx: Tx, input: AuditInput) {
  await tx.auditEvent.create({ data: auditEventData(input), select: { id: true } });
}

/** Records many audit events in one insert, e.g. one per record a bulk transition moved. */
export async function recordAudits(tx: Tx, inputs: AuditInput[]) {
  if (inputs.length === 0) return;
  await tx.auditEvent.createMany({ data: inputs.map(auditEventData) });
}

function auditEventData(input: AuditInput) {
  return {
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    fromState: input.fromState ?? null,
    toState: input.toState ?? null,
    reason: input.reason?.trim() || null,
    ip: input.request ? getClientIp(input.request) : null,
  };
}
