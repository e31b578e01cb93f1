import { createOrder } from "~/modules/showroom/orders.server";
import { prisma } from "~/utils/db.server";
import { expect, randomMobile, test } from "../playwright-utils";
import { listedProduct } from "./showroom-helpers";

// Every request here comes from the same loopback address as the other specs, so this
// journey trips the per-order-number limit (10) and stays under the per-address one (20).
test("guessing the phone of one order is stopped after 10 failed lookups", async ({ page, request }) => {
  const product = await listedProduct({ priceFen: 1200, stock: 5 });
  const place = (phone: string) =>
    createOrder({
      items: [{ productId: product.id, quantity: 1 }],
      buyerName: "钱佳",
      buyerPhone: phone,
      delivery: "PICKUP",
      address: null,
      paymentMethod: "COUNTER",
    });
  const phone = randomMobile();
  const target = await place(phone);
  const other = await place(phone);

  for (let i = 0; i < 10; i += 1) {
    const guess = await request.post("/orders/lookup", {
      form: { orderNo: target.orderNo, buyerPhone: `1390000${String(1000 + i)}` },
    });
    expect(guess.status()).toBe(404);
  }
  const rows = await prisma.orderLookupAttempt.findMany({
    where: { orderNo: target.orderNo },
    select: { ipHash: true },
  });
  expect(rows).toHaveLength(10);
  expect(rows[0]!.ipHash).toMatch(/^[0-9a-f]{64}$/); // the address is stored hashed

  // The 11th try is refused even with the right phone, with the message next to the form and the values kept.
  await page.goto("/orders/lookup");
  await expect(page.getByRole("heading", { name: "查询订单" })).toBeVisible();
  await page.getByLabel("订单号").fill(target.orderNo);
  await page.getByLabel("手机号码").fill(phone);
  const answer = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/orders/lookup"));
  await page.getByRole("button", { name: "查询" }).click();
  expect((await answer).status()).toBe(429);
  await expect(page.getByRole("main").getByText("查询过于频繁，请 15 分钟后再试")).toBeVisible();
  await expect(page.getByRole("region", { name: "订单详情" })).toHaveCount(0);
  await expect(page.getByLabel("订单号")).toHaveValue(target.orderNo);
  await expect(page.getByLabel("手机号码")).toHaveValue(phone);

  // Another order from the same address is still answered: the address is not blocked.
  await page.getByLabel("订单号").fill(other.orderNo);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByRole("region", { name: "订单详情" })).toContainText(`订单 ${other.orderNo}`);
});
