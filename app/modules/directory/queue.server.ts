// 待办 lines of the recommended directory (#15): staff review submitted applications
// and answer objections to an edition's proposed list while it is in publicity.
import { pendingObjections } from "~/modules/publicity/decide.server";
import type { QueueLine, QueueSource, StaffQueueContext } from "~/modules/queues/queue";
import { QUEUE_ENTRIES } from "~/modules/queues/queue";
import { prisma } from "~/utils/db.server";
import { directoryPublication } from "./publication";

export const directoryStaffQueue: QueueSource<StaffQueueContext> = async () => {
  // Editions staff still work on: one a year, so a handful at most.
  const editions = await prisma.directoryEdition.findMany({
    where: { status: { in: ["OPEN", "REVIEWING", "PUBLICITY"] } },
    orderBy: { year: "desc" },
    take: 5,
    select: { id: true, title: true, status: true, applyClosesAt: true, publicityEndsAt: true },
  });
  const lines = await Promise.all(
    editions.map(async (edition): Promise<QueueLine[]> => {
      const where = { editionId: edition.id, status: "SUBMITTED" };
      const [count, first, objections] = await Promise.all([
        prisma.directoryEntry.count({ where }),
        prisma.directoryEntry.findMany({
          where,
          orderBy: { submittedAt: "asc" },
          take: QUEUE_ENTRIES,
          select: { id: true, organization: { select: { name: true } } },
        }),
        edition.status === "PUBLICITY" ? pendingObjections(prisma, directoryPublication(edition.id)) : 0,
      ]);
      const page = `/admin/directory/${edition.id}`;
      return [
        {
          key: `directory.review.${edition.id}`,
          label: `${edition.title}：申报待审核`,
          count,
          href: `${page}?status=SUBMITTED`,
          entries: first.map((e) => ({ label: e.organization.name, href: `${page}?status=SUBMITTED#entry-${e.id}` })),
        },
        {
          key: `directory.objections.${edition.id}`,
          label: `${edition.title}：公示异议待处理`,
          count: objections,
          href: `${page}#objections`,
          dueAt: edition.publicityEndsAt,
        },
      ];
    }),
  );
  return lines.flat();
};
