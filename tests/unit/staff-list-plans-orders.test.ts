// The order pages at scale (issue #17, decision 037), at 50,000 orders with their lines: the
// staff list under each filter the bench loads (paid orders; completed orders after a cursor),
// the search by order number or phone, the expiry sweep every order page runs, and an
// organization's own lines and sales. Each statement must read its index, never walk the
// Order or OrderLine table: drop an index and its shape fails.
import { expect, test } from "vitest";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { dueOrdersQuery, nextExpiryQuery } from "~/modules/showroom/expiry.server";
import { orgOrderLinesQuery } from "~/modules/showroom/org-orders.server";
import { salesGroupsSql } from "~/modules/showroom/reports.server";
import { staffOrderPageSql } from "~/modules/showroom/staff-lists.server";
import { capture, fullScans, openTestDb, plan } from "../support/query-plans";

const ROWS = 50_000;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const base = Date.UTC(2025, 0, 1);
const STATES = ["COMPLETED", "COMPLETED", "COMPLETED", "PAID", "SHIPPED", "CANCELLED", "EXPIRED", "PENDING_PAYMENT"];

function fill() {
  const db = openTestDb();
  const at = (i: number) => iso(base + i * 60_000);
  const product = db.prepare(`INSERT INTO "Product" ("id","organizationId","name","category","description",
    "makerStory","priceFen","stock","makerSharePct","fundSharePct","status","createdById","createdAt","updatedAt")
    VALUES (?, ?, '手工香囊', '手工艺品', '', '', 1000, 5, 70, 30, 'LISTED', 'u', ?, ?)`);
  const order = db.prepare(`INSERT INTO "Order" ("id","orderNo","buyerName","buyerPhone","delivery","paymentMethod",
    "status","totalFen","expiresAt","paidAt","createdAt","updatedAt")
    VALUES (?, ?, '王某', ?, 'PICKUP', 'COUNTER', ?, 1000, ?, ?, ?, ?)`);
  const line = db.prepare(`INSERT INTO "OrderLine" ("id","orderId","productId","organizationId","productName",
    "unitPriceFen","quantity","makerSharePct","fundSharePct") VALUES (?, ?, ?, ?, '手工香囊', 1000, ?, 70, 30)`);
  db.pragma("foreign_keys = OFF");
  db.transaction(() => {
    for (let p = 0; p < 2_000; p++) product.run(`plan-product-${p}`, `plan-org-${p % 500}`, at(0), at(0));
    for (let i = 0; i < ROWS; i++) {
      const status = STATES[i % STATES.length]!;
      const paid = !["CANCELLED", "EXPIRED", "PENDING_PAYMENT"].includes(status);
      // Buyers order again: 5,000 phones over 50,000 orders.
      order.run(
        `plan-order-${i}`,
        `YM-${i}`,
        `1380000${String(i % 5_000).padStart(4, "0")}`,
        status,
        at(i + 60),
        paid ? at(i + 10) : null,
        at(i),
        at(i),
      );
      for (let j = 0; j < 1 + (i % 3); j++) {
        const p = (i * 7 + j * 13) % 2_000;
        line.run(`plan-line-${i}-${j}`, `plan-order-${i}`, `plan-product-${p}`, `plan-org-${p % 500}`, 1 + (i % 4));
      }
    }
  })();
  db.exec("ANALYZE");
  db.close();
}

const cursor = { key: new Date(base + 20_000 * 60_000).toISOString(), id: "plan-order-20000" };
const firstPage = { cursor: null, way: "forward" } as const;
const TABLES = /\b(o|l|Order|OrderLine)\b/;

type Shape = {
  label: string;
  run: (client: PrismaClient) => Promise<unknown>;
  index: RegExp;
  /** the statement sorts a bounded set (one buyer's orders, one organization's lines) */
  sorts?: boolean;
};

const raw = (sql: Prisma.Sql) => (client: PrismaClient) => client.$queryRaw(sql);
const shapes: Shape[] = [
  {
    label: "staff order page, every status, first page",
    run: raw(staffOrderPageSql({ status: null, q: "" }, { skip: 0, take: 21 }, firstPage)),
    index: /SCAN o USING INDEX Order_createdAt_id_idx/,
  },
  {
    label: "staff order page, paid orders (awaiting shipment), first page",
    run: raw(staffOrderPageSql({ status: "PAID", q: "" }, { skip: 0, take: 21 }, firstPage)),
    index: /SEARCH o USING INDEX Order_status_createdAt_id_idx \(status=\?\)/,
  },
  {
    label: "staff order page, completed orders, after a cursor (a deep page by its link)",
    run: raw(staffOrderPageSql({ status: "COMPLETED", q: "" }, { skip: 0, take: 21 }, { cursor, way: "forward" })),
    index: /SEARCH o USING INDEX Order_status_createdAt_id_idx \(status=\? AND createdAt<\?\)/,
  },
  {
    label: "staff order page, every status, before a cursor",
    run: raw(staffOrderPageSql({ status: null, q: "" }, { skip: 0, take: 21 }, { cursor, way: "backward" })),
    index: /SEARCH o USING INDEX Order_createdAt_id_idx \(createdAt>\?\)/,
  },
  {
    label: "staff order search by order number or phone",
    run: raw(staffOrderPageSql({ status: "PAID", q: "13800000123" }, { skip: 0, take: 21 }, firstPage)),
    index:
      /SEARCH o USING INDEX Order_orderNo_key \(orderNo=\?\)(.|\n)*SEARCH o USING INDEX Order_buyerPhone_orderNo_idx \(buyerPhone=\?\)/,
    sorts: true,
  },
  {
    label: "staff order count of a status",
    run: (c) => c.order.count({ where: { status: "PAID" } }),
    index: /SEARCH .*Order USING COVERING INDEX Order_status_createdAt_id_idx \(status=\?\)/,
  },
  {
    label: "expiry sweep: unpaid orders due",
    run: (c) => c.order.findMany(dueOrdersQuery(new Date(base + 30_000 * 60_000))),
    index: /SEARCH .*Order USING INDEX Order_status_expiresAt_idx \(status=\? AND expiresAt<\?\)/,
  },
  {
    label: "expiry sweep: the next unpaid order to expire",
    run: (c) => c.order.findFirst(nextExpiryQuery),
    index: /SEARCH .*Order USING INDEX Order_status_expiresAt_idx \(status=\?\)/,
  },
  {
    label: "an organization's order lines, newest order first",
    run: (c) => c.orderLine.findMany(orgOrderLinesQuery("plan-org-7", 3)),
    index: /SEARCH .*OrderLine USING INDEX OrderLine_organizationId_orderId_idx \(organizationId=\?\)/,
    sorts: true,
  },
  {
    label: "an organization's sales, identical lines grouped",
    run: raw(salesGroupsSql({ organizationId: "plan-org-7" })),
    index:
      /SEARCH l USING INDEX OrderLine_organizationId_orderId_idx \(organizationId=\?\)(.|\n)*SEARCH o USING INDEX sqlite_autoindex_Order_1 \(id=\?\)/,
    sorts: true,
  },
];

test("the order pages read one index range at 50,000 orders, never the table", async () => {
  fill();
  const db = openTestDb();
  try {
    for (const { label, run, index, sorts } of shapes) {
      const statements = await capture(run);
      expect(statements.length, label).toBeGreaterThan(0);
      const details = plan(db, statements[0]!);
      const text = `${label}\n${statements[0]!.sql}\n${details.join("\n")}`;
      expect(fullScans(details, TABLES), text).toEqual([]);
      expect(details.join("\n"), text).toMatch(index);
      if (!sorts) expect(details.join("\n"), text).not.toMatch(/TEMP B-TREE/);
    }
  } finally {
    db.close();
  }
}, 120_000);
