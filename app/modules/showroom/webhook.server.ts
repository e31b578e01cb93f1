import type Stripe from "stripe";
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyAdmins } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { prisma, type Tx } from "~/utils/db.server";
import { formatFen } from "~/utils/format";
import { decideSessionPayment, lateRefundIdempotencyKey } from "./late-payment";
import { orderWorkflow, type OrderState } from "./order-workflow";
import { transitionOrder } from "./orders.server";
import { eventShapeProblem } from "./stripe-event-shape";
import { refundLatePayment } from "./stripe.server";

export type WebhookOutcome = "handled" | "duplicate" | "ignored";

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

function paymentIntentId(value: string | { id: string } | null | undefined) {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

/** The order changed between reading it and writing: decide again. */
class OrderMoved extends Error {}

const SYSTEM = { id: null, role: "SYSTEM" as const };

/**
 * Applies one verified Stripe event. The StripeEvent row is inserted first in
 * the same transaction as the change, so a redelivered event hits the unique
 * id and changes nothing, and a failed change leaves no "handled" mark.
 * Anything thrown (Stripe or the database unreachable) becomes a 5xx, and
 * Stripe delivers the event again later.
 */
export async function handleStripeEvent(event: Stripe.Event): Promise<WebhookOutcome> {
  const misshapen = eventShapeProblem(event);
  if (misshapen) return ignoreMisshapen(misshapen);
  if (event.type === "checkout.session.completed" || event.type === "checkout.session.async_payment_succeeded") {
    const session = event.data.object;
    if (session.payment_status !== "paid") return "ignored";
    return handlePaidSession(event, session);
  }
  try {
    return await prisma.$transaction(async (tx) => {
      await tx.stripeEvent.create({ data: { id: event.id, type: event.type }, select: { id: true } });

      if (event.type === "checkout.session.expired") {
        const order = await findSessionOrder(tx, event.data.object);
        if (!order || order.status !== "PENDING_PAYMENT") return "ignored";
        await transitionOrder(tx, { orderId: order.id, to: "EXPIRED", actor: SYSTEM, reason: "在线支付会话已过期" });
        return "handled";
      }

      if (event.type === "charge.refunded") {
        const charge = event.data.object;
        const intent = paymentIntentId(charge.payment_intent);
        if (!intent || !charge.refunded) return "ignored"; // partial refunds are settled by staff
        const order = await tx.order.findFirst({
          where: { stripePaymentIntentId: intent },
          select: { id: true, status: true },
        });
        if (!order || (order.status !== "PAID" && order.status !== "SHIPPED")) return "ignored";
        await transitionOrder(tx, { orderId: order.id, to: "REFUNDED", actor: SYSTEM, reason: "Stripe 已退款" });
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

/**
 * A signed event without the fields its type must carry: recorded (so a
 * redelivery is a duplicate) and ignored with a log line, never a 500 that
 * Stripe would retry forever.
 */
async function ignoreMisshapen({ eventId, type, problem }: NonNullable<ReturnType<typeof eventShapeProblem>>) {
  console.warn(`Stripe event ${eventId ?? "(no id)"} (${type ?? "no type"}) ignored: unexpected shape (${problem})`);
  if (!eventId) return "ignored";
  try {
    await prisma.stripeEvent.create({ data: { id: eventId, type: type ?? "unknown" }, select: { id: true } });
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
  return "ignored";
}

/**
 * A paid Checkout Session. A waiting order becomes paid. An order cancelled or
 * expired before the money arrived gets its payment refunded: the Stripe
 * refund is made first (outside any transaction, keyed by the payment so it
 * can be repeated safely), then the order, the audit event, the staff
 * notification and the StripeEvent mark are written together. If Stripe
 * fails, nothing is written and the webhook answers 5xx; if the write fails
 * after the refund, the redelivered event gets the same refund back from
 * Stripe and writes it then. Never two refunds, never a lost one.
 */
async function handlePaidSession(event: Stripe.Event, session: Stripe.Checkout.Session): Promise<WebhookOutcome> {
  // A redelivery of an event already applied changes nothing and calls nobody.
  if (await prisma.stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } })) return "duplicate";
  const intent = paymentIntentId(session.payment_intent);
  let refund: Stripe.Refund | null = null;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const before = await findSessionOrder(prisma, session);
    const planned = decideSessionPayment(before, intent);
    if (planned.kind === "refund" && !refund && before) {
      refund = await refundLatePayment({
        orderId: before.id,
        orderNo: before.orderNo,
        paymentIntentId: planned.paymentIntentId,
        idempotencyKey: lateRefundIdempotencyKey(planned.paymentIntentId),
      });
    }
    // The transaction below reads this pass's refund, never a later one.
    const issued = refund;
    try {
      return await prisma.$transaction(async (tx) => {
        await tx.stripeEvent.create({ data: { id: event.id, type: event.type }, select: { id: true } });
        const order = await findSessionOrder(tx, session);
        const decision = decideSessionPayment(order, intent);
        if (!order || decision.kind === "ignore") return "ignored";
        if (decision.kind === "pay") {
          await transitionOrder(tx, {
            orderId: order.id,
            to: "PAID",
            actor: SYSTEM,
            paymentReference: intent ?? session.id,
            stripePaymentIntentId: intent,
          });
          return "handled";
        }
        const stateLabel = orderWorkflow.stateLabels[order.status as OrderState] ?? order.status;
        const paidFen = session.amount_total ?? order.totalFen;
        if (decision.kind === "refund") {
          if (!issued) throw new OrderMoved(); // it was still waiting when we looked; refund on the next pass
          const refundFen = issued.amount ?? paidFen;
          await tx.order.update({
            where: { id: order.id },
            data: {
              latePaymentIntentId: decision.paymentIntentId,
              lateRefundId: issued.id,
              lateRefundFen: refundFen,
              lateRefundedAt: new Date(),
            },
            select: { id: true },
          });
          await recordAudit(tx, {
            actorId: null,
            action: "order.late_payment_refund",
            entityType: "Order",
            entityId: order.id,
            fromState: order.status,
            toState: order.status,
            reason: `订单${stateLabel}后收到在线付款 ${formatFen(paidFen)}（${decision.paymentIntentId}），系统已自动原路退款（Stripe 退款 ${issued.id}）`,
          });
          await notifyAdmins(tx, {
            title: `订单 ${order.orderNo} 的迟到付款已自动退款`,
            body: `订单${stateLabel}后才收到在线付款 ${formatFen(paidFen)}，系统已原路退回（Stripe 退款 ${issued.id}），库存未恢复占用。`,
            link: `/admin/orders/${order.id}`,
          });
          return "handled";
        }
        // Money arrived that must not be refunded blindly: tell staff once (this event is marked handled).
        await recordAudit(tx, {
          actorId: null,
          action: "order.unmatched_payment",
          entityType: "Order",
          entityId: order.id,
          fromState: order.status,
          toState: order.status,
          reason: `订单${stateLabel}时收到在线付款 ${formatFen(paidFen)}（${intent ?? session.id}），需人工核实是否退款`,
        });
        await notifyAdmins(tx, {
          title: `订单 ${order.orderNo} 收到一笔需核实的在线付款`,
          body: `订单状态为${stateLabel}时收到在线付款 ${formatFen(paidFen)}（${intent ?? session.id}），请在 Stripe 后台核实，如为重复付款请退款。`,
          link: `/admin/orders/${order.id}`,
        });
        return "handled";
      });
    } catch (error) {
      if (isUniqueViolation(error)) return "duplicate";
      // The order moved while we worked (a staff action, the expiry sweep): look again.
      if (error instanceof OrderMoved || error instanceof WorkflowError) continue;
      throw error;
    }
  }
  throw new Error(`Stripe event ${event.id}: order kept changing; Stripe will deliver it again`);
}

async function findSessionOrder(db: Tx | typeof prisma, session: Stripe.Checkout.Session) {
  const select = {
    id: true,
    orderNo: true,
    status: true,
    totalFen: true,
    stripeSessionId: true,
    stripePaymentIntentId: true,
    paymentReference: true,
    latePaymentIntentId: true,
    lateRefundId: true,
  } as const;
  const orderId = session.metadata?.orderId ?? session.client_reference_id;
  if (orderId) {
    const order = await db.order.findUnique({ where: { id: orderId }, select });
    if (order && (!order.stripeSessionId || order.stripeSessionId === session.id)) return order;
  }
  return db.order.findUnique({ where: { stripeSessionId: session.id }, select });
}
