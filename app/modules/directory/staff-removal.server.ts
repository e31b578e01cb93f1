// Staff take one organization off an edition during the year (#15 item 5) when a
// trigger the platform does not record fired (a court ruling, a report from another
// department…). The date and reason are shown publicly; the organization is told.
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { parseDateInput } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { entryWorkflow, type EntryState } from "./entry-workflow";
import { notifyOrganizations } from "./notify.server";
import { DIRECTORY_ENTRY_TYPE, removalDateProblem } from "./publication";

export type StaffRemovalInput = {
  editionId: string;
  entryId: string;
  /** yyyy-mm-dd, today or earlier */
  removedOn: string;
  reason: string;
  actorId: string;
  request?: Request;
};

export async function removeEntryByStaff(input: StaffRemovalInput, now = new Date()): Promise<WriteResult> {
  const removedAt = parseDateInput(input.removedOn);
  if (!removedAt) return fail("移出日期格式不正确", { field: "removedOn" });
  return prisma.$transaction(async (tx) => {
    const entry = await tx.directoryEntry.findFirst({
      where: { id: input.entryId, editionId: input.editionId },
      select: {
        id: true,
        status: true,
        listedAt: true,
        organizationId: true,
        edition: { select: { id: true, title: true, status: true } },
      },
    });
    if (!entry) return fail("未找到该机构", { status: 404 });
    if (entry.status !== "PASSED" && entry.status !== "LISTED") {
      throw new WorkflowError("该机构不在拟列入名单或目录中", 409);
    }
    if (entry.edition.status === "SUPERSEDED") throw new WorkflowError("该目录已被新版取代，不能再移出", 409);
    const dateProblem = removalDateProblem(removedAt, entry.listedAt, now);
    if (dateProblem) return fail(dateProblem, { field: "removedOn" });
    const from = entry.status as EntryState;
    await runTransition(tx, {
      workflow: entryWorkflow,
      entityType: DIRECTORY_ENTRY_TYPE,
      entityId: entry.id,
      from,
      to: "REMOVED",
      actor: { id: input.actorId, role: "ADMIN" },
      reason: input.reason,
      request: input.request,
      apply: async () =>
        (
          await tx.directoryEntry.updateMany({
            where: { id: entry.id, status: from },
            data: { status: "REMOVED", removedAt, removalReason: input.reason },
          })
        ).count,
    });
    await notifyOrganizations(tx, [
      {
        organizationId: entry.organizationId,
        title: `已移出${entry.edition.title}`,
        body: `${formatDate(removedAt)}移出，原因：${input.reason}。移出日期和原因将在目录中公开显示。`,
        link: `/directory/${entry.edition.id}`,
      },
    ]);
    return succeed();
  });
}
