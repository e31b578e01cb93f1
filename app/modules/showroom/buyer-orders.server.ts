import { createCookie } from "@remix-run/node";
import { loadSessionSecret } from "~/utils/session.server";

// The order numbers this browser placed (or looked up with the buyer's phone),
// in a signed cookie. The public order page opens only for those: an order
// number alone is printed on receipts and parcels, so it is no key.
// A cookie rather than a token in the URL survives Stripe's redirect back
// without putting a secret in links, logs or the Referer.
const buyerOrdersCookie = createCookie("yimiao_orders", {
  httpOnly: true,
  sameSite: "lax",
  path: "/orders",
  maxAge: 90 * 24 * 3600,
  secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
  secrets: [loadSessionSecret()],
});

/** The newest orders kept: enough for any buyer, small enough for a cookie. */
const KEPT = 20;

async function buyerOrders(request: Request): Promise<string[]> {
  const value: unknown = await buyerOrdersCookie.parse(request.headers.get("Cookie"));
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Whether this browser placed the order or proved it is the buyer's. */
export async function isBuyersOrder(request: Request, orderNo: string) {
  return (await buyerOrders(request)).includes(orderNo);
}

/** The Set-Cookie header that lets this browser open the order's page. */
export async function rememberBuyersOrder(request: Request, orderNo: string) {
  const kept = (await buyerOrders(request)).filter((n) => n !== orderNo);
  return buyerOrdersCookie.serialize([orderNo, ...kept].slice(0, KEPT));
}
