// The buyer's order lookup as a visitor does it, for specs that end by checking what the buyer sees.
import { expect, type Page } from "@playwright/test";

export async function lookUpOrder(page: Page, orderNo: string, phone: string) {
  await page.goto("/orders/lookup");
  await expect(page.getByRole("heading", { name: "查询订单" })).toBeVisible();
  await page.getByLabel("订单号").fill(orderNo);
  await page.getByLabel("手机号码").fill(phone);
  await page.getByRole("button", { name: "查询" }).click();
  return page.getByRole("region", { name: "订单详情" });
}
