// Decision 027: every name search is bounded at 50,000 organizations whose names all
// hold the same common words. The search reads the gram index and the name index
// (never a scan of Organization or of the grams), finds exact and prefix matches
// however late they sit in the gram lists, finds every match of a specific term
// through its shortest lists, and says when a common term was listed only in part.
// A page typed by number walks the (status, key, id) index without sorting.
import Database from "better-sqlite3";
import { expect, test } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { directoryKeysetOrder, searchDirectory, type DirectoryQuery } from "~/modules/organizations/directory.server";
import { GRAM_READS_PER_LIST, matchName, NAME_PREFIX_READS } from "~/modules/organizations/name-search";
import {
  nameSearchCountSql,
  nameSearchPageSql,
  prepareNameSearch,
  type NameSearchFilters,
} from "~/modules/organizations/name-search.server";
import { listAdminOrganizations } from "~/modules/registry/admin-list.server";
import { prisma } from "~/utils/db.server";
import { keysetPage, type KeysetOrder } from "~/utils/paging";
import { capture } from "../support/query-plans";

const TOTAL = 50_000;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** Ids sort after every fixture id, so these names sit at the end of every gram list. */
const LATE = {
  exact: ["zz-exact", "社区"],
  prefix: ["zz-prefix", "社区之家"],
  // 邻里 and 社区 but not 里社: two of 邻里社区's three pairs.
  pairs: ["zz-pairs", "江宁区邻里互助社区会"],
  // A substring match late in the lists: only read if the lists were read in full.
  contains: ["zz-contains", "秣陵社区老年协会"],
} as const;

function fill() {
  const db = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""));
  const insert =
    db.prepare(`INSERT INTO "Organization" ("id","type","name","status","registeredAt","createdAt","updatedAt")
    VALUES (?, 'SOCIAL_SERVICE', ?, ?, ?, ?, ?)`);
  const start = Date.UTC(2005, 0, 1);
  const now = iso(Date.now());
  db.transaction(() => {
    for (let i = 0; i < TOTAL; i++) {
      const at = iso(start + Math.floor(i / 4) * 86_400_000);
      insert.run(
        `b-${String(i).padStart(6, "0")}`,
        `江宁区第${i}社区服务中心`,
        i % 10 ? "REGISTERED" : "REVOKED",
        at,
        at,
        at,
      );
    }
    // The oldest registration dates: a date sort alone would list them last.
    for (const [id, name] of Object.values(LATE)) insert.run(id, name, "REGISTERED", iso(start - 86_400_000), now, now);
  })();
  db.exec("ANALYZE");
  db.close();
}

const base: DirectoryQuery = { q: "", type: null, area: null, status: "REGISTERED", grade: "", sort: "date", page: 1 };

test("a common term lists exact, then prefix, then substring matches, bounded and marked incomplete", async () => {
  fill();
  const result = await searchDirectory({ ...base, q: "社区" });
  const names = result.organizations.map((o) => o.name);
  expect(names.slice(0, 2)).toEqual([LATE.exact[1], LATE.prefix[1]]);
  for (const name of names.slice(2)) expect(matchName(name, "社区")?.tier).toBe("contains");
  expect(names).not.toContain(LATE.contains[1]);
  expect(result.capped).toBe(true);
  expect(result.total).toBeLessThanOrEqual(GRAM_READS_PER_LIST + NAME_PREFIX_READS);

  // One character: the exact name first again, through the name index.
  const one = await searchDirectory({ ...base, q: "社", sort: "name" });
  expect(one.organizations[0]?.name).toBe("社区");
  expect(one.capped).toBe(true);

  // A term whose shortest lists are short finds every match, wherever it sits.
  const specific = await searchDirectory({ ...base, q: "邻里社区" });
  expect(specific.organizations.map((o) => o.id)).toEqual([LATE.pairs[0]]);
  expect(specific.capped).toBe(false);
  expect((await searchDirectory({ ...base, q: "秣陵社区" })).organizations.map((o) => o.id)).toEqual([
    LATE.contains[0],
  ]);

  // The staff list searches the same way, over every status, best match first.
  const staff = await listAdminOrganizations({ q: "社区", status: "", type: "" }, 1);
  expect(staff.organizations.slice(0, 2).map((o) => o.id)).toEqual([LATE.exact[0], LATE.prefix[0]]);
  expect(staff.capped).toBe(true);
  const staffRevoked = await listAdminOrganizations({ q: "社区服务", status: "REVOKED", type: "" }, 2);
  expect(staffRevoked.organizations).toHaveLength(20);
  expect(staffRevoked.organizations.every((o) => o.status === "REVOKED")).toBe(true);
}, 120_000);

type PlanRow = { detail: string };

async function planOf(statement: { sql: string; values: unknown[] }) {
  const rows = await prisma.$queryRawUnsafe<PlanRow[]>(`EXPLAIN QUERY PLAN ${statement.sql}`, ...statement.values);
  return rows.map((row) => row.detail);
}

test("every statement of a name search, and a page typed by number, reads through an index at 50,000 rows", async () => {
  fill();
  const filters: NameSearchFilters = { statuses: ["REGISTERED"], type: null, areaCode: null, grade: "", sort: "date" };
  const shapes: Array<[string, NameSearchFilters]> = [
    ["社", filters],
    ["社区", filters],
    ["邻里社区", { ...filters, sort: "name" }],
    ["江宁区第1社区服务中心", { ...filters, statuses: null, type: "SOCIAL_SERVICE" }],
    ["龘齉", { ...filters, statuses: ["REVOKED"], grade: "NONE" }],
  ];
  for (const [term, shape] of shapes) {
    const search = (await prepareNameSearch(term))!;
    for (const statement of [nameSearchPageSql(search, shape, 40, 20), nameSearchCountSql(search, shape)]) {
      const details = await planOf(statement);
      const label = `${term} ${JSON.stringify(shape)}\n${details.join("\n")}`;
      // The gram lists: a range or one gram of the grams' primary key, never the whole table.
      expect(
        details.some((d) =>
          /^SEARCH g USING COVERING INDEX sqlite_autoindex_OrganizationNameGram_1 \(gram[=>]/.test(d),
        ),
        label,
      ).toBe(true);
      // Names starting with the term: a range of the unique name index.
      expect(details, label).toContain("SEARCH p USING INDEX Organization_name_key (name>? AND name<?)");
      // Each candidate's row by id from the narrow search-row index, its pairs counted on it.
      expect(details.join("\n"), label).toMatch(
        /SEARCH o USING COVERING INDEX Organization_search_row_idx \(id=\?( AND status=\?)?\)/,
      );
      for (const d of details) expect(d, label).not.toMatch(/^SCAN (o|p|g|h)\b/);
    }
  }

  // A page typed by number skips index entries of (status, key, id), without a sort step.
  const page = (order: KeysetOrder) => (client: PrismaClient) =>
    keysetPage({
      order,
      start: { after: null, before: null },
      page: 2_000,
      pageSize: 20,
      find: (args) =>
        client.organization.findMany({
          ...args,
          where: { AND: [{ status: "REGISTERED" }, args.where] },
          select: { id: true, name: true },
        }),
    });
  const pages: Array<[string, KeysetOrder, RegExp]> = [
    [
      "directory by date",
      directoryKeysetOrder("date")!,
      /Organization USING (COVERING )?INDEX Organization_status_registeredAt_idx \(status=\?\)/,
    ],
    [
      "directory by name",
      directoryKeysetOrder("name")!,
      /Organization USING (COVERING )?INDEX Organization_status_name_idx \(status=\?\)/,
    ],
  ];
  for (const [label, order, index] of pages) {
    const statements = await capture(page(order));
    expect(statements).toHaveLength(1);
    const details = await planOf(statements[0]!);
    const text = `${label}\n${statements[0]!.sql}\n${details.join("\n")}`;
    expect(details.join("\n"), text).toMatch(index);
    // Without id in the index, the id tie-break is sorted in a temporary b-tree for every skipped row.
    expect(details.join("\n"), text).not.toMatch(/TEMP B-TREE/);
  }
  // And through the directory's own query: page 2,000 of 45,004 registered organizations.
  const deep = await searchDirectory({ ...base, page: 2_000 });
  expect(deep.organizations).toHaveLength(20);
}, 120_000);
