import { prisma } from "~/utils/db.server";
import { expect, randomMobile, test } from "../playwright-utils";
import { lookUpOrder } from "../support/order-lookup";
import { startStripeStandIn, type StripeStandIn } from "../support/stripe-stand-in";
import { addToCartFromProductPage, fillBuyer, listedProduct } from "./showroom-helpers";

// The app server was started with STRIPE_API_* pointing at this port (playwright.config.ts).
test.describe.configure({ mode: "default" });

let standIn: StripeStandIn;

test.beforeAll(async () => {
  // Waits for the port if another Stripe spec's stand-in still holds it.
  test.setTimeout(60_000);
  standIn = await startStripeStandIn({
    port: Number(process.env.STRIPE_STANDIN_PORT ?? "12111"),
    sessionUrl: "success",
    waitForPortMs: 50_000,
  });
});

test.afterAll(async () => {
  await standIn?.close();
});

test("a payment that arrives after staff cancelled the order is refunded once, automatically", async ({
  page,
  login,
  baseURL,
}) => {
  const product = await listedProduct({ priceFen: 4550, stock: 4 });
  const webhook = `${baseURL}/stripe/webhook`;

  // A visitor orders two and is sent to pay online.
  await addToCartFromProductPage(page, product.id, product.name, 2);
  await page.getByRole("link", { name: "去结算" }).click();
  const phone = randomMobile();
  await fillBuyer(page, phone);
  await page.getByLabel("在线支付").check();
  await page.getByRole("button", { name: "提交订单" }).click();
  await expect(page.getByRole("heading", { name: "订单已提交" })).toBeVisible();
  const order = await prisma.order.findFirstOrThrow({
    where: { buyerPhone: phone },
    select: { id: true, orderNo: true, stripeSessionId: true },
  });
  const session = standIn.sessions.get(order.stripeSessionId!)!;

  // Staff cancel it before the money comes in; the stock goes back.
  await login({ role: "ADMIN" });
  await page.goto(`/admin/orders/${order.id}`);
  await expect(page.getByRole("heading", { name: `订单 ${order.orderNo}` })).toBeVisible();
  await page.getByLabel("取消订单理由").fill("买家电话要求取消");
  await page.getByRole("button", { name: "取消订单" }).click();
  await expect(page.getByText("状态：已取消")).toBeVisible();
  expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id }, select: { stock: true } })).stock).toBe(
    4,
  );

  // The buyer had paid anyway. Stripe is down at first: the webhook answers 5xx so Stripe delivers again, and nothing is recorded.
  const paid = standIn.completeSession(session.id);
  const key = `yimiao-late-refund-${session.payment_intent}`;
  standIn.setRefundsDown(true);
  const failed = await standIn.deliver(webhook, paid, "whsec_standin");
  expect(failed.status).toBe(500);
  expect(standIn.refunds).toHaveLength(0);
  expect(await prisma.stripeEvent.count({ where: { id: paid.id } })).toBe(0);
  expect(
    (await prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { lateRefundId: true } })).lateRefundId,
  ).toBeNull();

  // Stripe delivers again: the payment is refunded with the payment's idempotency key.
  standIn.setRefundsDown(false);
  const retried = await standIn.deliver(webhook, paid, "whsec_standin");
  expect(retried.status).toBe(200);
  expect(await retried.json()).toMatchObject({ outcome: "handled" });
  expect(standIn.refunds).toHaveLength(1);
  expect(standIn.refunds[0]).toMatchObject({ payment_intent: session.payment_intent, amount: 9100 });
  const refundId = String(standIn.refunds[0]!.id);
  expect(standIn.refundCalls.filter((c) => c.status === 200)).toEqual([
    { paymentIntent: session.payment_intent, idempotencyKey: key, status: 200, refundId, replayed: false },
  ]);

  // Delivered once more: nothing changes and Stripe is not asked again.
  const callsBefore = standIn.refundCalls.length;
  const again = await standIn.deliver(webhook, paid, "whsec_standin");
  expect(again.status).toBe(200);
  expect(await again.json()).toMatchObject({ outcome: "duplicate" });
  expect(standIn.refunds).toHaveLength(1);
  expect(standIn.refundCalls).toHaveLength(callsBefore);
  expect(standIn.refundCalls.every((c) => c.idempotencyKey === key)).toBe(true);

  // The order stays cancelled, its stock stays released; the system recorded why, and staff were told.
  const saved = await prisma.order.findUniqueOrThrow({
    where: { id: order.id },
    select: { status: true, paidAt: true, lateRefundId: true, lateRefundFen: true, latePaymentIntentId: true },
  });
  expect(saved).toMatchObject({
    status: "CANCELLED",
    paidAt: null,
    lateRefundId: refundId,
    lateRefundFen: 9100,
    latePaymentIntentId: session.payment_intent,
  });
  expect(
    await prisma.product.findUniqueOrThrow({ where: { id: product.id }, select: { stock: true, soldCount: true } }),
  ).toEqual({ stock: 4, soldCount: 0 });
  const audits = await prisma.auditEvent.findMany({
    where: { entityId: order.id, action: "order.late_payment_refund" },
    select: { actorId: true, reason: true },
  });
  expect(audits).toHaveLength(1);
  expect(audits[0]!.actorId).toBeNull();
  expect(audits[0]!.reason).toContain(`系统已自动原路退款（Stripe 退款 ${refundId}）`);
  expect(
    await prisma.notification.count({ where: { title: `订单 ${order.orderNo} 的迟到付款已自动退款` } }),
  ).toBeGreaterThan(0);

  // Staff see the refund on the order page.
  await page.reload();
  const box = page.getByRole("region", { name: "迟到付款退款" });
  await expect(box).toContainText("订单已取消后收到在线付款，系统已原路退回 ¥91.00。");
  await expect(box).toContainText(`Stripe 退款编号：${refundId}`);

  // The buyer sees it when looking the order up.
  await page.context().clearCookies();
  const details = await lookUpOrder(page, order.orderNo, phone);
  await expect(details).toContainText("状态：已取消");
  await expect(details.getByTestId("late-refund")).toHaveText("该订单已取消，您的在线付款 ¥91.00 已原路退回");
});
