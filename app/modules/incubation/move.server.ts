// What every staff step shares: loading the application inside the
// transaction and moving it through the incubation table.
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import type { Prisma, Tx } from "~/utils/db.server";
import { incubationWorkflow, type IncubationState } from "./workflow";

export const INCUBATION_ENTITY_TYPE = "IncubationApplication";

export type StaffActor = { id: string };

/** Where the organization's notifications point. */
export const ORG_INCUBATION_LINK = "/org/incubation";

export async function loadForChange(tx: Tx, id: string) {
  const row = await tx.incubationApplication.findUnique({
    where: { id },
    select: { id: true, status: true, organizationId: true, termStart: true, termEnd: true },
  });
  if (!row) throw new WorkflowError("未找到该入驻申请", 400);
  return row;
}

/**
 * Moves one application through the incubation table: the update is guarded
 * by the state it is leaving, and runTransition writes the audit event.
 */
export function moveIncubation(
  tx: Tx,
  input: {
    id: string;
    from: IncubationState;
    to: IncubationState;
    actorId: string;
    reason: string | null;
    request?: Request;
    data: Prisma.IncubationApplicationUpdateManyMutationInput;
  },
) {
  return runTransition(tx, {
    workflow: incubationWorkflow,
    entityType: INCUBATION_ENTITY_TYPE,
    entityId: input.id,
    from: input.from,
    to: input.to,
    actor: { id: input.actorId, role: "ADMIN" },
    reason: input.reason,
    request: input.request,
    apply: () =>
      tx.incubationApplication
        .updateMany({ where: { id: input.id, status: input.from }, data: { ...input.data, status: input.to } })
        .then((r) => r.count),
  });
}
