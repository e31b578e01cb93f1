// The staff lists at scale (issue #17, decision 028) read one index range per page at 50,000
// rows: an inspection year's reports (by status and id, under each filter), the product
// screening list and the order list (newest first, by status or all), and the audit log in a
// date range. Each read must name its index and sort nothing: without the index the plan
// changes and the test fails. Counts read an index, never the table.
import { expect, test } from "vitest";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { AUDIT_ORDER, auditCountSql, auditPageSql, auditWhereSql } from "~/modules/admin/audit-log.server";
import { AUDIT_SUBJECT_TYPES, auditSubjectsSql } from "~/modules/admin/audit-subjects.server";
import { ROUND_REPORT_ORDER, roundReportPageSql } from "~/modules/inspection/rounds.server";
import {
  ADMIN_ORDER_ORDER,
  ADMIN_PRODUCT_ORDER,
  staffOrderPageSql,
  staffProductPageSql,
} from "~/modules/showroom/staff-lists.server";
import { keysetOrderBy, keysetWhere, type KeysetOrder, type PageCursor } from "~/utils/paging";
import { capture, fullScans, openTestDb, plan } from "../support/query-plans";

const ROWS = 50_000;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const base = Date.UTC(2025, 0, 1);
const REPORT_STATES = ["PENDING", "DRAFT", "SUBMITTED", "RETURNED", "CONCLUDED", "MISSED", "EXEMPT"];
const CONCLUSIONS = ["QUALIFIED", "BASIC", "UNQUALIFIED", "MISSED"];

function fill() {
  const db = openTestDb();
  const at = (i: number) => iso(base + Math.floor(i / 3) * 60_000);
  const round =
    db.prepare(`INSERT INTO "InspectionRound" ("id","year","deadline","foundationDeadline","status","openedAt")
    VALUES (?, ?, ?, ?, 'OPEN', ?)`);
  const report = db.prepare(`INSERT INTO "InspectionReport" ("id","roundId","organizationId","year","status",
    "conclusion","createdAt","updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const product = db.prepare(`INSERT INTO "Product" ("id","organizationId","name","category","description",
    "makerStory","priceFen","stock","makerSharePct","fundSharePct","status","createdById","createdAt","updatedAt")
    VALUES (?, ?, '手工香囊', '手工艺品', '', '', 1000, 5, 70, 30, ?, 'u', ?, ?)`);
  const order = db.prepare(`INSERT INTO "Order" ("id","orderNo","buyerName","buyerPhone","delivery","paymentMethod",
    "status","totalFen","expiresAt","createdAt","updatedAt") VALUES (?, ?, '王某', ?, 'PICKUP', 'COUNTER', ?, 1000, ?, ?, ?)`);
  // Few actors over many events, as in a real log: the skew that once made SQLite prefer a
  // skip-scan of (actorId, createdAt) and sort the whole range.
  const event = db.prepare(`INSERT INTO "AuditEvent" ("id","actorId","action","entityType","entityId","createdAt")
    VALUES (?, ?, ?, 'User', ?, ?)`);
  db.pragma("foreign_keys = OFF");
  db.transaction(() => {
    for (const [i, year] of [2023, 2024, 2025].entries()) {
      round.run(`plan-round-${year}`, year, at(0), at(0), at(i));
    }
    for (let i = 0; i < ROWS; i++) {
      const status = REPORT_STATES[i % REPORT_STATES.length]!;
      const conclusion = status === "CONCLUDED" ? CONCLUSIONS[i % CONCLUSIONS.length]! : null;
      const year = [2023, 2024, 2025][i % 3]!;
      report.run(`plan-report-${i}`, `plan-round-${year}`, `plan-org-${i}`, year, status, conclusion, at(i), at(i));
      product.run(`plan-product-${i}`, `plan-org-${i % 1_000}`, i % 3 ? "LISTED" : "PENDING", at(i), at(i));
      order.run(
        `plan-order-${i}`,
        `YM-${i}`,
        `1380000${String(i).padStart(4, "0")}`,
        i % 4 ? "COMPLETED" : "PAID",
        at(i),
        at(i),
        at(i),
      );
      event.run(`plan-ev-${i}`, i % 10 ? `actor-${i % 7}` : null, i % 4 ? "user.lock" : "user.enable", `u${i}`, at(i));
    }
  })();
  db.exec("ANALYZE");
  db.close();
}

const cursor = (order: KeysetOrder): PageCursor =>
  order.type === "date"
    ? { key: new Date(base + 5_000 * 60_000).toISOString(), id: "plan-x" }
    : { key: "SUBMITTED", id: "plan-x" };

/** A page of a keyset list: after a cursor, before one, or the first page (no cursor). */
function page(order: KeysetOrder, way: "first" | "forward" | "backward") {
  return {
    where: way === "first" ? {} : keysetWhere(order, cursor(order), way),
    orderBy: keysetOrderBy(order, way === "backward" ? "backward" : "forward"),
    take: 21,
  };
}

type Shape = [label: string, run: (client: PrismaClient) => Promise<unknown>, index: RegExp];

const yearWhere = { roundId: "plan-round-2024" };
const reportSelect = { id: true, submittedAt: true, organization: { select: { name: true } } };
const shapes: Shape[] = [
  [
    "inspection year, first page",
    (c) =>
      c.inspectionReport.findMany({ ...page(ROUND_REPORT_ORDER, "first"), where: yearWhere, select: reportSelect }),
    /SEARCH .*InspectionReport USING INDEX InspectionReport_roundId_status_id_idx \(roundId=\?\)/,
  ],
  [
    "inspection year after a cursor",
    (c) => {
      const p = page(ROUND_REPORT_ORDER, "forward");
      return c.inspectionReport.findMany({ ...p, where: { AND: [yearWhere, p.where] }, select: reportSelect });
    },
    /SEARCH .*InspectionReport USING INDEX InspectionReport_roundId_status_id_idx \(roundId=\? AND status>\?\)/,
  ],
  [
    "inspection year by status, before a cursor",
    (c) => {
      const p = page(ROUND_REPORT_ORDER, "backward");
      return c.inspectionReport.findMany({
        ...p,
        where: { AND: [{ ...yearWhere, status: "SUBMITTED" }, p.where] },
        select: reportSelect,
      });
    },
    /SEARCH .*InspectionReport USING INDEX InspectionReport_roundId_status_id_idx \(roundId=\? AND status=\?/,
  ],
  [
    "inspection year by conclusion, after a cursor",
    (c) => {
      const p = page(ROUND_REPORT_ORDER, "forward");
      return c.inspectionReport.findMany({
        ...p,
        where: { AND: [{ ...yearWhere, conclusion: "BASIC" }, p.where] },
        select: reportSelect,
      });
    },
    /SEARCH .*InspectionReport USING INDEX InspectionReport_roundId_conclusion_status_id_idx \(roundId=\? AND conclusion=\? AND status>\?\)/,
  ],
  [
    "inspection year count",
    (c) => c.inspectionReport.count({ where: yearWhere }),
    /SEARCH .*InspectionReport USING COVERING INDEX InspectionReport_roundId_\w+ \(roundId=\?\)/,
  ],
  [
    "product screening list by status after a cursor",
    (c) => {
      const p = page(ADMIN_PRODUCT_ORDER, "forward");
      return c.product.findMany({
        ...p,
        where: { AND: [{ status: "LISTED" }, p.where] },
        select: { id: true, name: true },
      });
    },
    /SEARCH .*Product USING INDEX Product_status_createdAt_id_idx \(status=\? AND createdAt<\?\)/,
  ],
  [
    "product screening list, every status, first page",
    (c) => c.product.findMany({ ...page(ADMIN_PRODUCT_ORDER, "first"), select: { id: true, name: true } }),
    /SCAN .*Product USING INDEX Product_createdAt_id_idx/,
  ],
  [
    "order list, first page",
    (c) => c.order.findMany({ ...page(ADMIN_ORDER_ORDER, "first"), select: { id: true, buyerName: true } }),
    /SCAN .*Order USING INDEX Order_createdAt_id_idx/,
  ],
  [
    "order list by status, before a cursor",
    (c) => {
      const p = page(ADMIN_ORDER_ORDER, "backward");
      return c.order.findMany({
        ...p,
        where: { AND: [{ status: "PAID" }, p.where] },
        select: { id: true, buyerName: true },
      });
    },
    /SEARCH .*Order USING INDEX Order_status_createdAt_id_idx \(status=\? AND createdAt>\?\)/,
  ],
  [
    "audit log, a date range, first page",
    (c) =>
      c.auditEvent.findMany({
        ...page(AUDIT_ORDER, "first"),
        where: { createdAt: { gte: new Date(base + 1_000 * 60_000), lt: new Date(base + 15_000 * 60_000) } },
        select: { id: true, reason: true },
      }),
    /SEARCH .*AuditEvent USING INDEX AuditEvent_createdAt_idx \(createdAt>\? AND createdAt<\?\)/,
  ],
];

// The pages' own statements, read as raw SQL (decision 033): aliases name the tables.
const range = { gte: new Date(base + 1_000 * 60_000), lt: new Date(base + 15_000 * 60_000) };
const rawShapes: Array<[label: string, sql: Prisma.Sql, index: RegExp]> = [
  [
    "audit page, a date range, after a cursor: the cursor's bound is the walk's",
    auditPageSql(
      auditWhereSql({ createdAt: range }),
      { skip: 0, take: 51 },
      { cursor: cursor(AUDIT_ORDER), way: "forward" },
    ),
    /SEARCH e USING INDEX AuditEvent_createdAt_idx \(createdAt>\? AND createdAt<\?\)/,
  ],
  [
    "audit page by action, before a cursor",
    auditPageSql(
      auditWhereSql({ action: "user.lock" }),
      { skip: 0, take: 51 },
      { cursor: cursor(AUDIT_ORDER), way: "backward" },
    ),
    /SEARCH e USING INDEX AuditEvent_action_createdAt_idx \(action=\? AND createdAt>\?\)/,
  ],
  [
    "audit page by an actor, first page",
    auditPageSql(
      auditWhereSql({ actorId: { in: ["actor-1"] } }),
      { skip: 0, take: 51 },
      { cursor: null, way: "forward" },
    ),
    /SEARCH e USING INDEX AuditEvent_actorId_createdAt_idx \(actorId=\?\)/,
  ],
  [
    "audit bounded count in a date range",
    auditCountSql(auditWhereSql({ createdAt: range })),
    /SEARCH e USING COVERING INDEX AuditEvent_createdAt_idx \(createdAt>\? AND createdAt<\?\)/,
  ],
  [
    "inspection year page after a cursor, organizations by key",
    roundReportPageSql(
      "plan-round-2024",
      { status: "", conclusion: "" },
      { skip: 0, take: 21 },
      { cursor: cursor(ROUND_REPORT_ORDER), way: "forward" },
    ),
    /SEARCH r USING INDEX InspectionReport_roundId_status_id_idx \(roundId=\? AND status>\?\)(.|\n)*SEARCH o USING INDEX sqlite_autoindex_Organization_1 \(id=\?\)/,
  ],
  [
    "inspection year page by conclusion, before a cursor",
    roundReportPageSql(
      "plan-round-2024",
      { status: "", conclusion: "BASIC" },
      { skip: 0, take: 21 },
      { cursor: cursor(ROUND_REPORT_ORDER), way: "backward" },
    ),
    /SEARCH r USING INDEX InspectionReport_roundId_conclusion_status_id_idx \(roundId=\? AND conclusion=\? AND status<\?\)/,
  ],
  [
    "inspection year page by status, first page",
    roundReportPageSql(
      "plan-round-2024",
      { status: "SUBMITTED", conclusion: "" },
      { skip: 0, take: 21 },
      { cursor: null, way: "forward" },
    ),
    /SEARCH r USING INDEX InspectionReport_roundId_status_id_idx \(roundId=\? AND status=\?\)/,
  ],
  [
    "product screening page by status after a cursor, organizations and images by key",
    staffProductPageSql("LISTED", { skip: 0, take: 21 }, { cursor: cursor(ADMIN_PRODUCT_ORDER), way: "forward" }),
    /SEARCH p USING INDEX Product_status_createdAt_id_idx \(status=\? AND createdAt<\?\)(.|\n)*SEARCH o USING INDEX sqlite_autoindex_Organization_1 \(id=\?\)/,
  ],
  [
    "product screening page, every status, first page",
    staffProductPageSql(null, { skip: 0, take: 21 }, { cursor: null, way: "forward" }),
    /SCAN p USING INDEX Product_createdAt_id_idx/,
  ],
  [
    "order page, first page",
    staffOrderPageSql({ status: null, q: "" }, { skip: 0, take: 21 }, { cursor: null, way: "forward" }),
    /SCAN o USING INDEX Order_createdAt_id_idx/,
  ],
  [
    "order page by status, before a cursor",
    staffOrderPageSql(
      { status: "PAID", q: "" },
      { skip: 0, take: 21 },
      { cursor: cursor(ADMIN_ORDER_ORDER), way: "backward" },
    ),
    /SEARCH o USING INDEX Order_status_createdAt_id_idx \(status=\? AND createdAt>\?\)/,
  ],
  [
    "audit subjects by primary key",
    auditSubjectsSql(
      new Map([
        ["User", new Set(["u1", "u2"])],
        ["InspectionReport", new Set(["plan-report-1"])],
      ]),
    ),
    /SEARCH x USING INDEX sqlite_autoindex_InspectionReport_1 \(id=\?\)/,
  ],
];

test("staff lists read one index range per page at 50,000 rows, with no sort", async () => {
  fill();
  const db = openTestDb();
  try {
    for (const [label, run, index] of shapes) {
      const statements = await capture(run);
      expect(statements.length, label).toBeGreaterThan(0);
      // The first statement is the list itself (a relation, when selected, follows by id).
      const details = plan(db, statements[0]!);
      const text = `${label}\n${statements[0]!.sql}\n${details.join("\n")}`;
      expect(fullScans(details, /\b(InspectionReport|Product|Order|AuditEvent)\b/), text).toEqual([]);
      expect(details.join("\n"), text).toMatch(index);
      expect(details.join("\n"), text).not.toMatch(/TEMP B-TREE/);
    }
    for (const [label, sql, index] of rawShapes) {
      const [statement] = await capture((client) => client.$queryRaw(sql));
      const details = plan(db, statement!);
      const text = `${label}\n${statement!.sql}\n${details.join("\n")}`;
      expect(
        fullScans(
          details,
          /\b(e|u|x|o|g|p|r|InspectionReport|Product|ProductImage|Order|AuditEvent|User|Organization)\b/,
        ),
        text,
      ).toEqual([]);
      expect(details.join("\n"), text).toMatch(index);
      expect(details.join("\n"), text).not.toMatch(/TEMP B-TREE/);
    }
  } finally {
    db.close();
  }
}, 120_000);

test("the audit page's objects: every type's arm reads its table by primary key, from the page's ids", async () => {
  const db = openTestDb();
  try {
    const byType = new Map(AUDIT_SUBJECT_TYPES.map((type, i) => [type, new Set([`id-${i}`, `id-${i}-b`])]));
    const [statement] = await capture((client) => client.$queryRaw(auditSubjectsSql(byType)));
    const details = plan(db, statement!);
    const text = `${statement!.sql}\n${details.join("\n")}`;
    // One arm per type, each a walk of the ids (json_each) then a primary-key search of its table.
    expect(
      details.filter((d) => /^SCAN j VIRTUAL TABLE/.test(d)),
      text,
    ).toHaveLength(AUDIT_SUBJECT_TYPES.length);
    expect(
      details.filter((d) => /^SEARCH x USING INDEX sqlite_autoindex_\w+_1 \(id=\?\)$/.test(d)),
      text,
    ).toHaveLength(AUDIT_SUBJECT_TYPES.length);
    expect(fullScans(details, /\b(x|o|u|g)\b/), text).toEqual([]);
  } finally {
    db.close();
  }
});
