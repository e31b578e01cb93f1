import { WorkflowError } from "~/modules/workflow/state-machine";
import { prisma } from "~/utils/db.server";
import { transitionOrder } from "./orders.server";

/**
 * Expires unpaid orders whose time is up and releases their stock. Called at
 * the start of order-related loaders and actions; safe to run any number of
 * times and concurrently (each order moves only while still unpaid).
 */
export async function sweepExpiredOrders(now = new Date()) {
  const due = await prisma.order.findMany({
    where: { status: "PENDING_PAYMENT", expiresAt: { lt: now } },
    orderBy: { expiresAt: "asc" },
    take: 100,
    select: { id: true },
  });
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
