import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";
import { shortCached } from "~/utils/short-cache.server";
import { PRODUCT_CATEGORIES, type CatalogueSort, type ProductCategory } from "./labels";
import { PRODUCT_DESCRIPTION_FIELDS } from "./product-select";

export type CatalogueQuery = {
  category: ProductCategory | null;
  organizationId: string | null;
  q: string;
  sort: CatalogueSort;
  page: number;
};

export function parseCatalogueQuery(url: URL): CatalogueQuery {
  const category = url.searchParams.get("category");
  const sort = url.searchParams.get("sort");
  const page = Number(url.searchParams.get("page") ?? "1");
  return {
    category: (PRODUCT_CATEGORIES as readonly string[]).includes(category ?? "") ? (category as ProductCategory) : null,
    organizationId: url.searchParams.get("org")?.slice(0, 40) || null,
    q: (url.searchParams.get("q") ?? "").trim().slice(0, 40),
    sort: sort === "price_asc" || sort === "price_desc" || sort === "popular" ? sort : "newest",
    page: Number.isInteger(page) && page > 0 ? Math.min(page, 10000) : 1,
  };
}

const ORDER_BY: Record<CatalogueSort, Prisma.ProductOrderByWithRelationInput[]> = {
  newest: [{ listedAt: "desc" }, { id: "asc" }],
  price_asc: [{ priceFen: "asc" }, { id: "asc" }],
  price_desc: [{ priceFen: "desc" }, { id: "asc" }],
  popular: [{ soldCount: "desc" }, { id: "asc" }],
};

/** Listed products for the public catalogue. */
export async function listCatalogue(query: CatalogueQuery) {
  const where: Prisma.ProductWhereInput = {
    status: "LISTED",
    ...(query.category ? { category: query.category } : {}),
    ...(query.organizationId ? { organizationId: query.organizationId } : {}),
    ...(query.q ? { name: { contains: query.q } } : {}),
  };
  const [total, products, organizations] = await Promise.all([
    shortCached(`catalogue-count:${JSON.stringify(where)}`, 10_000, () => prisma.product.count({ where })),
    prisma.product.findMany({
      where,
      orderBy: ORDER_BY[query.sort],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        name: true,
        category: true,
        priceFen: true,
        stock: true,
        soldCount: true,
        organization: { select: { id: true, name: true } },
        images: { orderBy: { position: "asc" }, take: 1, select: { attachmentId: true } },
      },
    }),
    listedOrganizations(),
  ]);
  return { total, products, organizations };
}

/**
 * Organizations with something listed, for the filter: the first 200 by name. Read from the
 * products (their (organizationId, status) index) and then each organization by id, never
 * by walking the organization table; kept briefly (short-cache.server.ts).
 */
export const LISTED_ORGANIZATIONS_SQL = Prisma.sql`
  SELECT o."id" AS "id", o."name" AS "name"
  FROM (SELECT DISTINCT "organizationId" AS "id" FROM "Product" WHERE "status" = 'LISTED') p
  CROSS JOIN "Organization" o ON o."id" = p."id"
  ORDER BY o."name" LIMIT 200`;

export function listedOrganizations() {
  return shortCached("catalogue-organizations", 60_000, () =>
    prisma.$queryRaw<Array<{ id: string; name: string }>>(LISTED_ORGANIZATIONS_SQL),
  );
}

/** A listed product's public page. */
export async function getPublicProduct(productId: string) {
  return prisma.product.findFirst({
    where: { id: productId, status: "LISTED" },
    select: {
      ...PRODUCT_DESCRIPTION_FIELDS,
      organization: { select: { id: true, name: true } },
      images: { orderBy: { position: "asc" }, select: { attachmentId: true } },
    },
  });
}

/** Current price and stock of the listed products in a cart (others read as taken down). */
export async function getCartProducts(productIds: string[]) {
  if (productIds.length === 0) return [];
  return prisma.product.findMany({
    where: { id: { in: productIds }, status: "LISTED" },
    select: {
      id: true,
      name: true,
      priceFen: true,
      stock: true,
      status: true,
      allowShipping: true,
      allowPickup: true,
      organization: { select: { name: true } },
      images: { orderBy: { position: "asc" }, take: 1, select: { attachmentId: true } },
    },
  });
}
