import { recordAudit } from "~/modules/audit/audit.server";
import type { Tx } from "~/utils/db.server";
import { WorkflowError, type Actor, type Workflow } from "./state-machine";

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
    action: `${input.workflow.name}.transition`,
    entityType: input.entityType,
    entityId: input.entityId,
    fromState: input.from,
    toState: input.to,
    reason: input.reason ?? rule.label,
    request: input.request,
  });
  return rule;
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
