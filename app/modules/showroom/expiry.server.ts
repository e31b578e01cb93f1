import type { Prisma } from "~/generated/prisma/client";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { prisma } from "~/utils/db.server";
import { cacheEnabled, dataVersion } from "~/utils/short-cache.server";
import { transitionOrder } from "./orders.server";

/**
 * When the last sweep found nothing due: the database's version then, and the earliest
 * expiry of an unpaid order. While nothing is committed, the unpaid orders are the same, so
 * none can be due before that time and a sweep would read the same empty list (decision 033:
 * the order pages ran this read on every view).
 */
let quietUntil: { version: number; at: number } | null = null;

/** Unpaid orders whose time is up, soonest first (index (status, expiresAt)). */
export const dueOrdersQuery = (now: Date) =>
  ({
    where: { status: "PENDING_PAYMENT", expiresAt: { lt: now } },
    orderBy: { expiresAt: "asc" },
    take: 100,
    select: { id: true },
  }) satisfies Prisma.OrderFindManyArgs;

/** The unpaid order that expires first (the same index). */
export const nextExpiryQuery = {
  where: { status: "PENDING_PAYMENT" },
  orderBy: { expiresAt: "asc" },
  select: { expiresAt: true },
} satisfies Prisma.OrderFindFirstArgs;

/**
 * Expires unpaid orders whose time is up and releases their stock. Called at
 * the start of order-related loaders and actions; safe to run any number of
 * times and concurrently (each order moves only while still unpaid).
 */
export async function sweepExpiredOrders(now = new Date()) {
  const cached = cacheEnabled();
  // Read before the orders, so a commit made meanwhile is seen by the next call.
  const version = cached ? dataVersion() : 0;
  if (cached && quietUntil && quietUntil.version === version && now.getTime() < quietUntil.at) return 0;
  const due = await prisma.order.findMany(dueOrdersQuery(now));
  if (due.length === 0) {
    if (cached) {
      const next = await prisma.order.findFirst(nextExpiryQuery);
      quietUntil = { version, at: next ? next.expiresAt.getTime() : Number.POSITIVE_INFINITY };
    }
    return 0;
  }
  let expired = 0;
  for (const order of due) {
    try {
      await prisma.$transaction((tx) =>
        transitionOrder(tx, {
          orderId: order.id,
          to: "EXPIRED",
          actor: { id: null, role: "SYSTEM" },
          reason: "超时未支付",
        }),
      );
      expired += 1;
    } catch (error) {
      // Someone paid or cancelled it in the meantime.
      if (!(error instanceof WorkflowError)) throw error;
    }
  }
  return expired;
}
