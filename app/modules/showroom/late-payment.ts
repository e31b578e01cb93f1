import { formatFen } from "~/utils/format";
import type { OrderState } from "./order-workflow";

// What to do with a paid Checkout Session (checkout.session.completed or
// async_payment_succeeded with payment_status "paid"). Pure: the webhook reads
// the order, asks here, and does what the answer says.

/** States of an order that was never paid and never will be: money arriving now is refunded. */
export const LATE_REFUND_STATES: readonly OrderState[] = ["CANCELLED", "EXPIRED"];

export type SessionPaymentOrder = {
  status: string;
  stripePaymentIntentId: string | null;
  paymentReference: string | null;
  latePaymentIntentId: string | null;
  lateRefundId: string | null;
};

export type SessionPaymentDecision =
  /** The order is waiting: mark it paid. */
  | { kind: "pay" }
  /** The order was cancelled or expired before the money arrived: refund it. */
  | { kind: "refund"; paymentIntentId: string }
  /** Nothing to do (not our order, or this payment is already counted or refunded). */
  | { kind: "ignore"; why: "no-order" | "already-paid" | "already-refunded" }
  /** Money arrived that cannot be refunded automatically; staff must look. */
  | { kind: "manual"; why: "no-payment-intent" | "other-payment" };

export function decideSessionPayment(
  order: SessionPaymentOrder | null,
  paymentIntentId: string | null,
): SessionPaymentDecision {
  if (!order) return { kind: "ignore", why: "no-order" };
  if (order.status === "PENDING_PAYMENT") return { kind: "pay" };
  // The payment this order was marked paid with (a redelivery, or the success page got there first).
  if (
    paymentIntentId &&
    (order.stripePaymentIntentId === paymentIntentId || order.paymentReference === paymentIntentId)
  ) {
    return { kind: "ignore", why: "already-paid" };
  }
  if (paymentIntentId && order.latePaymentIntentId === paymentIntentId && order.lateRefundId) {
    return { kind: "ignore", why: "already-refunded" };
  }
  if ((LATE_REFUND_STATES as readonly string[]).includes(order.status)) {
    // A session has one payment intent; without it there is nothing to refund against.
    return paymentIntentId ? { kind: "refund", paymentIntentId } : { kind: "manual", why: "no-payment-intent" };
  }
  // Paid, shipped, refunded… by another payment (e.g. staff confirmed a counter payment):
  // a second payment may be a double charge, or may be what staff confirmed; a person decides.
  return { kind: "manual", why: "other-payment" };
}

/** The Stripe idempotency key of the automatic refund: one per payment, however often the event comes. */
export function lateRefundIdempotencyKey(paymentIntentId: string) {
  return `yimiao-late-refund-${paymentIntentId}`;
}

/** What the buyer reads on the lookup and success pages, e.g. "该订单已取消，您的在线付款 ¥45.50 已原路退回". */
export function lateRefundNotice(status: string, refundFen: number) {
  const state = status === "EXPIRED" ? "已过期" : "已取消";
  return `该订单${state}，您的在线付款 ${formatFen(refundFen)} 已原路退回`;
}
