import crypto from "node:crypto";
import { recordAudit } from "~/modules/audit/audit.server";
import { WorkflowError, type Actor } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { shanghaiParts } from "~/utils/dates";
import { prisma, type Tx } from "~/utils/db.server";
import type { CartItem } from "./cart";
import { orderExpiryMinutes } from "./config.server";
import { buyerReasonLabel, orderWorkflow, type OrderState } from "./order-workflow";
import { lineTotalFen } from "./pricing";

/** A checkout that cannot go through (stock, delivery…); the message is for the buyer. */
export class OrderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OrderError";
  }
}

export type PaymentMethod = "STRIPE" | "COUNTER" | "BANK_TRANSFER";
export type Delivery = "SHIPPING" | "PICKUP";

export function newOrderNo(at = new Date()) {
  const p = shanghaiParts(at);
  const date = `${p.year}${String(p.month).padStart(2, "0")}${String(p.day).padStart(2, "0")}`;
  return `YM${date}-${String(crypto.randomInt(0, 1e8)).padStart(8, "0")}`;
}

/**
 * Creates an order and reserves its stock in one transaction. Each line's
 * stock is taken with a guarded decrement (stock >= quantity, still listed),
 * so two buyers racing for the last items can never both get them.
 */
export async function createOrder(input: {
  items: CartItem[];
  buyerName: string;
  buyerPhone: string;
  delivery: Delivery;
  address: string | null;
  paymentMethod: PaymentMethod;
  /** Stripe orders live as long as their Checkout Session (at least 30 minutes). */
  expiresAt?: Date;
}) {
  if (input.items.length === 0) throw new OrderError("购物车是空的");
  const expiresAt = input.expiresAt ?? new Date(Date.now() + orderExpiryMinutes() * 60_000);
  return prisma.$transaction(async (tx) => {
    const ids = input.items.map((i) => i.productId);
    const products = await tx.product.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        name: true,
        organizationId: true,
        priceFen: true,
        makerSharePct: true,
        fundSharePct: true,
        status: true,
        allowShipping: true,
        allowPickup: true,
      },
    });
    const byId = new Map(products.map((p) => [p.id, p]));
    let totalFen = 0;
    const lines = [];
    for (const item of input.items) {
      const product = byId.get(item.productId);
      if (!product || product.status !== "LISTED")
        throw new OrderError(`${product ? `「${product.name}」` : "有一件产品"}已下架`);
      if (input.delivery === "SHIPPING" && !product.allowShipping)
        throw new OrderError(`「${product.name}」不支持快递配送，请选择自提`);
      if (input.delivery === "PICKUP" && !product.allowPickup)
        throw new OrderError(`「${product.name}」不支持自提，请选择快递配送`);
      const { count } = await tx.product.updateMany({
        where: { id: product.id, status: "LISTED", stock: { gte: item.quantity } },
        data: { stock: { decrement: item.quantity } },
      });
      if (count !== 1) throw new OrderError(`「${product.name}」库存不足，请减少购买数量`);
      totalFen += lineTotalFen(product.priceFen, item.quantity);
      lines.push({
        productId: product.id,
        organizationId: product.organizationId,
        productName: product.name,
        unitPriceFen: product.priceFen,
        quantity: item.quantity,
        makerSharePct: product.makerSharePct,
        fundSharePct: product.fundSharePct,
      });
    }
    const order = await tx.order.create({
      data: {
        orderNo: newOrderNo(),
        buyerName: input.buyerName,
        buyerPhone: input.buyerPhone,
        delivery: input.delivery,
        address: input.delivery === "SHIPPING" ? input.address : null,
        paymentMethod: input.paymentMethod,
        status: "PENDING_PAYMENT",
        totalFen,
        expiresAt,
        lines: { create: lines },
      },
      select: { id: true, orderNo: true, totalFen: true, expiresAt: true },
    });
    await recordAudit(tx, {
      actorId: null,
      action: "order.create",
      entityType: "Order",
      entityId: order.id,
      toState: "PENDING_PAYMENT",
    });
    return { ...order, lines };
  });
}

/** Puts an order's reserved stock back (expiry, cancellation, refund before shipping). */
async function releaseStock(tx: Tx, orderId: string) {
  const lines = await tx.orderLine.findMany({ where: { orderId }, select: { productId: true, quantity: true } });
  for (const line of lines) {
    await tx.product.update({
      where: { id: line.productId },
      data: { stock: { increment: line.quantity } },
      select: { id: true },
    });
  }
}

async function adjustSold(tx: Tx, orderId: string, sign: 1 | -1) {
  const lines = await tx.orderLine.findMany({ where: { orderId }, select: { productId: true, quantity: true } });
  for (const line of lines) {
    await tx.product.update({
      where: { id: line.productId },
      data: { soldCount: sign === 1 ? { increment: line.quantity } : { decrement: line.quantity } },
      select: { id: true },
    });
  }
}

export type OrderChange = {
  orderId: string;
  to: OrderState;
  actor: { id: string | null; role: Actor };
  reason?: string | null;
  paymentReference?: string | null;
  stripePaymentIntentId?: string | null;
  request?: Request;
};

/**
 * Moves an order through its workflow inside `tx`, with the side effects of
 * the move: paid → counted as sold; expired/cancelled → stock released;
 * refunded → no longer sold, and stock released if it had not left yet.
 */
export async function transitionOrder(tx: Tx, change: OrderChange) {
  const order = await tx.order.findUnique({ where: { id: change.orderId }, select: { id: true, status: true } });
  if (!order) throw new WorkflowError("未找到该订单", 400);
  const from = order.status as OrderState;
  const now = new Date();
  await runTransition(tx, {
    workflow: orderWorkflow,
    entityType: "Order",
    entityId: order.id,
    from,
    to: change.to,
    actor: change.actor,
    reason: change.reason ?? null,
    request: change.request,
    apply: async () =>
      (
        await tx.order.updateMany({
          where: { id: order.id, status: from },
          data: {
            status: change.to,
            ...(change.to === "PAID"
              ? {
                  paidAt: now,
                  paymentReference: change.paymentReference ?? null,
                  ...(change.stripePaymentIntentId ? { stripePaymentIntentId: change.stripePaymentIntentId } : {}),
                }
              : {}),
            ...(change.to === "REFUNDED" ? { refundedAt: now } : {}),
          },
        })
      ).count,
  });
  if (change.to === "PAID") await adjustSold(tx, order.id, 1);
  if (change.to === "EXPIRED" || change.to === "CANCELLED") await releaseStock(tx, order.id);
  if (change.to === "REFUNDED") {
    await adjustSold(tx, order.id, -1);
    if (from === "PAID") await releaseStock(tx, order.id);
  }
  return { from, to: change.to };
}

export async function changeOrderStatus(change: OrderChange) {
  return prisma.$transaction((tx) => transitionOrder(tx, change));
}

const ORDER_SELECT = {
  id: true,
  orderNo: true,
  buyerName: true,
  buyerPhone: true,
  delivery: true,
  address: true,
  paymentMethod: true,
  status: true,
  totalFen: true,
  expiresAt: true,
  paidAt: true,
  paymentReference: true,
  stripeSessionId: true,
  stripePaymentIntentId: true,
  refundedAt: true,
  latePaymentIntentId: true,
  lateRefundId: true,
  lateRefundFen: true,
  lateRefundedAt: true,
  createdAt: true,
  lines: {
    orderBy: { id: "asc" },
    select: {
      id: true,
      productId: true,
      organizationId: true,
      productName: true,
      unitPriceFen: true,
      quantity: true,
      makerSharePct: true,
      fundSharePct: true,
    },
  },
} as const;

export async function getOrder(orderId: string) {
  return prisma.order.findUnique({ where: { id: orderId }, select: ORDER_SELECT });
}

export async function getOrderByNo(orderNo: string) {
  return prisma.order.findUnique({ where: { orderNo }, select: ORDER_SELECT });
}

/** The buyer's lookup: the order number and the phone must both match. */
export async function lookupOrder(orderNo: string, buyerPhone: string) {
  return prisma.order.findFirst({ where: { orderNo, buyerPhone }, select: ORDER_SELECT });
}

/** Why the order is in its current state, when the buyer should know (cancelled, refunded). */
export async function buyerStatusReason(orderId: string, status: string) {
  const label = buyerReasonLabel(status);
  if (!label) return null;
  const event = await prisma.auditEvent.findFirst({
    where: { entityType: "Order", entityId: orderId, toState: status },
    orderBy: { createdAt: "desc" },
    select: { reason: true },
  });
  return event?.reason ? { label, text: event.reason } : null;
}

export async function setStripeSession(orderId: string, sessionId: string) {
  await prisma.order.update({ where: { id: orderId }, data: { stripeSessionId: sessionId }, select: { id: true } });
}
