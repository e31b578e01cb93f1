import Stripe from "stripe";
import { stripePaymentMethods } from "./config.server";

// The one Stripe client. STRIPE_API_HOST / STRIPE_API_PORT / STRIPE_API_PROTOCOL
// are for tests only (a stand-in on loopback); they are unset in production.
let cached: { key: string; signature: string; client: Stripe } | null = null;

export function getStripe(): Stripe | null {
  const key = process.env.STRIPE_SECRET_KEY;
  if (!key) return null;
  const host = process.env.STRIPE_API_HOST;
  const port = process.env.STRIPE_API_PORT;
  const protocol =
    process.env.STRIPE_API_PROTOCOL === "http"
      ? "http"
      : process.env.STRIPE_API_PROTOCOL === "https"
        ? "https"
        : undefined;
  const signature = `${host ?? ""}|${port ?? ""}|${protocol ?? ""}`;
  if (cached && cached.key === key && cached.signature === signature) return cached.client;
  const client = new Stripe(key, {
    ...(host ? { host } : {}),
    ...(port ? { port: Number(port) } : {}),
    ...(protocol ? { protocol } : {}),
    maxNetworkRetries: 1,
    timeout: 20_000,
    telemetry: false,
  });
  cached = { key, signature, client };
  return client;
}

export function requireStripe(): Stripe {
  const stripe = getStripe();
  if (!stripe) throw new Response("在线支付未开通", { status: 503 });
  return stripe;
}

/** Stripe refuses Checkout Session expiries under 30 minutes or over 24 hours. */
export function stripeSessionExpiry(now: Date, orderExpiryMinutes: number) {
  const minutes = Math.min(24 * 60, Math.max(31, orderExpiryMinutes));
  return new Date(now.getTime() + minutes * 60_000);
}

export type CheckoutOrder = {
  id: string;
  orderNo: string;
  expiresAt: Date;
  lines: { productName: string; unitPriceFen: number; quantity: number }[];
};

/** A Checkout Session in CNY for the order; retried calls reuse the same session (idempotency key). */
export async function createCheckoutSession(order: CheckoutOrder, appOrigin: string) {
  const stripe = requireStripe();
  const methods = stripePaymentMethods();
  const base = `${appOrigin}/orders/${encodeURIComponent(order.orderNo)}`;
  return stripe.checkout.sessions.create(
    {
      mode: "payment",
      currency: "cny",
      allowed_payment_method_types: methods,
      ...(methods.includes("wechat_pay") ? { payment_method_options: { wechat_pay: { client: "web" } } } : {}),
      line_items: order.lines.map((line) => ({
        quantity: line.quantity,
        price_data: { currency: "cny", unit_amount: line.unitPriceFen, product_data: { name: line.productName } },
      })),
      client_reference_id: order.id,
      metadata: { orderId: order.id, orderNo: order.orderNo },
      payment_intent_data: { metadata: { orderId: order.id, orderNo: order.orderNo } },
      success_url: `${base}/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${base}/success?cancelled=1`,
      expires_at: Math.floor(order.expiresAt.getTime() / 1000),
    },
    { idempotencyKey: `yimiao-checkout-${order.id}` },
  );
}

export async function retrieveSession(sessionId: string) {
  return requireStripe().checkout.sessions.retrieve(sessionId);
}

export async function refundPayment(orderId: string, paymentIntentId: string) {
  return requireStripe().refunds.create(
    { payment_intent: paymentIntentId, metadata: { orderId } },
    { idempotencyKey: `yimiao-refund-${orderId}` },
  );
}

/**
 * Refunds a payment that arrived for an order already cancelled or expired. The
 * idempotency key is the payment's own, so a redelivered event, a retry after a
 * failed database write, or two deliveries racing all get the same one refund.
 * Stripe keeps idempotency keys for 24 hours; a retry after that finds the
 * payment already refunded and reuses that refund.
 */
export async function refundLatePayment(input: {
  orderId: string;
  orderNo: string;
  paymentIntentId: string;
  idempotencyKey: string;
}) {
  const stripe = requireStripe();
  try {
    return await stripe.refunds.create(
      {
        payment_intent: input.paymentIntentId,
        reason: "requested_by_customer",
        metadata: { orderId: input.orderId, orderNo: input.orderNo, cause: "late_payment" },
      },
      { idempotencyKey: input.idempotencyKey },
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "charge_already_refunded") {
      const existing = await stripe.refunds.list({ payment_intent: input.paymentIntentId, limit: 10 });
      const refund = existing.data.find((r) => r.status === "succeeded" || r.status === "pending");
      if (refund) return refund;
    }
    throw error;
  }
}
