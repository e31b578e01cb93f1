import { recordAudit, recordAudits } from "~/modules/audit/audit.server";
import type { Tx } from "~/utils/db.server";
import { WorkflowError, type Actor, type TransitionRule, type Workflow } from "./state-machine";

export type TransitionInput<S extends string> = {
  workflow: Workflow<S>;
  entityType: string;
  entityId: string;
  from: S;
  to: S;
  actor: { id: string | null; role: Actor };
  reason?: string | null;
  request?: Request;
  /**
   * Writes the new state. It must update only while the row is still in
   * `from` (e.g. updateMany({ where: { id, status: from } })) and return the
   * number of rows changed, so two people acting at once cannot both win.
   */
  apply: () => Promise<number>;
};

/** The one way any workflow changes state: check the table, write, audit. */
export async function runTransition<S extends string>(tx: Tx, input: TransitionInput<S>) {
  const rule = input.workflow.assert(input.from, input.to, input.actor.role, input.reason);
  const changed = await input.apply();
  if (changed !== 1) throw new WorkflowError("该记录的状态已被他人更新，请刷新后重试");
  await recordAudit(tx, {
    actorId: input.actor.id,
    action: auditActionOf(input.workflow, rule),
    entityType: input.entityType,
    entityId: input.entityId,
    fromState: input.from,
    toState: input.to,
    reason: input.reason ?? rule.label,
    request: input.request,
  });
  return rule;
}

export type BulkTransitionInput<S extends string> = {
  workflow: Workflow<S>;
  entityType: string;
  /** The records to move, each with the state it was read in. */
  entities: { id: string; from: S }[];
  to: S;
  actor: { id: string | null; role: Actor };
  reason?: string | null;
  request?: Request;
  /**
   * Writes the new state of `ids`, all of which are in `from`; called once per
   * distinct `from`. Like runTransition's apply it must update only rows still
   * in `from` (updateMany({ where: { id: { in: ids }, status: from } })) and
   * return the number of rows changed.
   */
  apply: (from: S, ids: string[]) => Promise<number>;
};

/**
 * runTransition for many records at once (e.g. marking every late report
 * 未参检): checks the table once per starting state, writes with guarded
 * updateMany calls, refuses the whole move if any record had changed, and
 * writes one audit event per record in a single insert.
 */
export async function runBulkTransition<S extends string>(tx: Tx, input: BulkTransitionInput<S>) {
  const idsByFrom = new Map<S, string[]>();
  for (const { id, from } of input.entities) idsByFrom.set(from, [...(idsByFrom.get(from) ?? []), id]);
  const rules = new Map<S, TransitionRule<S>>();
  for (const from of idsByFrom.keys()) {
    rules.set(from, input.workflow.assert(from, input.to, input.actor.role, input.reason));
  }
  let changed = 0;
  for (const [from, ids] of idsByFrom) changed += await input.apply(from, ids);
  if (changed !== input.entities.length) throw new WorkflowError("部分记录的状态已被他人更新，请刷新后重试");
  await recordAudits(
    tx,
    input.entities.map(({ id, from }) => ({
      actorId: input.actor.id,
      action: auditActionOf(input.workflow, rules.get(from)!),
      entityType: input.entityType,
      entityId: id,
      fromState: from,
      toState: input.to,
      reason: input.reason ?? rules.get(from)!.label,
      request: input.request,
    })),
  );
  return input.entities.length;
}

function auditActionOf<S extends string>(workflow: Workflow<S>, rule: TransitionRule<S>) {
  return rule.auditAction ?? `${workflow.name}.transition`;
}

/** Turns a WorkflowError into the HTTP response a route should send. */
export function workflowErrorResponse(error: unknown) {
  if (error instanceof WorkflowError) {
    return new Response(error.message, {
      status: error.status,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return null;
}
