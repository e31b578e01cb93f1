// What staff read: the editions, one edition's entries by status, and its objections.
import { objectionDesk } from "~/modules/publicity/desk.server";
import type { ObjectionState } from "~/modules/publicity/objection-workflow";
import { prisma } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";
import { entryWorkflow, type EntryState } from "./entry-workflow";
import { directoryPublication, parseAreas } from "./publication";

export async function listEditions() {
  return prisma.directoryEdition.findMany({
    orderBy: { year: "desc" },
    take: 50,
    select: {
      id: true,
      year: true,
      title: true,
      status: true,
      applyOpensAt: true,
      applyClosesAt: true,
      publishedAt: true,
    },
  });
}

export function parseEntryStatus(value: string | null): EntryState | null {
  return value && entryWorkflow.isState(value) ? value : null;
}

export async function getStaffEdition(
  editionId: string,
  status: EntryState | null,
  page: number,
  objectionStatus: ObjectionState | null,
) {
  const edition = await prisma.directoryEdition.findUnique({
    where: { id: editionId },
    select: {
      id: true,
      year: true,
      title: true,
      status: true,
      applyOpensAt: true,
      applyClosesAt: true,
      serviceAreas: true,
      publicityDays: true,
      publicityStartsAt: true,
      publicityEndsAt: true,
      publishedAt: true,
    },
  });
  if (!edition) return null;
  const where = { editionId, ...(status ? { status } : {}) };
  const [counts, total, entries, desk] = await Promise.all([
    prisma.directoryEntry.groupBy({ by: ["status"], where: { editionId }, _count: { _all: true } }),
    prisma.directoryEntry.count({ where }),
    prisma.directoryEntry.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { createdAt: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        route: true,
        status: true,
        street: true,
        capability: true,
        conditions: true,
        taxDeclared: true,
        taxNote: true,
        taxCheckedAt: true,
        markerGrade: true,
        markerProjects: true,
        returnNote: true,
        rejectReason: true,
        submittedAt: true,
        removedAt: true,
        removalReason: true,
        areas: { select: { area: true } },
        organization: { select: { id: true, name: true, type: true, currentGrade: true } },
      },
    }),
    objectionDesk(directoryPublication(editionId), objectionStatus, 1),
  ]);
  const entryNames = new Map(
    (
      await prisma.directoryEntry.findMany({
        where: { id: { in: desk.objections.map((o) => o.entryId) } },
        select: { id: true, organization: { select: { name: true } } },
      })
    ).map((e) => [e.id, e.organization.name]),
  );
  return {
    edition: { ...edition, serviceAreas: parseAreas(edition.serviceAreas) },
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<EntryState, number>>,
    total,
    entries,
    objections: desk.objections.map((o) => ({ ...o, organizationName: entryNames.get(o.entryId) ?? "" })),
    objectionCounts: desk.counts,
  };
}
