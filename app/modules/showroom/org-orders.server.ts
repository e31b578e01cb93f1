// An organization's own order lines (/org/orders): the lines of its products, newest order
// first. Read through the (organizationId, orderId) index; ordering by the order's time sorts
// that organization's lines, which grows with its own sales only (decision 037).
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";

export const orgOrderLinesQuery = (organizationId: string, page: number) =>
  ({
    where: { organizationId },
    orderBy: { order: { createdAt: "desc" } },
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      id: true,
      productName: true,
      unitPriceFen: true,
      quantity: true,
      makerSharePct: true,
      fundSharePct: true,
      order: { select: { orderNo: true, status: true, delivery: true, createdAt: true } },
    },
  }) satisfies Prisma.OrderLineFindManyArgs;

export async function listOrgOrderLines(organizationId: string, page: number) {
  const [total, lines] = await Promise.all([
    prisma.orderLine.count({ where: { organizationId } }),
    prisma.orderLine.findMany(orgOrderLinesQuery(organizationId, page)),
  ]);
  return { total, lines };
}
