// Query shapes added for issue #17 read through an index at volume: the catalogue's
// organization filter over 50,000 products, a round's scores over 50,000 score rows and
// the public inspection years over 50,000 reports. Rows go in with one bulk insert each;
// EXPLAIN QUERY PLAN must not show a full SCAN of a big table (a covering index walk of
// the small side is fine).
import type Database from "better-sqlite3";
import { expect, test } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { AUDIT_COUNT_CAP, AUDIT_ORDER } from "~/modules/admin/audit-log.server";
import { rankableApplicationsSql, submittedScoresSql } from "~/modules/grants/review/ranking-reads.server";
import { directoryKeysetOrder } from "~/modules/organizations/directory.server";
import { ADMIN_ORG_ORDER } from "~/modules/registry/admin-list.server";
import { roundScoresSql } from "~/modules/review/scores.server";
import { LISTED_ORGANIZATIONS_SQL } from "~/modules/showroom/catalogue.server";
import { keysetOrderBy, keysetWhere } from "~/utils/paging";
import { capture, fullScans, openTestDb, plan } from "../support/query-plans";

const ROWS = 50_000;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

function fill(db: Database.Database) {
  const now = iso(Date.now());
  const org = db.prepare(`INSERT INTO "Organization" ("id","type","name","status","createdAt","updatedAt")
    VALUES (?, 'SOCIAL_SERVICE', ?, 'REGISTERED', ?, ?)`);
  const product = db.prepare(`INSERT INTO "Product" ("id","organizationId","name","category","description",
    "makerStory","priceFen","stock","makerSharePct","fundSharePct","status","createdById","createdAt","updatedAt")
    VALUES (?, ?, '手工香囊', '手工艺品', '', '', 1000, 5, 70, 30, ?, 'u', ?, ?)`);
  const assignment = db.prepare(`INSERT INTO "ReviewAssignment" ("id","subjectType","subjectId","roundId",
    "reviewerId","status","createdAt","updatedAt") VALUES (?, 'GrantApplication', ?, ?, ?, 'SUBMITTED', ?, ?)`);
  const score = db.prepare(`INSERT INTO "ReviewScore" ("assignmentId","criterionId","score") VALUES (?, ?, 8)`);
  const application = db.prepare(`INSERT INTO "GrantApplication" ("id","callId","organizationId","status","title",
    "createdById","createdAt","updatedAt") VALUES (?, ?, ?, ?, '社区互助项目', 'u', ?, ?)`);
  db.pragma("foreign_keys = OFF");
  db.transaction(() => {
    for (let i = 0; i < 1_000; i++) org.run(`plan-org-${i}`, `查询计划测试组织${i}`, now, now);
    for (let i = 0; i < ROWS; i++) {
      product.run(`plan-product-${i}`, `plan-org-${i % 1_000}`, i % 3 ? "LISTED" : "PENDING", now, now);
    }
    for (let i = 0; i < ROWS / 5; i++) {
      assignment.run(`plan-a-${i}`, `plan-app-${i % 2_000}`, `plan-round-${i % 10}`, `r${i}`, now, now);
      for (let c = 0; c < 5; c++) score.run(`plan-a-${i}`, `c${c}`);
    }
    // 20,000 applications over 40 calls, most of them still drafts or screened out.
    for (let i = 0; i < ROWS / 2.5; i++) {
      const status = i % 4 === 0 ? "SCREEN_PASSED" : i % 4 === 1 ? "DRAFT" : "SUBMITTED";
      application.run(`plan-app-${i}`, `plan-round-${i % 40}`, `plan-org-${i % 1_000}`, status, now, now);
    }
  })();
  db.exec("ANALYZE");
}

test("issue #17 query shapes use an index at 50,000 rows", () => {
  const db = openTestDb();
  try {
    fill(db);

    const listed = plan(db, LISTED_ORGANIZATIONS_SQL);
    // Organizations are reached by id from the products, never walked.
    expect(
      listed.some((d) => /SEARCH o USING (COVERING )?INDEX .*\(id=\?\)/.test(d)),
      listed.join("\n"),
    ).toBe(true);
    expect(fullScans(listed, /\b(o|Organization|Product)\b/), listed.join("\n")).toEqual([]);

    const scores = plan(db, roundScoresSql("plan-round-3", "GrantApplication"));
    expect(fullScans(scores, /\b(a|s|ReviewAssignment|ReviewScore)\b/), scores.join("\n")).toEqual([]);
    expect(
      scores.some((d) => /SEARCH a USING (COVERING )?INDEX .*roundId/.test(d)),
      scores.join("\n"),
    ).toBe(true);

    // The ranking's two reads (ranking-reads.server.ts): the round's submitted reviews
    // from its index, each one's scores by primary key; the call's applications from
    // (callId, status), each organization by id.
    const reviews = plan(db, submittedScoresSql("plan-round-3", "GrantApplication"));
    expect(fullScans(reviews, /\b(a|s|ReviewAssignment|ReviewScore)\b/), reviews.join("\n")).toEqual([]);
    expect(
      reviews.some((d) => /SEARCH a USING (COVERING )?INDEX .*\(roundId=\?/.test(d)),
      reviews.join("\n"),
    ).toBe(true);
    expect(
      reviews.some((d) => /SEARCH s USING (COVERING )?INDEX .*\(assignmentId=\?\)/.test(d)),
      reviews.join("\n"),
    ).toBe(true);
    const applications = plan(db, rankableApplicationsSql("plan-round-3", ["SCREEN_PASSED", "SHORTLISTED"]));
    expect(fullScans(applications, /\b(g|o|GrantApplication|Organization)\b/), applications.join("\n")).toEqual([]);
    expect(
      applications.some((d) => /SEARCH g USING INDEX GrantApplication_callId_status_idx/.test(d)),
      applications.join("\n"),
    ).toBe(true);
  } finally {
    db.close();
  }
});

test("keyset pages (decision 023) seek the list's index from the cursor at 50,000 rows", async () => {
  const db = openTestDb();
  const base = Date.UTC(2025, 0, 1);
  try {
    const org =
      db.prepare(`INSERT INTO "Organization" ("id","type","name","status","registeredAt","createdAt","updatedAt")
      VALUES (?, 'SOCIAL_SERVICE', ?, ?, ?, ?, ?)`);
    const event = db.prepare(`INSERT INTO "AuditEvent" ("id","action","entityType","entityId","createdAt")
      VALUES (?, ?, 'User', ?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < ROWS; i++) {
        const at = iso(base + Math.floor(i / 3) * 60_000);
        org.run(`k-org-${i}`, `键集组织${(i * 7919) % ROWS}`, i % 10 ? "REGISTERED" : "REVOKED", at, at, at);
        event.run(`k-ev-${i}`, i % 4 ? "user.lock" : "user.enable", `u${i}`, at);
      }
    })();
    db.exec("ANALYZE");
  } finally {
    db.close();
  }
  const cursorAt = { key: new Date(base + 20_000 * 60_000).toISOString(), id: "k-x" };
  const shapes: Array<[string, (client: PrismaClient) => Promise<unknown>, RegExp]> = [
    [
      "audit log after a cursor, in a date range",
      (client) =>
        client.auditEvent.findMany({
          where: {
            AND: [
              { createdAt: { gte: new Date(base), lt: new Date(base + 30_000 * 60_000) } },
              keysetWhere(AUDIT_ORDER, cursorAt, "forward"),
            ],
          },
          orderBy: keysetOrderBy(AUDIT_ORDER),
          take: 51,
          // A column outside the index, as the page reads: (createdAt, id) alone would be a covering read.
          select: { id: true, reason: true },
        }),
      /SEARCH .*AuditEvent USING INDEX AuditEvent_createdAt_idx \(createdAt/,
    ],
    [
      "audit log before a cursor, by action",
      (client) =>
        client.auditEvent.findMany({
          where: { AND: [{ action: "user.lock" }, keysetWhere(AUDIT_ORDER, cursorAt, "backward")] },
          orderBy: keysetOrderBy(AUDIT_ORDER, "backward"),
          take: 51,
          select: { id: true, reason: true },
        }),
      /SEARCH .*AuditEvent USING INDEX AuditEvent_action_createdAt_idx \(action=\? AND createdAt>\?\)/,
    ],
    [
      "audit log bounded count",
      (client) => client.auditEvent.count({ where: {}, orderBy: { createdAt: "desc" }, take: AUDIT_COUNT_CAP + 1 }),
      /AuditEvent_createdAt_idx/,
    ],
    [
      "directory by date after a cursor",
      (client) =>
        client.organization.findMany({
          where: { AND: [{ status: "REGISTERED" }, keysetWhere(directoryKeysetOrder("date")!, cursorAt, "forward")] },
          orderBy: keysetOrderBy(directoryKeysetOrder("date")!),
          take: 21,
          select: { id: true },
        }),
      /SEARCH .*Organization USING (COVERING )?INDEX Organization_status_registeredAt_idx \(status=\? AND registeredAt<\?\)/,
    ],
    [
      "directory and staff list by name after a cursor",
      (client) =>
        client.organization.findMany({
          where: {
            AND: [{ status: "REGISTERED" }, keysetWhere(ADMIN_ORG_ORDER, { key: "键集组织4", id: "k-x" }, "forward")],
          },
          orderBy: keysetOrderBy(ADMIN_ORG_ORDER),
          take: 21,
          select: { id: true },
        }),
      /SEARCH .*Organization USING (COVERING )?INDEX Organization_(status_name_idx|name_key) \((status=\? AND )?name>\?\)/,
    ],
  ];
  const check = openTestDb();
  try {
    for (const [label, run, index] of shapes) {
      for (const statement of await capture(run)) {
        const details = plan(check, statement);
        const text = `${label}\n${statement.sql}\n${details.join("\n")}`;
        expect(fullScans(details, /\b(AuditEvent|Organization)\b/), text).toEqual([]);
        expect(details.join("\n"), text).toMatch(index);
      }
    }
  } finally {
    check.close();
  }
}, 120_000);
