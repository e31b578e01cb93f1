import { hashClientIp } from "~/utils/client-ip.server";
import { prisma } from "~/utils/db.server";
import { lookupAllowed, lookupWindowStart } from "./lookup-limit";
import { lookupOrder } from "./orders.server";

export type LimitedLookup =
  | { kind: "limited" }
  | { kind: "not-found" }
  | { kind: "found"; order: NonNullable<Awaited<ReturnType<typeof lookupOrder>>> };

/**
 * The buyer's lookup behind the rate limit. The attempt is written first and
 * then counted, so parallel guesses see each other; a lookup that finds the
 * order, or that is refused, takes its row back, so only failed lookups count.
 */
export async function limitedLookupOrder(
  request: Request,
  orderNo: string,
  buyerPhone: string,
  now = new Date(),
): Promise<LimitedLookup> {
  const ipHash = hashClientIp(request);
  const since = lookupWindowStart(now);
  const attempt = await prisma.orderLookupAttempt.create({
    data: { ipHash, orderNo, createdAt: now },
    select: { id: true },
  });
  const [byIp, byOrderNo] = await Promise.all([
    prisma.orderLookupAttempt.count({ where: { ipHash, createdAt: { gte: since } } }),
    prisma.orderLookupAttempt.count({ where: { orderNo, createdAt: { gte: since } } }),
  ]);
  if (!lookupAllowed({ byIp, byOrderNo })) {
    await prisma.orderLookupAttempt.delete({ where: { id: attempt.id }, select: { id: true } });
    return { kind: "limited" };
  }
  const order = await lookupOrder(orderNo, buyerPhone);
  if (order) {
    await prisma.orderLookupAttempt.delete({ where: { id: attempt.id }, select: { id: true } });
    return { kind: "found", order };
  }
  // Keep the table small: rows older than the window no longer count.
  await prisma.orderLookupAttempt.deleteMany({ where: { createdAt: { lt: since } } });
  return { kind: "not-found" };
}
