// The staff's decision on one objection (decision 013). The publishing area runs
// it inside its own transaction and then applies what an upheld objection means
// for its list (remove the entry, change an amount…).
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import type { Tx } from "~/utils/db.server";
import type { PublicationRef } from "./objection";
import { OBJECTION_SUBJECT_TYPE } from "./objection";
import { objectionWorkflow, type ObjectionState } from "./objection-workflow";

/** One objection of a publication, as a decision needs it; a WorkflowError (400) when it is not one of its objections. */
export async function loadObjectionForDecision(tx: Tx, publication: PublicationRef, objectionId: string) {
  const row = await tx.objection.findFirst({
    where: { id: objectionId, publicationType: publication.type, publicationId: publication.id },
    select: { id: true, status: true, entryType: true, entryId: true },
  });
  if (!row) throw new WorkflowError("未找到该异议", 400);
  return row;
}

export type ObjectionDecision = {
  objection: { id: string; status: string };
  outcome: "UPHELD" | "DISMISSED";
  reply: string;
  /** the area's code for what upholding did, null when dismissed */
  upheldAction?: string | null;
  changedAmountFen?: number | null;
  actorId: string;
  request?: Request;
};

/** Records the decision through the objection workflow (audit event, guarded by the current status). */
export async function recordObjectionDecision(tx: Tx, input: ObjectionDecision) {
  await runTransition(tx, {
    workflow: objectionWorkflow,
    entityType: OBJECTION_SUBJECT_TYPE,
    entityId: input.objection.id,
    from: input.objection.status as ObjectionState,
    to: input.outcome,
    actor: { id: input.actorId, role: "ADMIN" },
    reason: input.reply,
    request: input.request,
    apply: async () =>
      (
        await tx.objection.updateMany({
          where: { id: input.objection.id, status: input.objection.status },
          data: {
            status: input.outcome,
            reply: input.reply,
            upheldAction: input.outcome === "UPHELD" ? (input.upheldAction ?? null) : null,
            changedAmountFen: input.outcome === "UPHELD" ? (input.changedAmountFen ?? null) : null,
            decidedById: input.actorId,
            decidedAt: new Date(),
          },
        })
      ).count,
  });
}

const PENDING_OBJECTION = "RECEIVED";

/** How many objections of a publication still wait for a decision. */
export function pendingObjections(db: Tx, publication: PublicationRef) {
  return db.objection.count({
    where: { publicationType: publication.type, publicationId: publication.id, status: PENDING_OBJECTION },
  });
}

/** The same for several publications of one type in one grouped read: publication id → count (absent: 0). */
export async function pendingObjectionsByPublication(db: Tx, type: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const groups = await db.objection.groupBy({
    by: ["publicationId"],
    where: { publicationType: type, publicationId: { in: ids }, status: PENDING_OBJECTION },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.publicationId, g._count._all]));
}
