// The directory's name search over the OrganizationNameGram index (rules in
// name-search.ts). Every read starts from the gram index and reaches
// Organization by its primary key, so a term matching nothing, or one or two
// characters, never scans the organization table (CROSS JOIN keeps SQLite from
// walking Organization by a status index instead).
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { nameSearchPlan, normalizeSearchText } from "./name-search";

export type NameSearchFilters = {
  statuses: readonly string[];
  type: string | null;
  areaCode: string | null;
  /** a grade 1–5, "NONE" (ungraded) or "" for any */
  grade: string;
  sort: "date" | "name" | "grade";
};

/** The normalized name in SQL: normalizeSearchText's rules (and the triggers'). */
const NORMALIZED_NAME = Prisma.sql`replace(replace(lower(o."name"), ' ', ''), '　', '')`;

const SORT_SQL = {
  date: Prisma.sql`o."registeredAt" DESC`,
  name: Prisma.sql`o."name" ASC`,
  grade: Prisma.sql`o."currentGrade" DESC`,
} as const;

/** The organizations having enough of the term's grams, with how many they have. */
function matchesSql(term: string) {
  const plan = nameSearchPlan(term);
  if (plan.kind === "none") return null;
  const condition =
    plan.kind === "prefix"
      ? Prisma.sql`g."gram" >= ${plan.from} AND g."gram" < ${plan.to}`
      : Prisma.sql`g."gram" IN (${Prisma.join(plan.grams)})`;
  // A one-character term counts an organization once, however many grams start with it.
  const hits = plan.kind === "prefix" ? Prisma.sql`1` : Prisma.sql`COUNT(*)`;
  return Prisma.sql`SELECT g."organizationId" AS "id", ${hits} AS "hits"
    FROM "OrganizationNameGram" g WHERE ${condition}
    GROUP BY g."organizationId" HAVING COUNT(*) >= ${plan.minHits}`;
}

/** The organization row's conditions: the filters, and every character of the term in the name. */
function filtersSql(term: string, filters: NameSearchFilters) {
  const parts = [Prisma.sql`o."status" IN (${Prisma.join([...filters.statuses])})`];
  const plan = nameSearchPlan(term);
  if (plan.kind === "pairs") {
    for (const c of plan.chars) parts.push(Prisma.sql`instr(${NORMALIZED_NAME}, ${c}) > 0`);
  }
  if (filters.type) parts.push(Prisma.sql`o."type" = ${filters.type}`);
  if (filters.areaCode) parts.push(Prisma.sql`o."areaCode" = ${filters.areaCode}`);
  if (filters.grade === "NONE") parts.push(Prisma.sql`o."currentGrade" IS NULL`);
  else if (filters.grade) parts.push(Prisma.sql`o."currentGrade" = ${Number(filters.grade)}`);
  return Prisma.join(parts, " AND ");
}

/** The SQL of one page of matches, best first (exact, prefix, contains, then most pairs). */
export function nameSearchPageSql(term: string, filters: NameSearchFilters, skip: number, take: number) {
  const matches = matchesSql(term);
  if (!matches) return null;
  const t = normalizeSearchText(term);
  return Prisma.sql`SELECT o."id" AS "id" FROM (${matches}) m
    CROSS JOIN "Organization" o ON o."id" = m."id"
    WHERE ${filtersSql(term, filters)}
    ORDER BY (${NORMALIZED_NAME} = ${t}) DESC,
      (substr(${NORMALIZED_NAME}, 1, length(${t})) = ${t}) DESC,
      (instr(${NORMALIZED_NAME}, ${t}) > 0) DESC,
      m."hits" DESC, ${SORT_SQL[filters.sort]}, o."id"
    LIMIT ${take} OFFSET ${skip}`;
}

/** The SQL counting every match. */
export function nameSearchCountSql(term: string, filters: NameSearchFilters) {
  const matches = matchesSql(term);
  if (!matches) return null;
  return Prisma.sql`SELECT COUNT(*) AS "total" FROM (${matches}) m
    CROSS JOIN "Organization" o ON o."id" = m."id"
    WHERE ${filtersSql(term, filters)}`;
}

/** One page of organization ids matching a name term, best first, and how many match. */
export async function searchNames(term: string, filters: NameSearchFilters, skip: number, take: number) {
  const page = nameSearchPageSql(term, filters, skip, take);
  const count = nameSearchCountSql(term, filters);
  if (!page || !count) return { ids: [] as string[], total: 0 };
  const [rows, counted] = await Promise.all([
    prisma.$queryRaw<Array<{ id: string }>>(page),
    prisma.$queryRaw<Array<{ total: number | bigint }>>(count),
  ]);
  return { ids: rows.map((row) => row.id), total: Number(counted[0]?.total ?? 0) };
}

/**
 * The ids of organizations (any status) whose name matches a term, through the gram
 * index, at most `take`: for lists that filter their own rows by organization (the
 * recommended directory's name search).
 */
export async function organizationIdsMatching(term: string, take: number) {
  const matches = matchesSql(term);
  if (!matches) return null;
  const plan = nameSearchPlan(term);
  const chars =
    plan.kind === "pairs" ? plan.chars.map((c) => Prisma.sql`instr(${NORMALIZED_NAME}, ${c}) > 0`) : [Prisma.sql`1`];
  const rows = await prisma.$queryRaw<Array<{ id: string }>>(
    Prisma.sql`SELECT o."id" AS "id" FROM (${matches}) m
      CROSS JOIN "Organization" o ON o."id" = m."id"
      WHERE ${Prisma.join(chars, " AND ")}
      LIMIT ${take}`,
  );
  return rows.map((r) => r.id);
}
