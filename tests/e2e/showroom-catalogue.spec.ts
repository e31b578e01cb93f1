import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";
import { createListedProduct, createShowroomOrg } from "../support/showroom-fixtures";
import { uniqueName } from "./showroom-helpers";

test("a visitor browses by organization and category, sorts by price, on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const { org, member } = await createShowroomOrg(prisma, uniqueName("展销测试手工坊"));
  const base = { organizationId: org.id, createdById: member.id };
  const cheap = await createListedProduct(prisma, { ...base, name: uniqueName("书签"), priceFen: 1800 });
  const dear = await createListedProduct(prisma, { ...base, name: uniqueName("围巾"), priceFen: 12800 });
  const tea = await createListedProduct(prisma, { ...base, name: uniqueName("绿茶"), priceFen: 9600 });
  await prisma.product.update({ where: { id: tea.id }, data: { category: "FARM", soldCount: 7 } });
  // Not listed yet: never shown.
  await prisma.product.create({
    data: {
      ...base,
      name: uniqueName("待审核产品"),
      category: "OTHER",
      description: "x".repeat(12),
      makerStory: "y".repeat(12),
      priceFen: 100,
      stock: 1,
      makerSharePct: 70,
      fundSharePct: 30,
      status: "PENDING",
    },
  });

  await page.goto("/products");
  await expect(page.getByRole("heading", { name: "公益产品" })).toBeVisible();
  await page.getByLabel("社会组织").selectOption({ label: org.name });
  await page.getByLabel("排序").selectOption({ label: "价格从低到高" });
  await page.getByRole("button", { name: "查询" }).click();
  const cards = page.getByRole("main").getByRole("listitem");
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(0)).toContainText(cheap.name);
  await expect(cards.nth(1)).toContainText(tea.name);
  await expect(cards.nth(2)).toContainText(dear.name);
  await expect(cards.nth(0)).toContainText("¥18.00");

  await page.getByLabel("类别").selectOption({ label: "农副产品" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText("已售 7");

  await cards.first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: tea.name })).toBeVisible();
  await expect(page.getByRole("link", { name: org.name })).toHaveAttribute("href", `/orgs/${org.id}`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
