import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";

// Decision 027: a name held by more organizations than one search reads is listed in part,
// and the staff list says so. The organizations are still preparing, so no public page
// lists them; they are removed afterwards.
test("staff searching a name most organizations share are told only part is listed", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  const batch = crypto.randomBytes(3).toString("hex");
  await prisma.organization.createMany({
    data: Array.from({ length: 1_050 }, (_, i) => ({
      name: `鹭洲互助筹备组${batch}-${i}`,
      type: "COMMUNITY",
      status: "PREPARING",
    })),
  });
  try {
    await page.goto("/admin/organizations");
    await page.getByRole("searchbox", { name: "搜索" }).fill("鹭洲");
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(/[?&]q=%E9%B9%AD%E6%B4%B2/);
    await expect(page.getByTestId("name-search-capped")).toContainText(
      /名称与“鹭洲”相符的社会组织很多，这里只列出其中 [\d,]+ 家/,
    );
    const rows = page.getByRole("table", { name: "社会组织列表" }).getByRole("link");
    await expect(rows).toHaveCount(20);
    for (const name of await rows.allTextContents()) expect(name).toContain("鹭洲");
    // The listed part pages by number.
    await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "下一页" }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(rows).toHaveCount(20);

    // The name typed in full comes first, before the names it begins (-70, -700…).
    await page.getByRole("searchbox", { name: "搜索" }).fill(`鹭洲互助筹备组${batch}-7`);
    await page.getByRole("button", { name: "查询" }).click();
    await expect(rows.first()).toHaveText(`鹭洲互助筹备组${batch}-7`);
    await expect(rows.nth(1)).toHaveText(new RegExp(`^鹭洲互助筹备组${batch}-7\\d`));
  } finally {
    await prisma.organization.deleteMany({ where: { name: { startsWith: `鹭洲互助筹备组${batch}-` } } });
  }
});

// Decision 034: a filter applied to a capped search narrows only the part that was read,
// and the page says so; without a filter it does not.
test("staff filtering a capped name search are told the filter applies to the listed part", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  const batch = crypto.randomBytes(3).toString("hex");
  await prisma.organization.createMany({
    data: Array.from({ length: 450 }, (_, i) => ({
      name: `燕子矶互助筹备组${batch}-${i}`,
      type: i % 2 ? "COMMUNITY" : "SOCIAL_GROUP",
      status: "PREPARING",
    })),
  });
  try {
    await page.goto(`/admin/organizations?q=${encodeURIComponent("燕子矶")}`);
    const notice = page.getByTestId("name-search-capped");
    await expect(notice).toContainText("所选排序只在这一部分中进行");
    await expect(notice).not.toContainText("筛选条件");
    await page.goto(`/admin/organizations?q=${encodeURIComponent("燕子矶")}&type=COMMUNITY`);
    await expect(notice).toContainText("筛选条件也只用于这一部分，可能还有符合条件的组织没有列出");
    const rows = page.getByRole("table", { name: "社会组织列表" }).getByRole("link");
    await expect(rows).toHaveCount(20);
  } finally {
    await prisma.organization.deleteMany({ where: { name: { startsWith: `燕子矶互助筹备组${batch}-` } } });
  }
});
