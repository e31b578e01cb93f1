// Decision 034: the recommended directory's name search keeps an edition's entries whose
// organization's name matches, checked entry by entry, so it finds an entry wherever its
// organization sits among 50,000 sharing the name's words, and reads through the
// (editionId, status) index, each organization and its grams by primary key.
import Database from "better-sqlite3";
import { expect, test } from "vitest";
import { entryOrganizationsNamed, entryOrganizationsNamedSql } from "~/modules/directory/public.server";
import { organizationNameMatchSql, prepareNameSearchSql } from "~/modules/organizations/name-search.server";
import { openTestDb, plan } from "../support/query-plans";

const TOTAL = 50_000;

function fill() {
  const db = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""));
  const now = new Date().toISOString().replace("Z", "+00:00");
  const org =
    db.prepare(`INSERT INTO "Organization" ("id","type","name","status","registeredAt","createdAt","updatedAt")
    VALUES (?, 'SOCIAL_SERVICE', ?, 'REGISTERED', ?, ?, ?)`);
  const entry =
    db.prepare(`INSERT INTO "DirectoryEntry" ("id","editionId","organizationId","route","status","street","createdAt","updatedAt")
    VALUES (?, 'ed-1', ?, 'GRADE', ?, '东山街道', ?, ?)`);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO "DirectoryEdition" ("id","year","title","status","applyOpensAt","applyClosesAt","serviceAreas","createdAt","updatedAt")
      VALUES ('ed-1', 2099, '2099年度推荐目录', 'PUBLISHED', ?, ?, '[]', ?, ?)`,
    ).run(now, now, now, now);
    db.prepare(
      `INSERT INTO "DirectoryEdition" ("id","year","title","status","applyOpensAt","applyClosesAt","serviceAreas","createdAt","updatedAt")
      VALUES ('ed-0', 2098, '2098年度推荐目录', 'SUPERSEDED', ?, ?, '[]', ?, ?)`,
    ).run(now, now, now, now);
    const older =
      db.prepare(`INSERT INTO "DirectoryEntry" ("id","editionId","organizationId","route","status","street","createdAt","updatedAt")
      VALUES (?, 'ed-0', ?, 'GRADE', 'LISTED', '东山街道', ?, ?)`);
    for (let i = 0; i < TOTAL; i++) {
      const id = `b-${String(i).padStart(6, "0")}`;
      org.run(id, `江宁区第${i}社区服务中心`, now, now, now);
      // Earlier editions: the entries table is far larger than one edition.
      if (i % 5 === 0) older.run(`o-${id}`, id, now, now);
    }
    // Late in every gram list: a search over the whole register reading a bounded part misses them.
    org.run("zz-listed", "秣陵社区老年协会", now, now, now);
    org.run("zz-passed", "汤山社区服务站", now, now, now);
    entry.run("e-1", "b-000007", "LISTED", now, now);
    entry.run("e-2", "zz-listed", "LISTED", now, now);
    entry.run("e-3", "zz-passed", "PASSED", now, now);
  })();
  db.exec("ANALYZE");
  db.close();
}

test("an edition's entries are found by name wherever their organizations sit, through indexes only", async () => {
  fill();
  expect(await entryOrganizationsNamed("ed-1", "LISTED", "社区")).toEqual(
    expect.arrayContaining(["b-000007", "zz-listed"]),
  );
  expect(await entryOrganizationsNamed("ed-1", "LISTED", "社区")).toHaveLength(2);
  expect(await entryOrganizationsNamed("ed-1", "LISTED", "秣陵社区")).toEqual(["zz-listed"]);
  expect(await entryOrganizationsNamed("ed-1", "LISTED", "秣")).toEqual(["zz-listed"]);
  expect(await entryOrganizationsNamed("ed-1", "PASSED", "社区服务")).toEqual(["zz-passed"]);
  expect(await entryOrganizationsNamed("ed-1", "LISTED", "汤山")).toEqual([]);
  expect(await entryOrganizationsNamed("ed-1", "LISTED", " ")).toBeNull();

  const db = openTestDb();
  try {
    for (const term of ["社", "社区", "秣陵社区"]) {
      const details = plan(db, entryOrganizationsNamedSql("ed-1", "LISTED", organizationNameMatchSql(term)!));
      const label = `${term}\n${details.join("\n")}`;
      expect(details.join("\n"), label).toMatch(
        /SEARCH e USING (COVERING )?INDEX DirectoryEntry_editionId_status_street_idx \(editionId=\? AND status=\?\)/,
      );
      expect(details.join("\n"), label).toMatch(
        /SEARCH o USING (INDEX sqlite_autoindex_Organization_1|COVERING INDEX Organization_search_row_idx) \(id=\?\)/,
      );
      if (term.length > 1)
        expect(details.join("\n"), label).toMatch(
          /SEARCH h USING COVERING INDEX sqlite_autoindex_OrganizationNameGram_1 \(gram=\? AND organizationId=\?\)/,
        );
      for (const d of details) expect(d, label).not.toMatch(/^SCAN /);
    }
    // The statement measuring a term's gram lists reads each list's index range, bounded.
    for (const term of ["社", "社区服务", "龘齉"]) {
      const details = plan(db, prepareNameSearchSql(term)!.sql);
      const label = `${term}\n${details.join("\n")}`;
      expect(details.join("\n"), label).toMatch(
        /SEARCH g USING COVERING INDEX sqlite_autoindex_OrganizationNameGram_1 \(gram[=>]/,
      );
      for (const d of details) expect(d, label).not.toMatch(/^SCAN g\b/);
    }
  } finally {
    db.close();
  }
}, 120_000);
