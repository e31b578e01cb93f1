import { prisma } from "~/utils/db.server";
import { createUser, expect, test } from "../playwright-utils";
import { createRegisteredOrg, todayShown } from "./registry-helpers";

test("staff record a change of 住所 and the public page shows it in the change history", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  const member = await createUser({ role: "ORG_MEMBER" });
  const org = await createRegisteredOrg("江宁区变更测试服务中心", { memberId: member.id });
  const newAddress = "南京市江宁区东山街道新址路88号";

  await page.goto("/admin");
  await page.getByRole("navigation", { name: "民政局管理后台导航" }).getByRole("link", { name: "社会组织" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "社会组织" })).toBeVisible();
  await page.getByRole("searchbox", { name: "搜索" }).fill(org.name);
  await page.getByRole("button", { name: "查询" }).click();
  await page.getByRole("link", { name: org.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: org.name })).toBeVisible();

  const changeForm = page.getByRole("region", { name: "变更登记" });
  // Nothing edited: the page says so and records nothing. Until the page is
  // interactive the browser's own required check may stop the submit, so retry.
  await changeForm.getByLabel("变更原因").fill("机构办公场所搬迁");
  await expect(async () => {
    await changeForm.getByRole("button", { name: "办理变更登记" }).click();
    await expect(changeForm.getByRole("alert")).toContainText("没有修改任何登记事项", { timeout: 1_000 });
  }).toPass();
  expect(await prisma.organizationChange.count({ where: { organizationId: org.id } })).toBe(0);

  await changeForm.getByLabel("住所").fill(newAddress);
  await changeForm.getByLabel("变更原因").fill("机构办公场所搬迁");
  await changeForm.getByRole("button", { name: "办理变更登记" }).click();
  await expect(changeForm.getByRole("status")).toHaveText("已办理变更登记，共 1 项。");
  const staffHistory = page.getByRole("region", { name: "变更记录" });
  await expect(staffHistory).toContainText(newAddress);
  await expect(staffHistory).toContainText("机构办公场所搬迁");
  await expect(page.getByRole("region", { name: "登记信息" })).toContainText(newAddress);

  // The public page shows the new address and the change: date, field, old → new.
  await page.getByRole("link", { name: "查看公示页" }).click();
  await expect(page.getByRole("heading", { level: 1, name: org.name })).toBeVisible();
  await expect(page.getByRole("region", { name: "登记信息" })).toContainText(newAddress);
  const row = page.getByRole("region", { name: "变更记录" }).getByRole("row").filter({ hasText: "住所" });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell")).toHaveText([todayShown(), "住所", org.address!, newAddress]);

  // The organization's members were told.
  expect(await prisma.notification.count({ where: { userId: member.id, title: "登记事项已变更" } })).toBe(1);
});
