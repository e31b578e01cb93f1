// #13 item 9: the organization's funded projects with the stage, what it has to do next
// (linking to the tab it is done on) and its overdue items; reached from the menu; cards on
// a phone. Projects are arranged in the database.
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";
import { createProjectInDelivery } from "./funding-delivery-helpers";

test("the organization sees each funded project with its next step and what is overdue", async ({ page }) => {
  const admin = await createUser({ role: "ADMIN" });
  const member = await createUser({ role: "ORG_MEMBER" });
  // Signed 130 days ago: the first quarterly report is overdue. Signed 20 days ago: the first is due.
  const late = await createProjectInDelivery({
    adminId: admin.id,
    organizationId: member.organizationId!,
    userId: member.id,
    signedDaysAgo: 130,
  });
  const recent = await createProjectInDelivery({
    adminId: admin.id,
    organizationId: member.organizationId!,
    userId: member.id,
    signedDaysAgo: 20,
  });

  await loginAs(page, member.id);
  await page.goto("/org");
  await page
    .getByRole("navigation", { name: "社会组织工作台导航" })
    .getByRole("link", { name: "我的资助项目" })
    .click();
  await expect(page.getByRole("heading", { name: "资助项目", level: 1 })).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  const lateRow = page.getByRole("row").filter({ hasText: late.title });
  await expect(lateRow).toContainText("执行中");
  await expect(lateRow.getByTestId("project-next")).toContainText("提交第 1 期进度报告");
  await expect(lateRow.getByTestId("project-overdue")).toHaveText("逾期：提交第 1 期进度报告");
  const recentRow = page.getByRole("row").filter({ hasText: recent.title });
  await expect(recentRow.getByTestId("project-next")).toContainText("提交第 1 期进度报告");
  await expect(recentRow.getByTestId("project-overdue")).toHaveCount(0);

  // The next step links to the tab it is done on.
  await lateRow.getByRole("link", { name: "提交第 1 期进度报告" }).click();
  await expect(page).toHaveURL(new RegExp(`/org/projects/${late.id}/reports$`));

  // On a phone each project is a card: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/org/projects");
  await expect(page.getByRole("row").filter({ hasText: recent.title })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yIssues(page);
});
