// The staff list of organizations (/admin/organizations): every status, by name,
// keyset-paged; a USCC-shaped term is looked up exactly and a name term goes through
// the same name search as the public directory (name-search.server.ts).
import { ORG_STATUSES, ORG_TYPES, type OrgStatus, type OrgType } from "~/modules/organizations/labels";
import { searchNames } from "~/modules/organizations/name-search.server";
import { normalizeUscc } from "~/modules/organizations/uscc";
import { prisma, type Prisma } from "~/utils/db.server";
import { keysetPage, PAGE_SIZE, type KeysetOrder, type PageStart } from "~/utils/paging";
import { shortCached } from "~/utils/short-cache.server";

export type AdminOrgFilters = { q: string; status: OrgStatus | ""; type: OrgType | "" };

export function parseAdminOrgFilters(params: URLSearchParams): AdminOrgFilters {
  const status = params.get("status") ?? "";
  const type = params.get("type") ?? "";
  return {
    q: (params.get("q") ?? "").trim().slice(0, 60),
    status: (ORG_STATUSES as readonly string[]).includes(status) ? (status as OrgStatus) : "",
    type: (ORG_TYPES as readonly string[]).includes(type) ? (type as OrgType) : "",
  };
}

/** By name (unique), then id: the page links carry the name they continue from. */
export const ADMIN_ORG_ORDER: KeysetOrder = { field: "name", direction: "asc", type: "string" };

const ADMIN_ORG_SELECT = {
  id: true,
  name: true,
  type: true,
  uscc: true,
  status: true,
  registeredAt: true,
  currentGrade: true,
} satisfies Prisma.OrganizationSelect;

/**
 * All organizations (including those still preparing), by name. A USCC-shaped term
 * matches the code exactly; a name term goes through the directory's name search
 * (searchNames: best matches first, bounded, `capped` when only part is listed),
 * paged by number.
 */
export async function listAdminOrganizations(
  filters: AdminOrgFilters,
  page: number,
  start: PageStart = { after: null, before: null },
) {
  const code = normalizeUscc(filters.q);
  const byCode = /^[0-9A-Z]{18}$/.test(code);
  if (filters.q && !byCode) {
    const { organizations, total, capped } = await searchNames(
      filters.q,
      {
        statuses: filters.status ? [filters.status] : null,
        type: filters.type || null,
        areaCode: null,
        grade: "",
        sort: "name",
      },
      (page - 1) * PAGE_SIZE,
      PAGE_SIZE,
    );
    // The staff list shows no area of activity.
    return { total, organizations: organizations.map(({ area: _area, ...row }) => row), cursors: undefined, capped };
  }
  const where: Prisma.OrganizationWhereInput = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(byCode ? { uscc: code } : {}),
  };
  const [counted, { rows: organizations, cursors }] = await Promise.all([
    // 100,000 index entries per view: shared for 10 s and dropped on any write (decision 033).
    shortCached(`staff-organization-count:${JSON.stringify(where)}`, 10_000, () =>
      prisma.organization.count({ where }),
    ),
    keysetPage({
      order: ADMIN_ORG_ORDER,
      start,
      page,
      pageSize: PAGE_SIZE,
      find: (args) =>
        prisma.organization.findMany({ ...args, where: { AND: [where, args.where] }, select: ADMIN_ORG_SELECT }),
    }),
  ]);
  return { total: counted, organizations, cursors, capped: false };
}
