// The expiry sweep with the server's short cache on (decision 033): after a sweep that found
// nothing due it reads nothing until something is committed or the earliest unpaid order's
// time comes — and then it expires that order as before.
import { afterEach, expect, test, vi } from "vitest";
import { createOrder } from "~/modules/showroom/orders.server";
import { prisma } from "~/utils/db.server";
import { createListedProduct, createShowroomOrg } from "../support/showroom-fixtures";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

test("a quiet sweep reads nothing until a commit or the next expiry, then expires as before", async () => {
  const { org, member } = await createShowroomOrg(prisma);
  const product = await createListedProduct(prisma, { organizationId: org.id, createdById: member.id, stock: 5 });
  const buyer = { buyerName: "张敏", buyerPhone: "13912345678", delivery: "PICKUP" as const, address: null };
  const order = (expiresAt: Date) =>
    createOrder({ ...buyer, items: [{ productId: product.id, quantity: 1 }], paymentMethod: "COUNTER", expiresAt });
  const now = Date.now();
  const later = await order(new Date(now + 3_600_000));

  vi.stubEnv("VITEST", ""); // the cache is off under vitest; this test is about the cache
  const { sweepExpiredOrders } = await import("~/modules/showroom/expiry.server");
  const reads = vi.spyOn(prisma.order, "findMany");
  expect(await sweepExpiredOrders(new Date(now))).toBe(0);
  const afterFirst = reads.mock.calls.length;
  expect(afterFirst).toBeGreaterThan(0);

  // Nothing committed and nothing due yet: no read.
  expect(await sweepExpiredOrders(new Date(now + 60_000))).toBe(0);
  expect(reads.mock.calls.length).toBe(afterFirst);

  // A commit (an order already past its time) is seen at once.
  const stale = await order(new Date(now - 1_000));
  expect(await sweepExpiredOrders(new Date(now + 60_000))).toBe(1);

  // The earliest unpaid order's time comes with nothing committed: it is expired.
  expect(await sweepExpiredOrders(new Date(now + 120_000))).toBe(0);
  expect(await sweepExpiredOrders(new Date(now + 3_600_001))).toBe(1);
  const statuses = await prisma.order.findMany({
    where: { id: { in: [later.id, stale.id] } },
    select: { id: true, status: true },
  });
  expect(statuses.map((o) => o.status).sort()).toEqual(["EXPIRED", "EXPIRED"]);
});
