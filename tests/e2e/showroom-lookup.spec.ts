import { createOrder } from "~/modules/showroom/orders.server";
import { expect, randomMobile, test } from "../playwright-utils";
import { listedProduct } from "./showroom-helpers";

test("a buyer looks up an order by number and phone without an account", async ({ page }) => {
  const product = await listedProduct({ priceFen: 3600, stock: 5 });
  const phone = randomMobile();
  const order = await createOrder({
    items: [{ productId: product.id, quantity: 1 }],
    buyerName: "赵晓丽",
    buyerPhone: phone,
    delivery: "PICKUP",
    address: null,
    paymentMethod: "BANK_TRANSFER",
  });

  await page.goto("/orders/lookup");
  await expect(page.getByRole("heading", { name: "查询订单" })).toBeVisible();
  await page.getByLabel("订单号").fill(order.orderNo);
  await page.getByLabel("手机号码").fill("13800000000");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByText("没有找到该订单，请核对订单号和手机号码")).toBeVisible();

  await page.getByLabel("手机号码").fill(phone);
  await page.getByRole("button", { name: "查询" }).click();
  const details = page.getByRole("region", { name: "订单详情" });
  await expect(details).toContainText(`订单 ${order.orderNo}`);
  await expect(details).toContainText("状态：待支付");
  await expect(details).toContainText(`${product.name} × 1`);
  await expect(details).toContainText("合计 ¥36.00");
});
