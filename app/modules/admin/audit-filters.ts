// Parsing the audit log's GET filters and turning them into a Prisma where.
// Pure (type-only Prisma import) so the rules are unit-tested without a database.
import type { Prisma } from "~/generated/prisma/client";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from "~/modules/audit/labels";
import { parseShanghaiDayRange } from "./date-range";

/** What an actor search for "系统" means: events with no actor (lockouts, jobs). */
export const SYSTEM_ACTOR_QUERY = "系统";

export type AuditFilters = {
  action: string;
  entityType: string;
  entityId: string;
  actor: string;
  from: string;
  to: string;
  gte?: Date;
  lt?: Date;
};

function param(params: URLSearchParams, key: string, maxLength: number) {
  return (params.get(key) ?? "").trim().slice(0, maxLength);
}

/** Unknown actions and entity types are ignored rather than matching nothing. */
export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const action = param(params, "action", 100);
  const entityType = param(params, "entityType", 100);
  const range = parseShanghaiDayRange(params.get("from"), params.get("to"));
  return {
    action: Object.hasOwn(AUDIT_ACTION_LABELS, action) ? action : "",
    entityType: Object.hasOwn(AUDIT_ENTITY_LABELS, entityType) ? entityType : "",
    entityId: param(params, "entityId", 100),
    actor: param(params, "actor", 100),
    ...range,
  };
}

/**
 * Every filter lands on an AuditEvent index: (action, createdAt),
 * (entityType, entityId, createdAt), (actorId, createdAt) or (createdAt).
 * `actorIds` is the result of resolving the actor search to users (null = no actor filter).
 */
export function auditWhere(filters: AuditFilters, actorIds: string[] | null): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  if (filters.action) where.action = filters.action;
  if (filters.entityType) where.entityType = filters.entityType;
  if (filters.entityId) {
    where.entityId = filters.entityId;
    // entityId alone cannot use the (entityType, entityId, …) index; listing the
    // known types lets SQLite probe the index once per type instead of scanning.
    if (!filters.entityType) where.entityType = { in: Object.keys(AUDIT_ENTITY_LABELS) };
  }
  if (filters.actor) {
    where.actorId = filters.actor === SYSTEM_ACTOR_QUERY ? null : { in: actorIds ?? [] };
  }
  if (filters.gte || filters.lt) where.createdAt = { gte: filters.gte, lt: filters.lt };
  return where;
}
