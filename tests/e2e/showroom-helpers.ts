import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { solidPng } from "~/modules/showroom/png";
import { prisma } from "~/utils/db.server";
import { expect } from "../playwright-utils";
import { createListedProduct, createShowroomOrg } from "../support/showroom-fixtures";

export const PNG = solidPng(48, 48, [200, 120, 40]);

export function uniqueName(base: string) {
  return `${base}${crypto.randomBytes(3).toString("hex")}`;
}

/** A listed product of a fresh organization, with one public image. */
export async function listedProduct(input: { name?: string; priceFen?: number; stock?: number } = {}) {
  const { org, member } = await createShowroomOrg(prisma);
  const product = await createListedProduct(prisma, {
    organizationId: org.id,
    createdById: member.id,
    name: input.name ?? uniqueName("手工编织杯垫"),
    ...input,
  });
  return { ...product, organization: org, memberId: member.id };
}

/** A visitor puts `quantity` of the product in the cart from its public page. */
export async function addToCartFromProductPage(page: Page, productId: string, productName: string, quantity: number) {
  await page.goto(`/products/${productId}`);
  await expect(page.getByRole("heading", { name: productName })).toBeVisible();
  await page.getByLabel("数量").fill(String(quantity));
  await page.getByRole("button", { name: "加入购物车" }).click();
  await expect(page.getByRole("heading", { name: "购物车" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: productName })).toBeVisible();
}

export async function fillBuyer(page: Page, phone: string) {
  await expect(page.getByRole("heading", { name: "结算" })).toBeVisible();
  await page.getByLabel("姓名").fill("王小梅");
  await page.getByLabel("手机号码").fill(phone);
  await page.getByLabel("展销厅自提").check();
}
