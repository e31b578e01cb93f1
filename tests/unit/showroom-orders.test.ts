import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { createShowroomOrg, createListedProduct } from "../support/showroom-fixtures";
import { startStripeStandIn, type StripeStandIn } from "../support/stripe-stand-in";

const WEBHOOK_SECRET = "whsec_unit_test_secret";
let standIn: StripeStandIn;

beforeAll(async () => {
  standIn = await startStripeStandIn();
  process.env.STRIPE_SECRET_KEY = "sk_test_unit";
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.STRIPE_API_HOST = "127.0.0.1";
  process.env.STRIPE_API_PORT = String(standIn.port);
  process.env.STRIPE_API_PROTOCOL = "http";
  process.env.STRIPE_PAYMENT_METHODS = "card,alipay,bogus";
});

afterAll(async () => {
  await standIn.close();
  for (const k of [
    "STRIPE_SECRET_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "STRIPE_API_HOST",
    "STRIPE_API_PORT",
    "STRIPE_API_PROTOCOL",
    "STRIPE_PAYMENT_METHODS",
  ]) {
    delete process.env[k];
  }
});

async function importModules() {
  const orders = await import("~/modules/showroom/orders.server");
  const stripe = await import("~/modules/showroom/stripe.server");
  const webhook = await import("~/routes/stripe.webhook");
  const expiry = await import("~/modules/showroom/expiry.server");
  return { ...orders, ...stripe, webhookAction: webhook.action, ...expiry };
}

let product: { id: string; priceFen: number };

beforeEach(async () => {
  const { org, member } = await createShowroomOrg(prisma);
  product = await createListedProduct(prisma, {
    organizationId: org.id,
    createdById: member.id,
    priceFen: 2990,
    stock: 5,
  });
});

const buyer = { buyerName: "张敏", buyerPhone: "13912345678", delivery: "PICKUP" as const, address: null };

async function stock() {
  return await prisma.product.findUniqueOrThrow({
    where: { id: product.id },
    select: { stock: true, soldCount: true },
  });
}

async function stripeOrder(quantity = 2) {
  const m = await importModules();
  const expiresAt = m.stripeSessionExpiry(new Date(), 30);
  const order = await m.createOrder({
    ...buyer,
    items: [{ productId: product.id, quantity }],
    paymentMethod: "STRIPE",
    expiresAt,
  });
  const session = await m.createCheckoutSession({ ...order, expiresAt }, "http://shop.test");
  await m.setStripeSession(order.id, session.id);
  return { order, session };
}

function webhookRequest(body: string, signature: string | null) {
  return new Request("http://shop.test/stripe/webhook", {
    method: "POST",
    body,
    headers: signature
      ? { "stripe-signature": signature, "Content-Type": "application/json" }
      : { "Content-Type": "application/json" },
  });
}

async function deliver(event: unknown) {
  const m = await importModules();
  const { payload, header } = standIn.sign(event, WEBHOOK_SECRET);
  return m.webhookAction({ request: webhookRequest(payload, header), params: {}, context: {} });
}

describe("checkout session", () => {
  test("is created in CNY with the order id, an idempotency key and an expiry, through the real SDK", async () => {
    const { order, session } = await stripeOrder(2);
    const call = standIn.requests.find(
      (r) => r.path === "/v1/checkout/sessions" && r.method === "POST" && r.body.client_reference_id === order.id,
    )!;
    expect(call.idempotencyKey).toBe(`yimiao-checkout-${order.id}`);
    expect(call.authorization).toBe("Bearer sk_test_unit");
    expect(call.body.currency).toBe("cny");
    expect(call.body.allowed_payment_method_types).toEqual(["card", "alipay"]);
    expect(call.body.metadata).toMatchObject({ orderId: order.id, orderNo: order.orderNo });
    expect(Number(call.body.expires_at)).toBeGreaterThan(Date.now() / 1000 + 29 * 60);
    expect(session.amount_total).toBe(5980);
    const m = await importModules();
    // A retried create returns the same session.
    const again = await m.createCheckoutSession(
      { ...order, expiresAt: new Date(Number(call.body.expires_at) * 1000) },
      "http://shop.test",
    );
    expect(again.id).toBe(session.id);
  });
});

describe("webhook", () => {
  test("a completed session marks the order paid, once, even when the event is delivered twice", async () => {
    const { order, session } = await stripeOrder(2);
    expect(await stock()).toEqual({ stock: 3, soldCount: 0 });
    const event = standIn.completeSession(session.id);
    const first = await deliver(event);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ outcome: "handled" });
    const second = await deliver(event);
    expect(await second.json()).toMatchObject({ outcome: "duplicate" });
    const saved = await prisma.order.findUniqueOrThrow({
      where: { id: order.id },
      select: { status: true, stripePaymentIntentId: true, paidAt: true },
    });
    expect(saved.status).toBe("PAID");
    expect(saved.stripePaymentIntentId).toMatch(/^pi_test_/);
    expect(await stock()).toEqual({ stock: 3, soldCount: 2 });
    expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityId: order.id, toState: "PAID" } })).toBe(1);
  });

  test("a bad signature gets 400 and changes nothing", async () => {
    const { order, session } = await stripeOrder(1);
    const event = standIn.completeSession(session.id);
    const { payload } = standIn.sign(event, "whsec_someone_else");
    const forged = standIn.sign(event, "whsec_someone_else").header;
    const m = await importModules();
    const bad = await m.webhookAction({ request: webhookRequest(payload, forged), params: {}, context: {} });
    expect(bad.status).toBe(400);
    const missing = await m.webhookAction({ request: webhookRequest(payload, null), params: {}, context: {} });
    expect(missing.status).toBe(400);
    // A valid signature over a different body is refused too.
    const { header } = standIn.sign(event, WEBHOOK_SECRET);
    const tampered = await m.webhookAction({
      request: webhookRequest(payload.replace("paid", "PAID"), header),
      params: {},
      context: {},
    });
    expect(tampered.status).toBe(400);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status).toBe(
      "PENDING_PAYMENT",
    );
    expect(await prisma.stripeEvent.count()).toBe(0);
    expect(await stock()).toEqual({ stock: 4, soldCount: 0 });
  });

  test("an expired session cancels the order and puts the stock back", async () => {
    const { order, session } = await stripeOrder(3);
    expect((await stock()).stock).toBe(2);
    const res = await deliver(standIn.expireSession(session.id));
    expect(await res.json()).toMatchObject({ outcome: "handled" });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status).toBe(
      "EXPIRED",
    );
    expect((await stock()).stock).toBe(5);
  });

  test("a refund through Stripe's API, then charge.refunded, ends refunded once", async () => {
    const { order, session } = await stripeOrder(2);
    await deliver(standIn.completeSession(session.id));
    const m = await importModules();
    const paid = await prisma.order.findUniqueOrThrow({
      where: { id: order.id },
      select: { stripePaymentIntentId: true },
    });
    const refund = await m.refundPayment(order.id, paid.stripePaymentIntentId!);
    expect(refund.status).toBe("succeeded");
    expect(standIn.requests.at(-1)?.idempotencyKey).toBe(`yimiao-refund-${order.id}`);
    const res = await deliver(standIn.chargeRefunded(paid.stripePaymentIntentId!, 5980));
    expect(await res.json()).toMatchObject({ outcome: "handled" });
    const saved = await prisma.order.findUniqueOrThrow({
      where: { id: order.id },
      select: { status: true, refundedAt: true },
    });
    expect(saved.status).toBe("REFUNDED");
    expect(saved.refundedAt).not.toBeNull();
    expect(await stock()).toEqual({ stock: 5, soldCount: 0 });
  });
});

describe("stock reservation", () => {
  test("concurrent checkouts for the last 3 items sell exactly 3", async () => {
    await prisma.product.update({ where: { id: product.id }, data: { stock: 3 } });
    const m = await importModules();
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        m.createOrder({
          ...buyer,
          buyerPhone: `1391234560${i}`,
          items: [{ productId: product.id, quantity: 1 }],
          paymentMethod: "COUNTER",
        }),
      ),
    );
    const ok = attempts.filter((a) => a.status === "fulfilled");
    const refused = attempts.filter((a) => a.status === "rejected") as PromiseRejectedResult[];
    expect(ok).toHaveLength(3);
    expect(refused).toHaveLength(5);
    for (const r of refused) expect(r.reason).toBeInstanceOf(m.OrderError);
    expect((await stock()).stock).toBe(0);
    expect(await prisma.orderLine.aggregate({ where: { productId: product.id }, _sum: { quantity: true } })).toEqual({
      _sum: { quantity: 3 },
    });
  });

  test("concurrent checkout requests through the route: exactly 3 orders for the last 3 items", async () => {
    await prisma.product.update({ where: { id: product.id }, data: { stock: 3 } });
    const { action } = await import("~/routes/_public.checkout");
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => {
        const body = new URLSearchParams({
          items: `${product.id}:1`,
          buyerName: "并发买家",
          buyerPhone: `1380000000${i}`,
          delivery: "PICKUP",
          paymentMethod: "COUNTER",
        });
        return action({
          request: new Request("http://shop.test/checkout", { method: "POST", body }),
          params: {},
          context: {},
        });
      }),
    );
    // A redirect is a Response; a form reply is Remix's data() with its status in `init`.
    const statusOf = (r: unknown) =>
      r instanceof Response ? r.status : (r as { init?: { status?: number } | null }).init?.status;
    const statuses = responses.map(statusOf).sort();
    expect(statuses).toEqual([302, 302, 302, 409, 409, 409]);
    expect((await stock()).stock).toBe(0);
    expect(await prisma.order.count({ where: { lines: { some: { productId: product.id } } } })).toBe(3);
  });

  test("the expiry sweep releases unpaid offline orders once, and leaves paid ones alone", async () => {
    const m = await importModules();
    const stale = await m.createOrder({
      ...buyer,
      items: [{ productId: product.id, quantity: 2 }],
      paymentMethod: "COUNTER",
      expiresAt: new Date(Date.now() - 1000),
    });
    const paid = await m.createOrder({
      ...buyer,
      items: [{ productId: product.id, quantity: 1 }],
      paymentMethod: "COUNTER",
      expiresAt: new Date(Date.now() - 1000),
    });
    await m.changeOrderStatus({
      orderId: paid.id,
      to: "PAID",
      actor: { id: null, role: "ADMIN" },
      paymentReference: "柜台收据 001",
    });
    const fresh = await m.createOrder({
      ...buyer,
      items: [{ productId: product.id, quantity: 1 }],
      paymentMethod: "BANK_TRANSFER",
    });
    expect((await stock()).stock).toBe(1);
    const [a, b] = await Promise.all([m.sweepExpiredOrders(), m.sweepExpiredOrders()]);
    expect(a + b).toBe(1);
    expect(await m.sweepExpiredOrders()).toBe(0);
    const statuses = await prisma.order.findMany({
      where: { id: { in: [stale.id, paid.id, fresh.id] } },
      select: { id: true, status: true },
    });
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [stale.id]: "EXPIRED",
      [paid.id]: "PAID",
      [fresh.id]: "PENDING_PAYMENT",
    });
    expect(await stock()).toEqual({ stock: 3, soldCount: 1 });
  });
});
