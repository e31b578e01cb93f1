// Showroom settings read from the environment (see README).

export function orderExpiryMinutes() {
  const n = Number(process.env.ORDER_EXPIRY_MINUTES ?? "30");
  return Number.isFinite(n) && n > 0 ? Math.min(n, 7 * 24 * 60) : 30;
}

export const STRIPE_METHODS = ["card", "alipay", "wechat_pay"] as const;
export type StripeMethod = (typeof STRIPE_METHODS)[number];

/** STRIPE_PAYMENT_METHODS, e.g. "card,alipay,wechat_pay"; unknown names are ignored; default card. */
export function stripePaymentMethods(): StripeMethod[] {
  const wanted = (process.env.STRIPE_PAYMENT_METHODS ?? "card")
    .split(",")
    .map((s) => s.trim())
    .filter((s): s is StripeMethod => (STRIPE_METHODS as readonly string[]).includes(s));
  return wanted.length ? [...new Set(wanted)] : ["card"];
}

export function isStripeConfigured() {
  return Boolean(process.env.STRIPE_SECRET_KEY);
}
