// The name search over the OrganizationNameGram index (rules in name-search.ts),
// for the public directory and the staff organization list. Every read starts
// from an index and reaches Organization by id through the narrow search-row index
// (decision 038), and every read is
// bounded (decision 027): each gram list is read up to gramReadsPerList entries
// and the names starting with the term up to NAME_PREFIX_READS, so a common
// one-character term costs what a rare one does. CROSS JOIN keeps SQLite from
// walking Organization by a status index instead.
import { Prisma } from "~/generated/prisma/client";
import { readRows } from "~/utils/prepared-reads.server";
import {
  afterPrefix,
  driverGrams,
  gramReadsPerList,
  MAX_INDEXED_NAME_LENGTH,
  NAME_PREFIX_READS,
  nameSearchPlan,
  type NameSearchPlan,
} from "./name-search";

export type NameSearchFilters = {
  /** the statuses listed; null for any */
  statuses: readonly string[] | null;
  type: string | null;
  areaCode: string | null;
  /** a grade 1–5, "NONE" (ungraded) or "" for any */
  grade: string;
  sort: "date" | "name" | "grade";
};

/** The normalized name in SQL: normalizeSearchText's rules (and the triggers'). */
const NORMALIZED_NAME = Prisma.sql`replace(replace(lower(o."name"), ' ', ''), '　', '')`;

/** A page's order after the match tiers, on the candidates' columns ("c"). */
const SORT_SQL = {
  date: Prisma.sql`c."registeredAt" DESC`,
  name: Prisma.sql`c."name" ASC`,
  grade: Prisma.sql`c."currentGrade" DESC`,
} as const;

type SearchablePlan = Exclude<NameSearchPlan, { kind: "none" }>;

/** A term made ready to search: the gram lists to read and whether any is longer than what is read. */
export type PreparedNameSearch = { plan: SearchablePlan; lists: Prisma.Sql[]; perList: number; listsCapped: boolean };

const GRAM_TABLE = Prisma.sql`"OrganizationNameGram"`;

/**
 * Counts the term's gram lists, each up to one entry more than a search reads
 * (an index-only read), and picks the lists to read: the shortest (driverGrams).
 */
export async function prepareNameSearch(term: string): Promise<PreparedNameSearch | null> {
  const counting = prepareNameSearchSql(term);
  if (!counting) return null;
  return counting.finish(await readRows<GramCountRow>(counting.sql));
}

type GramCountRow = { n: number; length: number };

/** The statement counting the term's gram lists, and how its rows pick the lists to read. */
export function prepareNameSearchSql(term: string) {
  const plan = nameSearchPlan(term);
  if (plan.kind === "none") return null;
  const perList = gramReadsPerList(plan);
  const conditions =
    plan.kind === "prefix"
      ? [Prisma.sql`g."gram" >= ${plan.from} AND g."gram" < ${plan.to}`]
      : plan.grams.map((gram) => Prisma.sql`g."gram" = ${gram}`);
  const counts = conditions.map(
    (condition, n) => Prisma.sql`SELECT ${n} AS "n", COUNT(*) AS "length"
      FROM (SELECT 1 FROM ${GRAM_TABLE} g WHERE ${condition} LIMIT ${perList + 1})`,
  );
  const finish = (rows: readonly GramCountRow[]): PreparedNameSearch => {
    const lengths = conditions.map(() => 0);
    for (const row of rows) lengths[Number(row.n)] = Number(row.length);
    const drivers = plan.kind === "prefix" ? [0] : driverGrams(plan, lengths);
    return {
      plan,
      lists: drivers.map((i) => conditions[i]!),
      perList,
      listsCapped: drivers.some((i) => lengths[i]! > perList),
    };
  };
  return { sql: Prisma.sql`${Prisma.join(counts, " UNION ALL ")}`, finish };
}

/**
 * The candidates as common table expressions: "named" the organizations whose name
 * starts with the term (from the name index), and "m" those and the organizations in
 * the gram lists read, each once.
 */
function candidatesSql({ plan, lists, perList }: PreparedNameSearch) {
  const reads = lists.map(
    (condition) => Prisma.sql`SELECT "id" FROM (SELECT g."organizationId" AS "id"
      FROM ${GRAM_TABLE} g WHERE ${condition} LIMIT ${perList})`,
  );
  // UNION keeps each organization once: a range of pairs, several lists or a name may repeat it.
  return Prisma.sql`"named" AS (SELECT p."id" AS "id" FROM "Organization" p
      WHERE p."name" >= ${plan.term} AND p."name" < ${afterPrefix(plan.term)}
      ORDER BY p."name" LIMIT ${NAME_PREFIX_READS}),
    "m" AS (${Prisma.join(reads, " UNION ")} UNION SELECT "id" FROM "named")`;
}

/**
 * How many of the term's pairs the name of the organization aliased o holds: each
 * looked for in its normalized name, which holds a pair exactly when its stored
 * grams do (names are shorter than MAX_INDEXED_NAME_LENGTH). Counted on the row the
 * search reads anyway, instead of by a seek into the gram index per pair.
 */
function pairHitsSql(plan: SearchablePlan & { kind: "pairs" }) {
  return Prisma.sql`(${Prisma.join(
    plan.grams.map((gram) => Prisma.sql`(instr(c."nn", ${gram}) > 0)`),
    " + ",
  )})`;
}

/** Whether the names starting with the term were more than one search reads. */
const NAMES_CAPPED = Prisma.sql`((SELECT COUNT(*) FROM "named") >= ${NAME_PREFIX_READS})`;

/** Every character of the term is in the name (a pairs plan also needs enough of its pairs). */
function termCharsSql(plan: SearchablePlan & { kind: "pairs" }) {
  // Normalizing changes only ASCII letters and spaces: any other character is in the
  // normalized name exactly when it is in the name, so it is looked for there.
  return plan.chars.map(
    (c) => Prisma.sql`instr(${/[a-z]/.test(c) ? NORMALIZED_NAME : Prisma.sql`o."name"`}, ${c}) > 0`,
  );
}

/** The organization row's conditions: the filters, and every character of the term in the name. */
function filtersSql(plan: SearchablePlan, filters: NameSearchFilters) {
  const parts = filters.statuses ? [Prisma.sql`o."status" IN (${Prisma.join([...filters.statuses])})`] : [];
  if (plan.kind === "pairs") parts.push(...termCharsSql(plan));
  if (filters.type) parts.push(Prisma.sql`o."type" = ${filters.type}`);
  if (filters.areaCode) parts.push(Prisma.sql`o."areaCode" = ${filters.areaCode}`);
  if (filters.grade === "NONE") parts.push(Prisma.sql`o."currentGrade" IS NULL`);
  else if (filters.grade) parts.push(Prisma.sql`o."currentGrade" = ${Number(filters.grade)}`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`1`;
}

/** The columns a page of results shows (the directory's and the staff list's rows), from "c". */
const SHOWN_COLUMNS = Prisma.sql`c."id" AS "id", c."name" AS "name", c."type" AS "type", c."uscc" AS "uscc",
  c."status" AS "status", c."registeredAt" AS "registeredAt", c."area" AS "area", c."currentGrade" AS "currentGrade"`;

/** The columns of each candidate's row. */
const ROW_COLUMNS = Prisma.sql`o."id" AS "id", o."name" AS "name", o."type" AS "type", o."uscc" AS "uscc",
  o."status" AS "status", o."registeredAt" AS "registeredAt", o."area" AS "area", o."currentGrade" AS "currentGrade"`;

/**
 * The SQL of one page of matches, best first (exact, prefix, contains, then most
 * pairs, then the list's sort), each row with the columns a list shows, the number
 * of candidates listed and whether the names starting with the term were capped.
 * The tier is one CASE over the normalized name: where the term first occurs in it.
 * The number listed is a scalar count over "c" (which SQLite then keeps as a table,
 * read twice), not a window count: a window over the page's order buffers and sorts
 * every candidate, where the page alone needs only its top rows (decision 039).
 */
export function nameSearchPageSql(search: PreparedNameSearch, filters: NameSearchFilters, skip: number, take: number) {
  const t = search.plan.term;
  const enough = enoughPairsSql(search.plan);
  return Prisma.sql`WITH ${matchesSql(search, filters)}
    SELECT ${SHOWN_COLUMNS}, (SELECT COUNT(*) FROM "c" WHERE ${enough}) AS "total", ${NAMES_CAPPED} AS "capped"
    FROM "c" WHERE ${enough}
    ORDER BY CASE instr(c."nn", ${t}) WHEN 0 THEN 3 WHEN 1 THEN (c."nn" <> ${t}) ELSE 2 END,
      ${search.plan.kind === "pairs" ? Prisma.sql`${pairHitsSql(search.plan)} DESC,` : Prisma.empty} ${SORT_SQL[filters.sort]}, c."id"
    LIMIT ${take} OFFSET ${skip}`;
}

/** The SQL counting the candidates listed (for a page past the last), and whether the names were capped. */
export function nameSearchCountSql(search: PreparedNameSearch, filters: NameSearchFilters) {
  return Prisma.sql`WITH ${matchesSql(search, filters)}
    SELECT COUNT(*) AS "total", ${NAMES_CAPPED} AS "capped"
    FROM "c" WHERE ${enoughPairsSql(search.plan)}`;
}

/**
 * "c": each candidate passing the row's filters, with the columns a page shows and its
 * normalized name ("nn"), computed once: the pair count and the rank read it several times.
 * LIMIT -1 keeps SQLite from folding "c" into the statement using it, which would
 * normalize the name again at each use.
 */
function matchesSql(search: PreparedNameSearch, filters: NameSearchFilters) {
  return Prisma.sql`${candidatesSql(search)},
    "c" AS (SELECT ${ROW_COLUMNS}, ${NORMALIZED_NAME} AS "nn"
      FROM "m" CROSS JOIN "Organization" o ON o."id" = m."id"
      WHERE ${filtersSql(search.plan, filters)} LIMIT -1)`;
}

/** Enough of the term's pairs in the name (every candidate of a one-character term has its character). */
function enoughPairsSql(plan: SearchablePlan) {
  return plan.kind === "pairs" ? Prisma.sql`${pairHitsSql(plan)} >= ${plan.minHits}` : Prisma.sql`1`;
}

type CountRow = { total: number; capped: number | null };

/** A listed organization, as the directory and the staff list show it. */
export type NameSearchRow = {
  id: string;
  name: string;
  type: string;
  uscc: string | null;
  status: string;
  registeredAt: Date | null;
  area: string | null;
  currentGrade: number | null;
};

type StoredRow = Omit<NameSearchRow, "registeredAt"> & { registeredAt: string | number | null };

/**
 * One page of organizations matching a name term, best first; how many are listed in
 * all, and `capped` when the term's shortest gram lists or the names starting with it
 * were longer than one search reads (more organizations may match). Two prepared
 * statements (prepared-reads.server.ts): the gram lists' lengths, then the page.
 */
export async function searchNames(term: string, filters: NameSearchFilters, skip: number, take: number) {
  const search = await prepareNameSearch(term);
  if (!search) return { organizations: [] as NameSearchRow[], total: 0, capped: false };
  const rows = await readRows<StoredRow & CountRow>(nameSearchPageSql(search, filters, skip, take));
  let counted: CountRow | undefined = rows[0];
  // A page past the last has no row to carry the total.
  if (!counted && skip > 0) counted = (await readRows<CountRow>(nameSearchCountSql(search, filters)))[0];
  return {
    organizations: rows.map(({ total: _total, capped: _capped, ...row }) => ({
      ...row,
      registeredAt: row.registeredAt == null ? null : new Date(row.registeredAt),
    })),
    total: counted?.total ?? 0,
    capped: search.listsCapped || Boolean(counted?.capped),
  };
}

/**
 * "The organization aliased o has a name matching the term", checked on its own row and
 * its grams by primary key (the same rules as searchNames): for lists already bounded by
 * something else, such as a directory edition's entries, that keep only the matching
 * ones. Null for an empty term.
 */
export function organizationNameMatchSql(term: string) {
  const plan = nameSearchPlan(term);
  if (plan.kind === "none") return null;
  // One character: some indexed pair starts with it, i.e. it is among the indexed characters.
  if (plan.kind === "prefix")
    return Prisma.sql`instr(substr(${NORMALIZED_NAME}, 1, ${MAX_INDEXED_NAME_LENGTH}), ${plan.from}) > 0`;
  return Prisma.join(
    [
      ...termCharsSql(plan),
      Prisma.sql`(SELECT COUNT(*) FROM ${GRAM_TABLE} h
        WHERE h."gram" IN (${Prisma.join(plan.grams)}) AND h."organizationId" = o."id") >= ${plan.minHits}`,
    ],
    " AND ",
  );
}
