// The staff's showroom lists: product screening (/admin/products) and orders (/admin/orders).
// Each page is one raw SQL statement (decision 033): Prisma compiled a list, its
// organizations and its images as separate queries, most of the page's own CPU. The
// screening page's statement runs prepared on Prisma's connection (readRows). Pages are
// keyset ranges of (status, createdAt, id) or (createdAt, id) (decision 028); the totals are
// counts of the filter's index, shared for 10 s and dropped on any write.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { keysetSql } from "~/utils/keyset-sql.server";
import {
  keysetPage,
  PAGE_SIZE,
  type KeysetFindArgs,
  type KeysetFrom,
  type KeysetOrder,
  type PageStart,
} from "~/utils/paging";
import { readRows } from "~/utils/prepared-reads.server";
import { shortCached } from "~/utils/short-cache.server";
import type { OrderState } from "./order-workflow";
import { PRODUCT_DESCRIPTION_FIELDS } from "./product-select";
import type { ProductState } from "./product-workflow";

const NO_CURSOR: PageStart = { after: null, before: null };
type Page = Pick<KeysetFindArgs, "skip" | "take">;
const and = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`1`);

/** The staff's screening list, newest first: one range of (status, createdAt, id) or (createdAt, id) per page. */
export const ADMIN_PRODUCT_ORDER: KeysetOrder = { field: "createdAt", direction: "desc", type: "date" };

/** The columns that describe a product (PRODUCT_DESCRIPTION_FIELDS), as SQL on `p`. */
const PRODUCT_DESCRIPTION_SQL = Prisma.raw(
  Object.keys(PRODUCT_DESCRIPTION_FIELDS)
    .map((field) => `p."${field}"`)
    .join(", "),
);

/** A product row as the prepared statement returns it: dates as their stored text, booleans as 0/1. */
type ProductRow = {
  id: string;
  name: string;
  category: string;
  description: string;
  makerStory: string;
  priceFen: number;
  stock: number;
  soldCount: number;
  makerSharePct: number;
  fundSharePct: number;
  fundName: string | null;
  allowShipping: number;
  allowPickup: number;
  status: string;
  returnReason: string | null;
  createdAt: string;
  organizationId: string;
  organizationName: string;
  /** JSON array of the first six images' attachment ids, in position order */
  imageIds: string;
};

/** A page of products with each one's organization and first six images: one statement. */
export function staffProductPageSql(status: ProductState | null, page: Page, from: KeysetFrom) {
  const { range, orderBy } = keysetSql(ADMIN_PRODUCT_ORDER, "p", from);
  const conditions = status ? [Prisma.sql`p."status" = ${status}`] : [];
  return Prisma.sql`SELECT ${PRODUCT_DESCRIPTION_SQL}, p."status", p."returnReason", p."createdAt",
      o."id" AS "organizationId", o."name" AS "organizationName",
      (SELECT json_group_array(i."attachmentId") FROM (SELECT "attachmentId" FROM "ProductImage"
        WHERE "productId" = p."id" ORDER BY "position" LIMIT 6) i) AS "imageIds"
    FROM "Product" p CROSS JOIN "Organization" o ON o."id" = p."organizationId"
    WHERE ${range} AND ${and(conditions)}
    ORDER BY ${orderBy} LIMIT ${page.take} OFFSET ${page.skip}`;
}

export async function listProductsForAdmin(
  status: ProductState | null,
  page: number,
  start: PageStart = NO_CURSOR,
  pageSize = PAGE_SIZE,
) {
  const where = status ? { status } : {};
  const [total, { rows, cursors }] = await Promise.all([
    shortCached(`staff-product-count:${status ?? ""}`, 10_000, () => prisma.product.count({ where })),
    keysetPage({
      order: ADMIN_PRODUCT_ORDER,
      start,
      page,
      pageSize,
      // A prepared statement on Prisma's connection (prepared-reads.server.ts): no per-call compile.
      find: async (args, from) =>
        (await readRows<ProductRow>(staffProductPageSql(status, args, from))).map((row) => ({
          ...row,
          createdAt: new Date(row.createdAt),
          allowShipping: row.allowShipping === 1,
          allowPickup: row.allowPickup === 1,
        })),
    }),
  ]);
  const products = rows.map(({ organizationId, organizationName, imageIds, ...product }) => ({
    ...product,
    organization: { id: organizationId, name: organizationName },
    images: (JSON.parse(imageIds) as string[]).map((attachmentId) => ({ attachmentId })),
  }));
  return { total, products, cursors };
}

/** The staff's order list, newest first: one range of (createdAt, id) or (status, createdAt, id) per page. */
export const ADMIN_ORDER_ORDER: KeysetOrder = { field: "createdAt", direction: "desc", type: "date" };

export type StaffOrderFilter = { status: OrderState | null; q: string };

type OrderRow = {
  id: string;
  orderNo: string;
  buyerName: string;
  delivery: string;
  paymentMethod: string;
  status: string;
  totalFen: number;
  createdAt: Date;
};

/** An order row as SQLite returns it: the date as its stored text. */
type StoredOrderRow = Omit<OrderRow, "createdAt"> & { createdAt: string };

/** A page of orders: by status, or an exact order number or phone number (both indexed). */
export function staffOrderPageSql(filter: StaffOrderFilter, page: Page, from: KeysetFrom) {
  const { range, orderBy } = keysetSql(ADMIN_ORDER_ORDER, "o", from);
  const conditions = [
    ...(filter.status ? [Prisma.sql`o."status" = ${filter.status}`] : []),
    ...(filter.q ? [Prisma.sql`(o."orderNo" = ${filter.q} OR o."buyerPhone" = ${filter.q})`] : []),
  ];
  return Prisma.sql`SELECT o."id", o."orderNo", o."buyerName", o."delivery", o."paymentMethod", o."status",
      o."totalFen", o."createdAt"
    FROM "Order" o WHERE ${range} AND ${and(conditions)}
    ORDER BY ${orderBy} LIMIT ${page.take} OFFSET ${page.skip}`;
}

export async function listOrdersForAdmin(
  filter: StaffOrderFilter,
  page: number,
  start: PageStart = NO_CURSOR,
  pageSize = PAGE_SIZE,
) {
  const where = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.q ? { OR: [{ orderNo: filter.q }, { buyerPhone: filter.q }] } : {}),
  };
  const [total, { rows: orders, cursors }] = await Promise.all([
    shortCached(`staff-order-count:${JSON.stringify(where)}`, 10_000, () => prisma.order.count({ where })),
    keysetPage({
      order: ADMIN_ORDER_ORDER,
      start,
      page,
      pageSize,
      // A prepared statement on Prisma's connection, as the product list's (no per-call client work).
      find: async (args, from) =>
        (await readRows<StoredOrderRow>(staffOrderPageSql(filter, args, from))).map((row) => ({
          ...row,
          createdAt: new Date(row.createdAt),
        })),
    }),
  ]);
  return { total, orders, cursors };
}
