// What anyone may read of the directory: the editions that were put in publicity or
// published, their entries with filters (service area, type, grade, street), the
// removals with date and reason, and one organization's directory status by year.
import { z } from "zod";
import { Prisma } from "~/generated/prisma/client";
import { ORG_TYPES } from "~/modules/organizations/labels";
import { organizationNameMatchSql } from "~/modules/organizations/name-search.server";
import { prisma } from "~/utils/db.server";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";
import { parseAreas } from "./publication";

export const PUBLIC_EDITION_STATES = ["PUBLICITY", "PUBLISHED", "SUPERSEDED"];

const QuerySchema = z.object({
  area: z.string().trim().max(20).catch(""),
  type: z.enum(ORG_TYPES).or(z.literal("")).catch(""),
  grade: z.enum(["5", "4", "3", "2", "1", ""]).catch(""),
  street: z.string().trim().max(20).catch(""),
  marker: z.enum(["grade", "projects", "tax", ""]).catch(""),
  q: z.string().trim().max(50).catch(""),
});
export type DirectoryQuery = z.infer<typeof QuerySchema>;

export function parseDirectoryQuery(url: URL): DirectoryQuery {
  const p = url.searchParams;
  return QuerySchema.parse({
    area: p.get("area") ?? "",
    type: p.get("type") ?? "",
    grade: p.get("grade") ?? "",
    street: p.get("street") ?? "",
    marker: p.get("marker") ?? "",
    q: p.get("q") ?? "",
  });
}

export async function listPublicEditions() {
  return prisma.directoryEdition.findMany({
    where: { status: { in: PUBLIC_EDITION_STATES } },
    orderBy: { year: "desc" },
    take: 20,
    select: { id: true, year: true, title: true, status: true, publishedAt: true, publicityEndsAt: true },
  });
}

export async function getPublicEdition(editionId: string) {
  const edition = await prisma.directoryEdition.findUnique({
    where: { id: editionId },
    select: {
      id: true,
      year: true,
      title: true,
      status: true,
      serviceAreas: true,
      publicityStartsAt: true,
      publicityEndsAt: true,
      publishedAt: true,
    },
  });
  if (!edition || !PUBLIC_EDITION_STATES.includes(edition.status)) return null;
  return { ...edition, serviceAreas: parseAreas(edition.serviceAreas) };
}

/** The entries the public sees: listed once published, proposed during publicity. */
export function visibleStatus(editionStatus: string) {
  return editionStatus === "PUBLICITY" ? "PASSED" : "LISTED";
}

export const publicEntrySelect = {
  id: true,
  route: true,
  street: true,
  capability: true,
  markerGrade: true,
  markerProjects: true,
  taxCheckedAt: true,
  listedAt: true,
  areas: { select: { area: true } },
  organization: { select: { id: true, name: true, type: true, uscc: true, currentGrade: true } },
} as const satisfies Prisma.DirectoryEntrySelect;

/** Names matched at most (an edition lists tens to a few hundred organizations). */
export const NAME_MATCH_LIMIT = 2000;

/**
 * The organizations of an edition's entries in one status whose name matches the term
 * (name-search.server.ts rules), checked entry by entry through the (editionId, status)
 * index: the cost is the edition's size, never the register's, and an entry is found
 * wherever its organization sits among all those sharing the name's words.
 */
export async function entryOrganizationsNamed(editionId: string, status: string, term: string) {
  const match = organizationNameMatchSql(term);
  if (!match) return null;
  const rows = await prisma.$queryRaw<Array<{ id: string }>>(entryOrganizationsNamedSql(editionId, status, match));
  return rows.map((row) => row.id);
}

export function entryOrganizationsNamedSql(editionId: string, status: string, match: Prisma.Sql) {
  return Prisma.sql`SELECT e."organizationId" AS "id"
    FROM "DirectoryEntry" e CROSS JOIN "Organization" o ON o."id" = e."organizationId"
    WHERE e."editionId" = ${editionId} AND e."status" = ${status} AND ${match}
    LIMIT ${NAME_MATCH_LIMIT}`;
}

const MARKER_WHERE = {
  grade: { markerGrade: true },
  projects: { markerProjects: true },
  tax: { taxCheckedAt: { not: null } },
} as const satisfies Record<string, Prisma.DirectoryEntryWhereInput>;

function entryWhere(
  editionId: string,
  status: string,
  q: DirectoryQuery,
  nameIds: string[] | null,
): Prisma.DirectoryEntryWhereInput {
  return {
    editionId,
    status,
    ...(nameIds ? { organizationId: { in: nameIds } } : {}),
    ...(q.marker ? MARKER_WHERE[q.marker] : {}),
    ...(q.street ? { street: q.street } : {}),
    ...(q.area ? { areas: { some: { area: q.area } } } : {}),
    ...(q.type || q.grade
      ? {
          organization: {
            ...(q.type ? { type: q.type } : {}),
            ...(q.grade ? { currentGrade: Number(q.grade) } : {}),
          },
        }
      : {}),
  };
}

/** One page of an edition's entries, filtered; the streets for the filter; the removals. */
export async function listPublicEntries(edition: { id: string; status: string }, q: DirectoryQuery, url: URL) {
  const status = visibleStatus(edition.status);
  const nameIds = q.q ? ((await entryOrganizationsNamed(edition.id, status, q.q)) ?? []) : null;
  const where = entryWhere(edition.id, status, q, nameIds);
  const total = await prisma.directoryEntry.count({ where });
  // Paging is bounded by the list: a page past the last shows the last.
  const page = Math.max(1, Math.min(getPage(url), Math.ceil(total / PAGE_SIZE)));
  const [entries, streets, removed] = await Promise.all([
    prisma.directoryEntry.findMany({
      where,
      orderBy: [{ street: "asc" }, { organization: { name: "asc" } }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: publicEntrySelect,
    }),
    prisma.directoryEntry.findMany({
      where: { editionId: edition.id, status },
      distinct: ["street"],
      orderBy: { street: "asc" },
      select: { street: true },
    }),
    prisma.directoryEntry.findMany({
      where: { editionId: edition.id, status: "REMOVED", listedAt: { not: null } },
      orderBy: { removedAt: "desc" },
      take: 50,
      select: { id: true, removedAt: true, removalReason: true, organization: { select: { id: true, name: true } } },
    }),
  ]);
  return { total, page, entries, streets: streets.map((s) => s.street), removed };
}

/** Every listed entry of an edition, for the Excel download (an edition lists tens to a few hundred). */
export async function allListedEntries(editionId: string, q: DirectoryQuery) {
  const nameIds = q.q ? ((await entryOrganizationsNamed(editionId, "LISTED", q.q)) ?? []) : null;
  return prisma.directoryEntry.findMany({
    where: entryWhere(editionId, "LISTED", q, nameIds),
    orderBy: [{ street: "asc" }, { organization: { name: "asc" } }],
    take: 5000,
    select: publicEntrySelect,
  });
}

/** An organization's directory status by year, for its public page. */
export async function organizationDirectoryHistory(organizationId: string) {
  const rows = await prisma.directoryEntry.findMany({
    where: {
      organizationId,
      OR: [
        { status: { in: ["LISTED", "REMOVED"] }, listedAt: { not: null } },
        { status: "PASSED", edition: { status: "PUBLICITY" } },
      ],
      edition: { status: { in: PUBLIC_EDITION_STATES } },
    },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: {
      status: true,
      listedAt: true,
      markerGrade: true,
      markerProjects: true,
      taxCheckedAt: true,
      removedAt: true,
      removalReason: true,
      edition: { select: { id: true, year: true, title: true, status: true } },
    },
  });
  return rows;
}

/** The edition in force: the latest published one (null before the first is published). */
export function currentPublishedEdition() {
  return prisma.directoryEdition.findFirst({
    where: { status: "PUBLISHED" },
    orderBy: { year: "desc" },
    select: { id: true },
  });
}

/** The proposed list an edition puts in publicity (every PASSED entry; a few hundred at most). */
export function publicityEntries(editionId: string) {
  return prisma.directoryEntry.findMany({
    where: { editionId, status: "PASSED" },
    orderBy: [{ street: "asc" }, { organization: { name: "asc" } }],
    take: 2000,
    select: publicEntrySelect,
  });
}

/** Everything the public directory page shows for one published edition. */
export async function loadPublicDirectory(
  edition: NonNullable<Awaited<ReturnType<typeof getPublicEdition>>>,
  url: URL,
) {
  const query = parseDirectoryQuery(url);
  const [list, editions] = await Promise.all([listPublicEntries(edition, query, url), listPublicEditions()]);
  return { edition, query, ...list, editions: editions.filter((e) => e.id !== edition.id) };
}
