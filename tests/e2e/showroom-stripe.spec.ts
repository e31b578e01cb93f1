import { prisma } from "~/utils/db.server";
import { expect, randomMobile, test } from "../playwright-utils";
import { startStripeStandIn, type StripeStandIn } from "../support/stripe-stand-in";
import { addToCartFromProductPage, fillBuyer, PNG, uniqueName } from "./showroom-helpers";

// The app server was started with STRIPE_API_* pointing at this port (playwright.config.ts).
test.describe.configure({ mode: "default" });

let standIn: StripeStandIn;

test.beforeAll(async () => {
  standIn = await startStripeStandIn({
    port: Number(process.env.STRIPE_STANDIN_PORT ?? "12111"),
    sessionUrl: "success",
  });
});

test.afterAll(async () => {
  await standIn?.close();
});

test("an organization submits a product, staff list it, a visitor buys 2 and pays online", async ({
  page,
  login,
  baseURL,
}) => {
  const name = uniqueName("布艺收纳篮");
  await login({ role: "ORG_MEMBER" });
  await page.goto("/org/products/new");
  await expect(page.getByRole("heading", { name: "提交公益产品" })).toBeVisible();
  await page.getByLabel("产品名称").fill(name);
  await page.getByLabel("类别").selectOption({ label: "手工艺品" });
  await page.getByLabel("产品介绍").fill("棉麻布料手工缝制的收纳篮，结实耐用，可折叠。");
  await page.getByLabel("制作者的故事").fill("由街道残疾人之家的学员一针一线缝制，每售出一件都是对她们的鼓励。");
  await page.getByLabel("单价（元）").fill("45.50");
  await page.getByLabel("库存（件）").fill("5");
  await page.getByLabel("制作者分成（%）").fill("70");
  await page.getByLabel("社区微基金分成（%）").fill("30");
  await page.getByLabel("产品图片").setInputFiles([{ name: "basket.png", mimeType: "image/png", buffer: PNG }]);
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("产品已提交，等待民政局审核。")).toBeVisible();
  await expect(page.getByRole("main").getByRole("row", { name: new RegExp(name) })).toContainText("待审核");

  // Staff screen it.
  await page.context().clearCookies();
  await login({ role: "ADMIN" });
  await page.goto("/admin/products");
  await expect(page.getByRole("heading", { name: "产品审核" })).toBeVisible();
  const card = page.getByRole("listitem", { name });
  await expect(card.locator("img").first()).toBeVisible();
  await card.getByRole("button", { name: "上架" }).click();
  await expect(card).toHaveCount(0);

  // A visitor without an account finds it and buys two.
  await page.context().clearCookies();
  await page.goto("/products");
  await page.getByLabel("产品名称").fill(name);
  await page.getByRole("button", { name: "查询" }).click();
  await page.getByRole("link", { name: new RegExp(name) }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("库存 5 件 · 已售 0 件")).toBeVisible();
  const product = await prisma.product.findFirstOrThrow({ where: { name }, select: { id: true } });
  await addToCartFromProductPage(page, product.id, name, 2);
  await expect(page.getByText("¥91.00").first()).toBeVisible();
  // The cart survives a reload.
  await page.reload();
  await expect(page.getByRole("main").getByRole("link", { name })).toBeVisible();
  await page.getByRole("link", { name: "去结算" }).click();
  const phone = randomMobile();
  await fillBuyer(page, phone);
  await page.getByLabel("在线支付").check();
  await page.getByRole("button", { name: "提交订单" }).click();

  // The stand-in's "payment page" is the success URL; nothing is paid yet.
  await expect(page.getByRole("heading", { name: "订单已提交" })).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("待支付");
  const order = await prisma.order.findFirstOrThrow({
    where: { buyerPhone: phone },
    select: { id: true, orderNo: true, stripeSessionId: true },
  });
  const session = standIn.sessions.get(order.stripeSessionId!)!;
  expect(session.currency).toBe("cny");
  expect(session.amount_total).toBe(9100);
  expect(session.metadata.orderId).toBe(order.id);
  expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id }, select: { stock: true } })).stock).toBe(
    3,
  );

  // Stripe sends the signed completion event; the success page re-checks and says paid.
  const response = await standIn.deliver(
    `${baseURL}/stripe/webhook`,
    standIn.completeSession(session.id),
    "whsec_standin",
  );
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ outcome: "handled" });
  await page.reload();
  await expect(page.getByRole("heading", { name: "支付成功" })).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("已支付");
  expect(standIn.requests.some((r) => r.method === "GET" && r.path === `/v1/checkout/sessions/${session.id}`)).toBe(
    true,
  );

  // A forged delivery is refused.
  const forged = await standIn.deliver(`${baseURL}/stripe/webhook`, standIn.completeSession(session.id), "whsec_wrong");
  expect(forged.status).toBe(400);

  await page.goto(`/products/${product.id}`);
  await expect(page.getByText("库存 3 件 · 已售 2 件")).toBeVisible();

  // Staff refund it through Stripe's refund API; Stripe's charge.refunded event then changes nothing more.
  await login({ role: "ADMIN" });
  await page.goto(`/admin/orders/${order.id}`);
  await expect(page.getByRole("heading", { name: `订单 ${order.orderNo}` })).toBeVisible();
  await page.getByLabel("退款理由").fill("买家申请退款");
  await page.getByRole("button", { name: "退款（在线原路退回）" }).click();
  await expect(page.getByText("状态：已退款")).toBeVisible();
  expect(standIn.refunds).toHaveLength(1);
  expect(standIn.refunds[0]).toMatchObject({ payment_intent: session.payment_intent, amount: 9100 });
  const refunded = await standIn.deliver(
    `${baseURL}/stripe/webhook`,
    standIn.chargeRefunded(session.payment_intent!, 9100),
    "whsec_standin",
  );
  expect(await refunded.json()).toMatchObject({ outcome: "ignored" });
  expect(
    await prisma.product.findUniqueOrThrow({ where: { id: product.id }, select: { stock: true, soldCount: true } }),
  ).toEqual({
    stock: 5,
    soldCount: 0,
  });
});
