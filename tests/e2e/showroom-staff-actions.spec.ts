import type { Page } from "@playwright/test";
import { createOrder } from "~/modules/showroom/orders.server";
import { prisma } from "~/utils/db.server";
import { expect, loginAs, randomMobile, test } from "../playwright-utils";
import { lookUpOrder } from "../support/order-lookup";
import { createPendingProduct, createShowroomOrg } from "../support/showroom-fixtures";
import { listedProduct, uniqueName } from "./showroom-helpers";

/** Staff open a status tab of the screening page and find the product's card. */
async function screeningCard(page: Page, status: string, name: string) {
  await page.goto(`/admin/products?status=${status}`);
  await expect(page.getByRole("heading", { name: "产品审核" })).toBeVisible();
  const card = page.getByRole("listitem", { name });
  await expect(card).toBeVisible();
  return card;
}

async function lastAudit(entityType: string, entityId: string, toState: string) {
  return prisma.auditEvent.findFirstOrThrow({
    where: { entityType, entityId, toState },
    orderBy: { createdAt: "desc" },
    select: { fromState: true, reason: true, actorId: true },
  });
}

test("staff return a product with a reason; the organization reads it, fixes and resubmits", async ({
  page,
  login,
}) => {
  const { org, member } = await createShowroomOrg(prisma);
  const product = await createPendingProduct(prisma, {
    organizationId: org.id,
    createdById: member.id,
    name: uniqueName("布艺收纳袋"),
  });
  const admin = await login({ role: "ADMIN" });
  const card = await screeningCard(page, "PENDING", product.name);

  // No reason: refused in Chinese at the reason field, nothing changes.
  await card.getByRole("button", { name: "退回" }).click();
  await expect(card.getByLabel("理由（退回、下架时必填）")).toHaveAccessibleDescription("「退回」必须填写理由");
  await expect(card.getByRole("form").getByRole("alert")).toHaveText("「退回」必须填写理由");
  expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id }, select: { status: true } })).status).toBe(
    "PENDING",
  );

  await card.getByLabel("理由（退回、下架时必填）").fill("图片太暗，请补拍清晰的正面照片");
  await card.getByRole("button", { name: "退回" }).click();
  await expect(card).toHaveCount(0);
  expect(await lastAudit("Product", product.id, "RETURNED")).toEqual({
    fromState: "PENDING",
    reason: "图片太暗，请补拍清晰的正面照片",
    actorId: admin.id,
  });

  // The organization sees the reason in its list and on the product, fixes and resubmits.
  await page.context().clearCookies();
  await loginAs(page, member.id);
  await page.goto("/org/products");
  await expect(page.getByRole("heading", { name: "公益产品" })).toBeVisible();
  const row = page.getByRole("main").getByRole("row", { name: new RegExp(product.name) });
  await expect(row).toContainText("已退回");
  await expect(row).toContainText("图片太暗，请补拍清晰的正面照片");
  await row.getByRole("link", { name: product.name }).click();
  await expect(page.getByRole("heading", { name: product.name })).toBeVisible();
  await expect(page.getByText("状态：已退回（图片太暗，请补拍清晰的正面照片）")).toBeVisible();
  await page.getByLabel("产品介绍").fill("手工缝制的布艺收纳袋，已补拍正面照片，做工细致。");
  await page.getByRole("button", { name: "修改后重新提交" }).click();
  await expect(page.getByRole("status")).toHaveText("产品已提交，等待民政局审核。");
  await expect(row).toContainText("待审核");
  await expect(row).not.toContainText("图片太暗");
  expect(
    await prisma.product.findUniqueOrThrow({ where: { id: product.id }, select: { status: true, returnReason: true } }),
  ).toEqual({
    status: "PENDING",
    returnReason: null,
  });
});

test("staff take a listed product down with a reason; the public no longer sees it", async ({ page, login }) => {
  const product = await listedProduct({ name: uniqueName("竹编果篮") });
  await page.goto(`/products?q=${encodeURIComponent(product.name)}`);
  await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(1);

  const admin = await login({ role: "ADMIN" });
  const card = await screeningCard(page, "LISTED", product.name);
  await card.getByLabel("理由（退回、下架时必填）").fill("收到质量投诉，暂停销售待核实");
  await card.getByRole("button", { name: "下架" }).click();
  await expect(card).toHaveCount(0);
  expect(await lastAudit("Product", product.id, "UNLISTED")).toEqual({
    fromState: "LISTED",
    reason: "收到质量投诉，暂停销售待核实",
    actorId: admin.id,
  });

  await page.goto(`/products?q=${encodeURIComponent(product.name)}`);
  await expect(page.getByText("没有找到符合条件的产品。")).toBeVisible();
  expect((await page.goto(`/products/${product.id}`))?.status()).toBe(404);
  await expect(page.getByText("该产品不存在或已下架")).toBeVisible();

  // The organization sees why.
  await page.context().clearCookies();
  await loginAs(page, product.memberId);
  await page.goto(`/org/products/${product.id}`);
  await expect(page.getByText("状态：已下架（收到质量投诉，暂停销售待核实）")).toBeVisible();
});

test("staff cancel an unpaid order with a reason: stock comes back and the buyer sees it", async ({ page, login }) => {
  const product = await listedProduct({ name: uniqueName("手工香皂"), priceFen: 1500, stock: 2 });
  const phone = randomMobile();
  const order = await createOrder({
    items: [{ productId: product.id, quantity: 2 }],
    buyerName: "周敏",
    buyerPhone: phone,
    delivery: "PICKUP",
    address: null,
    paymentMethod: "COUNTER",
  });
  const catalogueCard = page.getByRole("main").getByRole("listitem");
  await page.goto(`/products?q=${encodeURIComponent(product.name)}`);
  await expect(catalogueCard).toContainText("已售罄");

  const admin = await login({ role: "ADMIN" });
  await page.goto(`/admin/orders?q=${order.orderNo}`);
  await expect(page.getByRole("heading", { name: "订单管理" })).toBeVisible();
  await page.getByRole("link", { name: order.orderNo }).click();
  await expect(page.getByRole("heading", { name: `订单 ${order.orderNo}` })).toBeVisible();

  // No reason: refused in Chinese at the reason field, the order stays unpaid.
  await page.getByRole("button", { name: "取消订单" }).click();
  await expect(page.getByLabel("取消订单理由")).toHaveAccessibleDescription("「取消订单」必须填写理由");
  await expect(page.getByRole("form", { name: "取消订单" }).getByRole("alert")).toHaveText("「取消订单」必须填写理由");
  await expect(page.getByText("状态：待支付")).toBeVisible();

  await page.getByLabel("取消订单理由").fill("买家来电要求取消");
  await page.getByRole("button", { name: "取消订单" }).click();
  await expect(page.getByText("状态：已取消")).toBeVisible();
  await expect(page.getByRole("button", { name: "取消订单" })).toHaveCount(0);
  expect(await lastAudit("Order", order.id, "CANCELLED")).toEqual({
    fromState: "PENDING_PAYMENT",
    reason: "买家来电要求取消",
    actorId: admin.id,
  });

  // The stock is back on sale.
  await page.goto(`/products?q=${encodeURIComponent(product.name)}`);
  await expect(catalogueCard).toHaveCount(1);
  await expect(catalogueCard).not.toContainText("已售罄");
  await page.goto(`/products/${product.id}`);
  await expect(page.getByText("库存 2 件")).toBeVisible();
  await expect(page.getByRole("button", { name: "加入购物车" })).toBeVisible();

  // The buyer looks the order up and reads the cancellation and its reason.
  await page.context().clearCookies();
  const details = await lookUpOrder(page, order.orderNo, phone);
  await expect(details).toContainText("状态：已取消");
  await expect(details).toContainText("取消原因：买家来电要求取消");
});
