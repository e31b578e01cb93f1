// Queries behind the public pages: the home page figures and the organization
// directory (社会组织名录 / 信用信息公示). Only registered information is ever
// selected here; contact people, phones, e-mails and members stay private.
// Organizations still preparing (PREPARING) are not registered and not public.
import { z } from "zod";
import { prisma, type Prisma } from "~/utils/db.server";
import { getPage } from "~/utils/http";
import { ORG_TYPES, type OrgType } from "./labels";
import { isValidUscc, normalizeUscc } from "./uscc";

/** Statuses the public may see. */
export const PUBLIC_ORG_STATUSES = ["REGISTERED", "DEREGISTERED", "REVOKED"] as const;
export type PublicOrgStatus = (typeof PUBLIC_ORG_STATUSES)[number];

export const DIRECTORY_PAGE_SIZE = 20;
export const DIRECTORY_SORTS = ["date", "name"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];
/** The status filter: one public status, or ALL of them. */
export type DirectoryStatusFilter = PublicOrgStatus | "ALL";

const TZ_OFFSET = "+08:00";
const yearFormatter = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", year: "numeric" });

const DirectoryQuerySchema = z.object({
  q: z
    .string()
    .transform((s) => s.trim().slice(0, 60))
    .catch(""),
  type: z.enum(ORG_TYPES).optional().catch(undefined),
  status: z.enum([...PUBLIC_ORG_STATUSES, "ALL"]).catch("REGISTERED"),
  sort: z.enum(DIRECTORY_SORTS).catch("date"),
});

export type DirectoryQuery = {
  q: string;
  type: OrgType | null;
  status: DirectoryStatusFilter;
  sort: DirectorySort;
  page: number;
};

/** Reads ?q=&type=&status=&sort=&page=; anything unknown falls back to the default. */
export function parseDirectoryQuery(url: URL): DirectoryQuery {
  const params = url.searchParams;
  const parsed = DirectoryQuerySchema.parse({
    q: params.get("q") ?? "",
    type: params.get("type") || undefined,
    status: params.get("status") ?? "REGISTERED",
    sort: params.get("sort") ?? "date",
  });
  return { q: parsed.q, type: parsed.type ?? null, status: parsed.status, sort: parsed.sort, page: getPage(url) };
}

/** A search term shaped like a USCC (18 letters/digits) is matched exactly against the code. */
function asUsccSearch(q: string) {
  const code = normalizeUscc(q);
  return /^[0-9A-Z]{18}$/.test(code) ? code : null;
}

export async function searchDirectory(query: DirectoryQuery) {
  const code = query.q ? asUsccSearch(query.q) : null;
  const where: Prisma.OrganizationWhereInput = {
    status: query.status === "ALL" ? { in: [...PUBLIC_ORG_STATUSES] } : query.status,
    ...(query.type ? { type: query.type } : {}),
    ...(code ? { uscc: code } : query.q ? { name: { contains: query.q } } : {}),
  };
  const orderBy: Prisma.OrganizationOrderByWithRelationInput[] =
    query.sort === "name" ? [{ name: "asc" }] : [{ registeredAt: "desc" }, { name: "asc" }];
  const [total, organizations] = await Promise.all([
    prisma.organization.count({ where }),
    prisma.organization.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * DIRECTORY_PAGE_SIZE,
      take: DIRECTORY_PAGE_SIZE,
      select: { id: true, name: true, type: true, uscc: true, status: true, registeredAt: true },
    }),
  ]);
  return {
    total,
    organizations,
    /** Set when the term looks like a USCC but its check characters are wrong. */
    invalidUscc: code != null && !isValidUscc(code),
  };
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
    },
  });
}

/** The calendar year in Asia/Shanghai and the instant it began. */
export function currentYearStart(now = new Date()) {
  const year = Number(yearFormatter.format(now));
  return { year, start: new Date(`${year}-01-01T00:00:00${TZ_OFFSET}`) };
}

/** The figures on the home page, all counted from the database. */
export async function getHomeStats(now = new Date()) {
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
