import type { Page } from "@playwright/test";
import { prisma } from "~/utils/db.server";
import { expect, loginAs, test } from "../playwright-utils";
import { listedProduct } from "./showroom-helpers";

/** The organization opens its product from the list and waits for the edit page. */
async function openOwnProduct(page: Page, name: string) {
  await page.goto("/org/products");
  await expect(page.getByRole("heading", { name: "公益产品" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

function ownRow(page: Page, name: string) {
  return page.getByRole("main").getByRole("row", { name: new RegExp(name) });
}

/** What a visitor finds when searching the public catalogue for the product. */
async function expectInCatalogue(page: Page, name: string, listed: boolean) {
  await page.goto(`/products?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("heading", { name: "公益产品" })).toBeVisible();
  const cards = page.getByRole("main").getByRole("listitem");
  if (listed) {
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toContainText(name);
  } else {
    await expect(page.getByText("没有找到符合条件的产品。")).toBeVisible();
    await expect(cards).toHaveCount(0);
  }
}

async function productRow(id: string) {
  return prisma.product.findUniqueOrThrow({
    where: { id },
    select: { status: true, priceFen: true, stock: true, makerStory: true, returnReason: true },
  });
}

test("a stock change keeps the listing; a price change sends it back to screening until staff list it again", async ({
  page,
  login,
}) => {
  const product = await listedProduct({ priceFen: 2990, stock: 10 });
  await loginAs(page, product.memberId);

  // Stock only: still listed, no screening.
  await openOwnProduct(page, product.name);
  await expect(page.getByText("状态：已上架")).toBeVisible();
  await page.getByLabel("库存（件）").fill("25");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toHaveText("产品已保存。");
  await expect(ownRow(page, product.name)).toContainText("已上架");
  await expect(ownRow(page, product.name).getByRole("cell").nth(3)).toHaveText("25");
  expect(await productRow(product.id)).toMatchObject({ status: "LISTED", stock: 25, priceFen: 2990 });
  await expectInCatalogue(page, product.name, true);

  // Price: back to 待审核, gone from the public catalogue and its page.
  await openOwnProduct(page, product.name);
  await page.getByLabel("单价（元）").fill("39.90");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toHaveText("产品已提交，等待民政局审核。");
  await expect(ownRow(page, product.name)).toContainText("待审核");
  await expect(ownRow(page, product.name)).toContainText("¥39.90");
  expect(await productRow(product.id)).toMatchObject({ status: "PENDING", priceFen: 3990 });
  const audit = await prisma.auditEvent.findFirstOrThrow({
    where: { entityType: "Product", entityId: product.id, toState: "PENDING" },
    select: { fromState: true, actorId: true },
  });
  expect(audit).toEqual({ fromState: "LISTED", actorId: product.memberId });
  await expectInCatalogue(page, product.name, false);
  const publicPage = await page.goto(`/products/${product.id}`);
  expect(publicPage?.status()).toBe(404);
  await expect(page.getByText("该产品不存在或已下架")).toBeVisible();

  // Staff list it again: the public sees the new price.
  await page.context().clearCookies();
  await login({ role: "ADMIN" });
  await page.goto("/admin/products?status=PENDING");
  await expect(page.getByRole("heading", { name: "产品审核" })).toBeVisible();
  const card = page.getByRole("listitem", { name: product.name });
  await expect(card).toContainText("¥39.90");
  await card.getByRole("button", { name: "上架" }).click();
  await expect(card).toHaveCount(0);
  await expectInCatalogue(page, product.name, true);
  await expect(page.getByRole("main").getByRole("listitem").first()).toContainText("¥39.90");
});

test("a change of the maker's story is screened again", async ({ page }) => {
  const product = await listedProduct();
  await loginAs(page, product.memberId);
  await openOwnProduct(page, product.name);
  await page.getByLabel("制作者的故事").fill("学员们每周二在社区工坊一起编织，这是她们的第一批作品。");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toHaveText("产品已提交，等待民政局审核。");
  await expect(ownRow(page, product.name)).toContainText("待审核");
  expect(await productRow(product.id)).toMatchObject({
    status: "PENDING",
    makerStory: "学员们每周二在社区工坊一起编织，这是她们的第一批作品。",
  });
  await expectInCatalogue(page, product.name, false);
});

test("the organization takes its product down with a reason and may ask to list it again", async ({ page }) => {
  const product = await listedProduct();
  await loginAs(page, product.memberId);
  await openOwnProduct(page, product.name);

  // No reason: a field error in Chinese, nothing changes.
  await page.getByRole("button", { name: "下架", exact: true }).click();
  const reason = page.getByLabel("下架理由");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("请填写下架理由")).toBeVisible();
  expect((await productRow(product.id)).status).toBe("LISTED");

  await reason.fill("原材料用完，暂停销售");
  await page.getByRole("button", { name: "下架", exact: true }).click();
  await expect(page.getByText("状态：已下架（原材料用完，暂停销售）")).toBeVisible();
  expect(await productRow(product.id)).toMatchObject({ status: "UNLISTED", returnReason: "原材料用完，暂停销售" });
  const audit = await prisma.auditEvent.findFirstOrThrow({
    where: { entityType: "Product", entityId: product.id, toState: "UNLISTED" },
    select: { reason: true, actorId: true },
  });
  expect(audit).toEqual({ reason: "原材料用完，暂停销售", actorId: product.memberId });

  // The public no longer sees it.
  await expectInCatalogue(page, product.name, false);
  expect((await page.goto(`/products/${product.id}`))?.status()).toBe(404);

  // Back to screening on request.
  await openOwnProduct(page, product.name);
  await page.getByRole("button", { name: "申请重新上架" }).click();
  await expect(page.getByRole("status")).toHaveText("产品已提交，等待民政局审核。");
  await expect(ownRow(page, product.name)).toContainText("待审核");
  expect(await productRow(product.id)).toMatchObject({ status: "PENDING", returnReason: null });
});
