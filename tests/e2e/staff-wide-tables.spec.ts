import type { Locator, Page } from "@playwright/test";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { assign, createReviewRound, submitReview } from "./review-helpers";

// Issue #19 item 14: staff tables fit a 1280 px screen without hiding columns.

/** The column header is wholly on screen, and its table needs no sideways scrolling. */
async function expectColumnShown(page: Page, table: Locator, header: string) {
  const th = table.getByRole("columnheader", { name: header, exact: true });
  await expect(th).toBeInViewport({ ratio: 1 });
  const overflow = await table.evaluate((el) => {
    const box = el.parentElement!;
    return box.scrollWidth - box.clientWidth;
  });
  expect(overflow, `${header}: the table scrolls sideways`).toBeLessThanOrEqual(0);
}

test("staff tables show every column at 1280 px", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const admin = await createUser({ role: "ADMIN" });
  const round = await createReviewRound({ adminId: admin.id, applications: 2, reviewers: 1 });
  for (const application of round.applications) {
    const { id } = await assign(round.call.id, application.id, round.reviewers[0]!.id);
    await submitReview(id, round.criteria, [30, 20, 10]);
  }
  await loginAs(page, admin.id);

  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const audit = page.getByRole("main").getByRole("table");
  for (const header of ["时间", "原因", "IP"]) await expectColumnShown(page, audit, header);

  await page.goto("/admin/registrations");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const registrations = page.getByRole("main").getByRole("table");
  for (const header of ["拟定名称", "首次提交"]) await expectColumnShown(page, registrations, header);

  await page.goto(`/admin/grants/${round.call.id}/applications`);
  const applications = page.getByRole("table", { name: "申报列表" });
  for (const header of ["提交时间"]) await expectColumnShown(page, applications, header);

  await page.goto(`/admin/grants/${round.call.id}/ranking`);
  const ranking = page.getByRole("table", { name: "排名预览" });
  await expect(ranking.getByTestId("ranking-row")).toHaveCount(2);
  for (const header of ["排名", "调整理由"]) await expectColumnShown(page, ranking, header);
});

// Issue #19 item 15: one 统计 entry in the staff menu leads to each area's statistics.
test("the staff menu's 统计 leads to the inspection statistics and the sales report", async ({ page }) => {
  const admin = await createUser({ role: "ADMIN" });
  await loginAs(page, admin.id);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "民政局管理后台导航" }).getByRole("link", { name: "统计" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "统计" })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.getByRole("region", { name: "公益创投" })).toBeVisible();
  await main.getByRole("link", { name: /年检统计/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "年检统计" })).toBeVisible();
  await page.goBack();
  await main.getByRole("link", { name: "销售报表", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "销售报表" })).toBeVisible();
});
