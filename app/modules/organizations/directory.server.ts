// Queries behind the public pages: the home page figures and the organization
// directory (社会组织名录 / 信用信息公示). Only registered information is ever
// selected here; contact people, phones, e-mails and members stay private.
// Organizations still preparing (PREPARING) are not registered and not public.
import { z } from "zod";
import { prisma, type Prisma } from "~/utils/db.server";
import { getPage } from "~/utils/http";
import { keysetPage, PAGE_SIZE, type KeysetOrder, type PageCursors, type PageStart } from "~/utils/paging";
import { shortCached } from "~/utils/short-cache.server";
import { ORG_TYPES, type OrgType } from "./labels";
import { searchNames } from "./name-search.server";
import { isValidUscc, normalizeUscc } from "./uscc";

/** Statuses the public may see. */
export const PUBLIC_ORG_STATUSES = ["REGISTERED", "DEREGISTERED", "REVOKED"] as const;
export type PublicOrgStatus = (typeof PUBLIC_ORG_STATUSES)[number];

export const DIRECTORY_SORTS = ["date", "name", "grade"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];
/** The status filter: one public status, or ALL of them. */
export type DirectoryStatusFilter = PublicOrgStatus | "ALL";
/** The grade filter: a grade 1–5, NONE (无等级), or "" for any. */
export const DIRECTORY_GRADE_FILTERS = ["5", "4", "3", "2", "1", "NONE"] as const;
export type DirectoryGradeFilter = (typeof DIRECTORY_GRADE_FILTERS)[number] | "";

const TZ_OFFSET = "+08:00";
const yearFormatter = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", year: "numeric" });

const DirectoryQuerySchema = z.object({
  q: z
    .string()
    .transform((s) => s.trim().slice(0, 60))
    .catch(""),
  type: z.enum(ORG_TYPES).optional().catch(undefined),
  area: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .catch(undefined),
  status: z.enum([...PUBLIC_ORG_STATUSES, "ALL"]).catch("REGISTERED"),
  grade: z.enum([...DIRECTORY_GRADE_FILTERS, ""]).catch(""),
  sort: z.enum(DIRECTORY_SORTS).catch("date"),
});

export type DirectoryQuery = {
  q: string;
  type: OrgType | null;
  /** administrative division code of the area of activity */
  area: string | null;
  status: DirectoryStatusFilter;
  grade: DirectoryGradeFilter;
  sort: DirectorySort;
  page: number;
};

/** Reads ?q=&type=&area=&status=&grade=&sort=&page=; anything unknown falls back to the default. */
export function parseDirectoryQuery(url: URL): DirectoryQuery {
  const params = url.searchParams;
  const parsed = DirectoryQuerySchema.parse({
    q: params.get("q") ?? "",
    type: params.get("type") || undefined,
    area: params.get("area") || undefined,
    status: params.get("status") ?? "REGISTERED",
    grade: params.get("grade") ?? "",
    sort: params.get("sort") ?? "date",
  });
  return {
    q: parsed.q,
    type: parsed.type ?? null,
    area: parsed.area ?? null,
    status: parsed.status,
    grade: parsed.grade,
    sort: parsed.sort,
    page: getPage(url),
  };
}

/** A search term shaped like a USCC (18 letters/digits) is matched exactly against the code. */
function asUsccSearch(q: string) {
  const code = normalizeUscc(q);
  return /^[0-9A-Z]{18}$/.test(code) ? code : null;
}

/**
 * The where clause of a directory query. Every filter without a text search
 * lands on an Organization index: (status, name), (status, registeredAt),
 * (status, areaCode), (status, currentGrade), (status, type) or (type, name);
 * a USCC lookup uses the unique index on uscc. A name term is not part of it:
 * names are searched by character pairs (searchNames, name-search.server.ts).
 */
export function directoryWhere(query: Omit<DirectoryQuery, "page" | "sort">): Prisma.OrganizationWhereInput {
  const code = query.q ? asUsccSearch(query.q) : null;
  return {
    status: query.status === "ALL" ? { in: [...PUBLIC_ORG_STATUSES] } : query.status,
    ...(query.type ? { type: query.type } : {}),
    ...(query.area ? { areaCode: query.area } : {}),
    ...(query.grade === "NONE" ? { currentGrade: null } : query.grade ? { currentGrade: Number(query.grade) } : {}),
    ...(code ? { uscc: code } : {}),
  };
}

/**
 * One column per sort so SQLite can walk an index instead of sorting:
 * registration date (newest first) on (status, registeredAt), name on
 * (status, name), grade (5A first, ungraded last) on (status, currentGrade).
 */
export function directoryOrderBy(sort: DirectorySort): Prisma.OrganizationOrderByWithRelationInput[] {
  if (sort === "name") return [{ name: "asc" }];
  if (sort === "grade") return [{ currentGrade: "desc" }];
  return [{ registeredAt: "desc" }];
}

const DIRECTORY_SELECT = {
  id: true,
  name: true,
  type: true,
  uscc: true,
  status: true,
  registeredAt: true,
  area: true,
  currentGrade: true,
} satisfies Prisma.OrganizationSelect;

/** A name term: the best matches first (name-search.ts), read through the gram index. */
async function searchDirectoryByName(query: DirectoryQuery) {
  const { organizations, total, capped } = await searchNames(
    query.q,
    {
      statuses: query.status === "ALL" ? PUBLIC_ORG_STATUSES : [query.status],
      type: query.type,
      areaCode: query.area,
      grade: query.grade,
      sort: query.sort,
    },
    (query.page - 1) * PAGE_SIZE,
    PAGE_SIZE,
  );
  return { total, organizations, invalidUscc: false, capped };
}

/**
 * The keyset order behind the page links (~/utils/paging): by registration date or by
 * name, then id. Public statuses always have a registration date (it is set when an
 * organization is registered), so the date is never null here. The grade sort, with
 * its ungraded (null) last, pages by number.
 */
export function directoryKeysetOrder(sort: DirectorySort): KeysetOrder | null {
  if (sort === "name") return { field: "name", direction: "asc", type: "string" };
  if (sort === "date") return { field: "registeredAt", direction: "desc", type: "date" };
  return null;
}

// A list paged by number (a name search, the grade order) has no cursors: Pagination then
// links pages by number. Empty cursors would tell it there is no next page.
const BY_NUMBER: PageCursors | undefined = undefined;

export async function searchDirectory(query: DirectoryQuery, start: PageStart = { after: null, before: null }) {
  const code = query.q ? asUsccSearch(query.q) : null;
  if (query.q && !code) return { ...(await searchDirectoryByName(query)), cursors: BY_NUMBER };
  const where = directoryWhere(query);
  const order = directoryKeysetOrder(query.sort);
  const listed = order
    ? keysetPage({
        order,
        start,
        page: query.page,
        pageSize: PAGE_SIZE,
        find: (args) =>
          prisma.organization.findMany({ ...args, where: { AND: [where, args.where] }, select: DIRECTORY_SELECT }),
      })
    : prisma.organization
        .findMany({
          where,
          orderBy: directoryOrderBy(query.sort),
          skip: (query.page - 1) * PAGE_SIZE,
          take: PAGE_SIZE,
          select: DIRECTORY_SELECT,
        })
        .then((rows) => ({ rows, cursors: BY_NUMBER }));
  const [counted, { rows: organizations, cursors }] = await Promise.all([
    // Counting a column every directory index starts with (status) lets SQLite
    // count from the index alone; a plain count() selects id and reads each row.
    // Kept a few seconds, dropped on any write (short-cache.server.ts).
    shortCached(`directory-count:${JSON.stringify(where)}`, 10_000, () =>
      prisma.organization.count({ where, select: { status: true } }),
    ),
    listed,
  ]);
  return {
    total: counted.status,
    organizations,
    cursors,
    /** Set when the term looks like a USCC but its check characters are wrong. */
    invalidUscc: code != null && !isValidUscc(code),
    /** Set when a name search listed only part of the matches (searchNames). */
    capped: false,
  };
}

/**
 * The areas of activity to filter by: each division code present among
 * registered organizations, named by the shortest 活动地域 written for it
 * (usually the division itself, e.g. 南京市江宁区, rather than one street),
 * looked at among at most 200 of its organizations. The distinct codes come
 * from the (status, areaCode) index alone; each name is one bounded probe.
 */
export async function listDirectoryAreas() {
  return shortCached("directory-areas", 60_000, readDirectoryAreas);
}

async function readDirectoryAreas() {
  const rows = await prisma.$queryRaw<Array<{ code: string; name: string | null }>>`
    SELECT c."areaCode" AS code,
      (SELECT s."area" FROM (
          SELECT o."area" FROM "Organization" o
          WHERE o."status" = 'REGISTERED' AND o."areaCode" = c."areaCode" AND o."area" IS NOT NULL
          LIMIT 200) s
        ORDER BY length(s."area"), s."area" LIMIT 1) AS name
    FROM (SELECT DISTINCT "areaCode" FROM "Organization" WHERE "status" = 'REGISTERED' AND "areaCode" IS NOT NULL) c
    ORDER BY c."areaCode"`;
  return rows.map((row) => ({ code: row.code, name: row.name ?? row.code }));
}

/** Registered information of one organization, or null when unknown or not public. */
export async function getPublicOrganization(id: string) {
  return prisma.organization.findFirst({
    where: { id, status: { in: [...PUBLIC_ORG_STATUSES] } },
    select: {
      id: true,
      name: true,
      uscc: true,
      type: true,
      address: true,
      purpose: true,
      scope: true,
      area: true,
      legalRepresentative: true,
      capitalFen: true,
      category: true,
      supervisingUnit: true,
      registeredAt: true,
      status: true,
      changes: {
        orderBy: [{ effectiveAt: "desc" }, { createdAt: "desc" }],
        take: 100,
        select: { id: true, kind: true, field: true, oldValue: true, newValue: true, reason: true, effectiveAt: true },
      },
      creditRecords: {
        orderBy: { decidedAt: "desc" },
        take: 100,
        select: { id: true, kind: true, description: true, authority: true, decidedAt: true, endedAt: true },
      },
      grades: {
        orderBy: { announcedAt: "desc" },
        take: 20,
        select: {
          id: true,
          grade: true,
          announcedAt: true,
          validFrom: true,
          validTo: true,
          round: { select: { id: true, title: true } },
        },
      },
    },
  });
}

/** The calendar year in Asia/Shanghai and the instant it began. */
export function currentYearStart(now = new Date()) {
  const year = Number(yearFormatter.format(now));
  return { year, start: new Date(`${year}-01-01T00:00:00${TZ_OFFSET}`) };
}

/** The figures on the home page, counted from the database and kept a few seconds (short-cache.server.ts). */
export async function getHomeStats(now = new Date()) {
  const { year } = currentYearStart(now);
  return shortCached(`home-stats:${year}`, 10_000, () => countHomeStats(now));
}

async function countHomeStats(now: Date) {
  const { year, start } = currentYearStart(now);
  const [byTypeRows, registeredThisYear, reviewerCount] = await Promise.all([
    prisma.organization.groupBy({ by: ["type"], where: { status: "REGISTERED" }, _count: { _all: true } }),
    prisma.organization.count({
      where: { status: { in: [...PUBLIC_ORG_STATUSES] }, registeredAt: { gte: start, lte: now } },
    }),
    prisma.user.count({ where: { role: "REVIEWER", status: "ACTIVE" } }),
  ]);
  const byType = Object.fromEntries(ORG_TYPES.map((t) => [t, 0])) as Record<OrgType, number>;
  for (const row of byTypeRows) {
    if ((ORG_TYPES as readonly string[]).includes(row.type)) byType[row.type as OrgType] = row._count._all;
  }
  const registeredTotal = byTypeRows.reduce((sum, row) => sum + row._count._all, 0);
  return { year, registeredTotal, byType, registeredThisYear, reviewerCount };
}

/** The most recently registered organizations still in good standing. */
export async function getRecentlyRegistered(take = 6) {
  return prisma.organization.findMany({
    where: { status: "REGISTERED", registeredAt: { not: null } },
    orderBy: [{ registeredAt: "desc" }, { name: "asc" }],
    take,
    select: { id: true, name: true, type: true, registeredAt: true },
  });
}
