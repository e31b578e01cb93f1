import { prisma } from "~/utils/db.server";
import { expect, loginAs, randomMobile, test } from "../playwright-utils";
import { addToCartFromProductPage, fillBuyer, listedProduct } from "./showroom-helpers";

test("a visitor orders with counter payment and staff mark it paid", async ({ page, login }) => {
  const product = await listedProduct({ priceFen: 1280, stock: 10 });
  await addToCartFromProductPage(page, product.id, product.name, 2);
  await page.getByRole("link", { name: "去结算" }).click();
  const phone = randomMobile();
  await fillBuyer(page, phone);
  await expect(page.getByLabel("展销厅柜台付款")).toBeChecked();
  await page.getByRole("button", { name: "提交订单" }).click();
  await expect(page.getByRole("heading", { name: "订单已提交" })).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("待支付");
  await expect(page.getByText(/到区民政局公益产品展销厅柜台付款/)).toBeVisible();
  const order = await prisma.order.findFirstOrThrow({
    where: { buyerPhone: phone },
    select: { id: true, orderNo: true, totalFen: true },
  });
  expect(order.totalFen).toBe(2560);
  await expect(page.getByText(order.orderNo)).toBeVisible();

  await login({ role: "ADMIN" });
  await page.goto(`/admin/orders?q=${order.orderNo}`);
  await expect(page.getByRole("heading", { name: "订单管理" })).toBeVisible();
  await page.getByRole("link", { name: order.orderNo }).click();
  await expect(page.getByRole("heading", { name: `订单 ${order.orderNo}` })).toBeVisible();
  // A reference is required.
  await page.getByRole("button", { name: "确认收款" }).click();
  await expect(page.getByLabel("付款凭证号")).toHaveAccessibleDescription(/确认收款请填写付款凭证号/);
  await expect(page.getByRole("form", { name: "确认收款" }).getByText("确认收款请填写付款凭证号")).toBeVisible();
  await page.getByLabel("付款凭证号").fill("柜台收据 No.0001");
  await page.getByRole("button", { name: "确认收款" }).click();
  await expect(page.getByText("状态：已支付")).toBeVisible();
  await expect(page.getByText("付款凭证：柜台收据 No.0001")).toBeVisible();
  await page.getByRole("button", { name: "已自提" }).click();
  await expect(page.getByText("状态：已自提")).toBeVisible();
  await page.getByRole("button", { name: "完成" }).click();
  await expect(page.getByText("状态：已完成")).toBeVisible();

  const saved = await prisma.product.findUniqueOrThrow({
    where: { id: product.id },
    select: { stock: true, soldCount: true },
  });
  expect(saved).toEqual({ stock: 8, soldCount: 2 });

  // The sale shows in the report with its split (70/30 of ¥25.60), and exports to Excel.
  await page.goto("/admin/sales");
  await expect(page.getByRole("heading", { name: "销售报表" })).toBeVisible();
  await expect(page.getByRole("img", { name: "按月销售额" })).toBeVisible();
  const row = page.getByRole("main").getByRole("row", { name: new RegExp(product.name) });
  await expect(row).toContainText("¥25.60");
  await expect(row).toContainText("¥17.92");
  await expect(row).toContainText("¥7.68");
  const download = await page.request.get("/admin/sales/export");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toContain("spreadsheetml");
  expect((await download.body()).subarray(0, 2).toString()).toBe("PK");

  // The organization sees the order for its product and its sales.
  await page.context().clearCookies();
  await loginAs(page, product.memberId);
  await page.goto("/org/orders");
  await expect(page.getByRole("heading", { name: "订单与销售" })).toBeVisible();
  const orderRow = page.getByRole("main").getByRole("row", { name: new RegExp(order.orderNo) });
  await expect(orderRow).toContainText("已完成");
  await expect(orderRow).toContainText("¥17.92");
});
