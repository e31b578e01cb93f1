// Issue #19 items 2 and 13: an offline order says how to pay (payee account from the rules),
// keeps the order long enough to pay, repeats the delivery method, and the lookup is prefilled.
import { prisma } from "~/utils/db.server";
import { expect, randomMobile, test } from "../playwright-utils";
import { addToCartFromProductPage, fillBuyer, listedProduct } from "./showroom-helpers";

test("a bank-transfer order shows the payee account and the lookup knows its number", async ({ page }) => {
  const product = await listedProduct({ priceFen: 1280, stock: 10 });
  await addToCartFromProductPage(page, product.id, product.name, 1);
  await page.getByRole("link", { name: "去结算" }).click();
  const phone = randomMobile();
  await fillBuyer(page, phone);
  await page.getByLabel("银行转账").check();
  await page.getByRole("button", { name: "提交订单" }).click();
  await expect(page.getByRole("heading", { name: "订单已提交" })).toBeVisible();

  const order = await prisma.order.findFirstOrThrow({
    where: { buyerPhone: phone },
    select: { orderNo: true, createdAt: true, expiresAt: true },
  });
  // Days to pay, not the online 30 minutes.
  expect(order.expiresAt.getTime() - order.createdAt.getTime()).toBeGreaterThan(24 * 3_600_000);
  const help = page.getByTestId("payment-instructions");
  await expect(help).toContainText("收款户名");
  await expect(help).toContainText("南京市江宁区社会组织服务中心");
  await expect(help).toContainText("中国银行南京江宁支行");
  await expect(help).toContainText(order.orderNo);
  await expect(page.getByText(/交付方式：/)).toBeVisible();

  await page.getByRole("link", { name: "查询订单" }).click();
  await expect(page.getByRole("heading", { name: "查询订单" })).toBeVisible();
  await expect(page.getByLabel("订单号")).toHaveValue(order.orderNo);
  await page.getByLabel("手机号码").fill(phone);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("payment-instructions")).toContainText("收款账号");
});
