import type Stripe from "stripe";
import { prisma } from "~/utils/db.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { transitionOrder } from "./orders.server";

export type WebhookOutcome = "handled" | "duplicate" | "ignored";

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

function paymentIntentId(value: string | { id: string } | null | undefined) {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

/**
 * Applies one verified Stripe event. The StripeEvent row is inserted first in
 * the same transaction as the change, so a redelivered event hits the unique
 * id and changes nothing, and a failed change leaves no "handled" mark.
 */
export async function handleStripeEvent(event: Stripe.Event): Promise<WebhookOutcome> {
  try {
    return await prisma.$transaction(async (tx) => {
      await tx.stripeEvent.create({ data: { id: event.id, type: event.type }, select: { id: true } });
      const system = { id: null, role: "SYSTEM" as const };

      if (event.type === "checkout.session.completed" || event.type === "checkout.session.async_payment_succeeded") {
        const session = event.data.object;
        if (session.payment_status !== "paid") return "ignored";
        const order = await findSessionOrder(tx, session);
        if (!order || order.status !== "PENDING_PAYMENT") {
          // Paid for an order that is no longer waiting (e.g. cancelled by staff): needs a person.
          if (order && order.status !== "PAID") console.error(`Stripe payment ${session.id} arrived for order ${order.id} in state ${order.status}`);
          return "ignored";
        }
        await transitionOrder(tx, {
          orderId: order.id,
          to: "PAID",
          actor: system,
          paymentReference: paymentIntentId(session.payment_intent) ?? session.id,
          stripePaymentIntentId: paymentIntentId(session.payment_intent),
        });
        return "handled";
      }

      if (event.type === "checkout.session.expired") {
        const order = await findSessionOrder(tx, event.data.object);
        if (!order || order.status !== "PENDING_PAYMENT") return "ignored";
        await transitionOrder(tx, { orderId: order.id, to: "EXPIRED", actor: system, reason: "在线支付会话已过期" });
        return "handled";
      }

      if (event.type === "charge.refunded") {
        const charge = event.data.object;
        const intent = paymentIntentId(charge.payment_intent);
        if (!intent || !charge.refunded) return "ignored"; // partial refunds are settled by staff
        const order = await tx.order.findFirst({ where: { stripePaymentIntentId: intent }, select: { id: true, status: true } });
        if (!order || (order.status !== "PAID" && order.status !== "SHIPPED")) return "ignored";
        await transitionOrder(tx, { orderId: order.id, to: "REFUNDED", actor: system, reason: "Stripe 已退款" });
        return "handled";
      }

      return "ignored";
    });
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    // A state that no longer allows the move (e.g. already cancelled) is not retried by Stripe forever.
    if (error instanceof WorkflowError) return "ignored";
    throw error;
  }
}

type TxClient = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

async function findSessionOrder(tx: TxClient, session: Stripe.Checkout.Session) {
  const orderId = session.metadata?.orderId ?? session.client_reference_id;
  if (orderId) {
    const order = await tx.order.findUnique({ where: { id: orderId }, select: { id: true, status: true, stripeSessionId: true } });
    if (order && (!order.stripeSessionId || order.stripeSessionId === session.id)) return order;
  }
  return tx.order.findUnique({ where: { stripeSessionId: session.id }, select: { id: true, status: true, stripeSessionId: true } });
}
