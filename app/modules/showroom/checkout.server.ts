// Placing an order from the checkout form: reserve the stock, and for online
// payment open a Stripe Checkout Session. Answers where the buyer goes next.
import { getRules } from "~/modules/config/rules.server";
import { appOrigin } from "~/utils/app-origin.server";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import type { CartItem } from "./cart";
import { isStripeConfigured, orderExpiryMinutes } from "./config.server";
import {
  changeOrderStatus,
  createOrder,
  OrderError,
  setStripeSession,
  type Delivery,
  type PaymentMethod,
} from "./orders.server";
import { isOfflineMethod, offlineExpiryHours } from "./payment-instructions";
import { createCheckoutSession, stripeSessionExpiry } from "./stripe.server";

export async function placeOrder(input: {
  items: CartItem[];
  buyerName: string;
  buyerPhone: string;
  delivery: Delivery;
  address: string | null;
  paymentMethod: PaymentMethod;
}): Promise<WriteResult<{ orderNo: string; redirectTo: string }>> {
  const online = input.paymentMethod === "STRIPE";
  if (online && !isStripeConfigured()) {
    return fail("在线支付暂未开通，请选择其他付款方式", { field: "paymentMethod" });
  }
  const sessionExpiry = stripeSessionExpiry(new Date(), orderExpiryMinutes());
  let order;
  try {
    order = await createOrder({
      items: input.items,
      buyerName: input.buyerName,
      buyerPhone: input.buyerPhone,
      delivery: input.delivery,
      address: input.address,
      paymentMethod: input.paymentMethod,
      // An online order stays reserved a little longer than its Checkout Session, so a late
      // completion event still finds it unpaid; the session's own expiry event releases it.
      // An offline order waits as long as the rules give its method (a transfer or a trip to the counter).
      expiresAt: isOfflineMethod(input.paymentMethod)
        ? new Date(Date.now() + offlineExpiryHours(await getRules(), input.paymentMethod) * 3_600_000)
        : new Date(sessionExpiry.getTime() + 10 * 60_000),
    });
  } catch (error) {
    // Sold out, taken down or not deliverable that way: the transaction rolled back.
    if (error instanceof OrderError) return fail(error.message, { status: 409 });
    throw error;
  }
  if (!online)
    return succeed({ orderNo: order.orderNo, redirectTo: `/orders/${encodeURIComponent(order.orderNo)}/success` });

  let session;
  try {
    session = await createCheckoutSession({ ...order, expiresAt: sessionExpiry }, appOrigin());
  } catch (error) {
    console.error("Stripe checkout session failed", error);
    await changeOrderStatus({
      orderId: order.id,
      to: "CANCELLED",
      actor: { id: null, role: "SYSTEM" },
      reason: "在线支付创建失败",
    });
    return fail("在线支付暂时不可用，请稍后再试或选择线下付款", { status: 502 });
  }
  await setStripeSession(order.id, session.id);
  if (!session.url) throw new Response("在线支付地址缺失", { status: 502 });
  return succeed({ orderNo: order.orderNo, redirectTo: session.url });
}
