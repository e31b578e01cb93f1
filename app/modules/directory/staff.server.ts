// What staff read: the editions, one edition's entries by status, and its objections.
import { getRules } from "~/modules/config/rules.server";
import { objectionDesk } from "~/modules/publicity/desk.server";
import type { ObjectionState } from "~/modules/publicity/objection-workflow";
import { prisma } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";
import { automaticCandidates } from "./automatic.server";
import { checkConditions, type ConditionCheck } from "./conditions";
import { loadDirectoryFacts } from "./conditions.server";
import { entryWorkflow, type EntryState } from "./entry-workflow";
import { markerChecks, type MarkerCheck } from "./markers";
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

type TaxFields = { taxDeclared: boolean; taxNote: string | null; taxCheckedAt: Date | null };

/**
 * Each shown organization's necessary conditions and priority markers on `now`, with
 * the facts, read in one batch for the page (staff decide on today's record, not the
 * snapshot taken when the organization applied).
 */
export async function entryChecksNow(entries: ReadonlyArray<TaxFields & { organization: { id: string } }>, now: Date) {
  const checks: Record<string, { conditions: ConditionCheck[]; markers: MarkerCheck[] }> = {};
  if (entries.length === 0) return checks;
  const rules = await getRules(now);
  const facts = await loadDirectoryFacts(
    prisma,
    entries.map((e) => e.organization.id),
    now,
    rules,
  );
  for (const entry of entries) {
    const f = facts.get(entry.organization.id);
    if (!f) continue;
    checks[entry.organization.id] = {
      conditions: checkConditions(f, rules, now),
      markers: markerChecks(f, rules, entry),
    };
  }
  return checks;
}

/** 5A organizations and last year's entries the edition does not list, with the facts that keep them out. */
export async function automaticLeftOut(
  edition: { id: string; year: number; title: string; serviceAreas: string[] },
  now: Date,
) {
  const rules = await getRules(now);
  const { left } = await automaticCandidates(prisma, edition, rules, now);
  return left.slice(0, 50);
}
