import type { Page } from "@playwright/test";
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { assign, createReviewRound } from "./review-helpers";
import { addToCartFromProductPage, listedProduct, uniqueName } from "./showroom-helpers";

// Issue #19 items 4–8 and #16 item 5: on a phone nothing scrolls sideways, lists
// become cards and everything tappable is at least 44 px high.

async function scrollsSideways(page: Page) {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
}

/** Tappable things lower than 44 px (a radio or checkbox counts by its label). */
async function smallTargets(page: Page) {
  return page.evaluate(() => {
    const selector = [
      "a[href]",
      "button",
      "select",
      "textarea",
      "summary",
      "input:not([type=hidden]):not([type=radio]):not([type=checkbox])",
      "label:has(> input[type=radio])",
      "label:has(> input[type=checkbox])",
    ].join(",");
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 1 && box.height > 1 && box.height < 44 && el.checkVisibility();
      })
      .map(
        (el) =>
          `${el.tagName} “${el.textContent?.trim().slice(0, 20)}” ${Math.round(el.getBoundingClientRect().height)}px`,
      );
  });
}

async function expectPhoneFriendly(page: Page, what: string) {
  expect(await scrollsSideways(page), `${what} scrolls sideways`).toBeLessThanOrEqual(0);
  expect(await smallTargets(page), `${what}: targets under 44 px`).toEqual([]);
}

test("the cart on a 390 px phone: names on one line, quantity and price beneath, big targets", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const product = await listedProduct({ name: uniqueName("社区助老手工编织保暖围巾礼盒装") });
  await addToCartFromProductPage(page, product.id, product.name, 2);
  const main = page.getByRole("main");
  const name = main.getByRole("link", { name: product.name });
  // The name has the row's width, not one character's.
  expect((await name.boundingBox())!.width).toBeGreaterThan(150);
  const quantity = main.getByLabel(`${product.name}数量`);
  await expect(quantity).toBeInViewport();
  expect((await quantity.boundingBox())!.y).toBeGreaterThan((await name.boundingBox())!.y);
  await expect(main.getByRole("button", { name: "移除" })).toBeInViewport();
  await expectPhoneFriendly(page, "/cart");
});

for (const width of [390, 375]) {
  test(`the reviewer's tasks on a ${width} px phone are cards with 开始评分 in view`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const admin = await createUser({ role: "ADMIN" });
    const round = await createReviewRound({ adminId: admin.id, applications: 1, reviewers: 1 });
    const [reviewer] = round.reviewers;
    const [application] = round.applications;
    await assign(round.call.id, application!.id, reviewer!.id);
    await prisma.grantApplication.update({
      where: { id: application!.id },
      data: { title: `${application!.title}——社区长者助餐与邻里互助服务项目` },
    });

    await loginAs(page, reviewer!.id);
    await page.goto("/reviewer/reviews");
    await expect(page.getByRole("heading", { level: 1, name: "评审任务" })).toBeVisible();
    const task = page.getByRole("main").getByTestId("review-task");
    await expect(task).toHaveCount(1);
    await expect(task.getByRole("link", { name: "开始评分" })).toBeInViewport();
    // A card: the title spans the card, not a column two characters wide.
    expect((await task.getByRole("link").first().boundingBox())!.width).toBeGreaterThan(width / 2);
    await expectPhoneFriendly(page, "/reviewer/reviews");

    await task.getByRole("link", { name: "开始评分" }).click();
    await expect(page.getByText("总体推荐")).toBeVisible();
    await expect(page.getByRole("region", { name: "预算" })).toBeVisible();
    await expectPhoneFriendly(page, "the task page");
  });
}

test("the directory's filters fold behind 筛选 on a phone and the results stay in view", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/orgs?q=社会");
  await expect(page.getByRole("heading", { level: 1, name: "社会组织名录" })).toBeVisible();
  await expect(page.getByLabel("类型")).toBeHidden();
  await expect(page.getByTestId("directory-count")).toBeInViewport();
  await page.getByText("筛选", { exact: true }).click();
  await page.getByLabel("类型").selectOption("FOUNDATION");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/type=FOUNDATION/);
  await expect(page.getByText("筛选（已选 1 项）")).toBeVisible();
  await expectPhoneFriendly(page, "/orgs");

  // On a wide screen the filters are simply there.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/orgs");
  await expect(page.getByLabel("类型")).toBeVisible();
});

test("an organization's public page with its 变更记录 fits a 375 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const change = await prisma.organizationChange.findFirstOrThrow({
    where: { organization: { status: "REGISTERED" } },
    select: { organizationId: true },
  });
  await page.goto(`/orgs/${change.organizationId}`);
  await expect(page.getByRole("region", { name: "变更记录" }).getByRole("row").first()).toBeAttached();
  await expectPhoneFriendly(page, "/orgs/:id");
});

test("the staff's registration queue is a list of cards on a 375 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const admin = await createUser({ role: "ADMIN" });
  await loginAs(page, admin.id);
  await page.goto("/admin/registrations");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const rows = page.getByRole("table", { name: "登记申请列表" }).getByRole("row");
  // A card is as wide as the screen allows, its name on a line of its own.
  const first = rows.nth(1);
  await expect(first).toBeVisible();
  expect((await first.boundingBox())!.width).toBeGreaterThan(300);
  expect(await scrollsSideways(page), "/admin/registrations scrolls sideways").toBeLessThanOrEqual(0);
});
