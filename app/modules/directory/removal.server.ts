// Removal during the year (#15 item 5), called inside the transaction of the write
// that created the fact: an annual report concluded 不合格 or marked 未参检
// (inspection), a credit record (registry), a grade cancelled or lowered below the
// minimum (rating). The organization leaves the published directory (and any
// proposed list) at once; the date and reason are shown publicly and it is told.
// Facts from elsewhere (a final evaluation 不合格, a ban) are caught by the staff's
// "run checks" (checks.server.ts), which ends here too.
import { runBulkTransition } from "~/modules/workflow/transition.server";
import type { Tx } from "~/utils/db.server";
import { entryWorkflow, type EntryState } from "./entry-workflow";
import { notifyOrganizations } from "./notify.server";

export type Removal = { organizationId: string; reason: string };

/** Entries a removal takes: proposed or listed, in an edition that is not superseded. */
const REMOVABLE: EntryState[] = ["PASSED", "LISTED"];

/**
 * Removes each organization's proposed and listed entries with its reason, one
 * audit event per entry, and notifies it. `actorId` is the person whose write
 * created the fact (null: the system). Returns how many entries were removed.
 */
export async function removeFromDirectory(
  tx: Tx,
  removals: Removal[],
  actor: { id: string | null; request?: Request },
  at = new Date(),
) {
  if (removals.length === 0) return 0;
  const entries = await tx.directoryEntry.findMany({
    where: {
      organizationId: { in: [...new Set(removals.map((r) => r.organizationId))] },
      status: { in: REMOVABLE },
      edition: { status: { not: "SUPERSEDED" } },
    },
    select: { id: true, status: true, organizationId: true, edition: { select: { id: true, title: true } } },
  });
  if (entries.length === 0) return 0;
  const reasonOf = (orgId: string) => removals.find((r) => r.organizationId === orgId)!.reason;
  for (const entry of entries) {
    await runBulkTransition(tx, {
      workflow: entryWorkflow,
      entityType: "DirectoryEntry",
      entities: [{ id: entry.id, from: entry.status as EntryState }],
      to: "REMOVED",
      actor: { id: actor.id, role: actor.id ? "ADMIN" : "SYSTEM" },
      reason: reasonOf(entry.organizationId),
      request: actor.request,
      apply: async (from, ids) =>
        (
          await tx.directoryEntry.updateMany({
            where: { id: { in: ids }, status: from },
            data: { status: "REMOVED", removedAt: at, removalReason: reasonOf(entry.organizationId) },
          })
        ).count,
    });
  }
  await notifyOrganizations(
    tx,
    entries.map((e) => ({
      organizationId: e.organizationId,
      title: `已移出${e.edition.title}`,
      body: `移出原因：${reasonOf(e.organizationId)}。移出日期和原因将在目录中公开显示。`,
      link: `/directory/${e.edition.id}`,
    })),
  );
  return entries.length;
}
