import { expect, test } from "../playwright-utils";
import { createRegisteredOrg, todayShown } from "./registry-helpers";

test("staff deregister an organization; the public page says 已注销 and the default directory drops it", async ({
  page,
  login,
}) => {
  await login({ role: "ADMIN" });
  const org = await createRegisteredOrg("江宁区注销测试服务中心");
  const count = page.getByTestId("directory-count");

  // Before: listed in the default (正常) directory.
  await page.goto(`/orgs?q=${encodeURIComponent(org.name)}`);
  await expect(count).toHaveText("共找到 1 家社会组织");

  await page.goto(`/admin/organizations/${org.id}`);
  await expect(page.getByRole("heading", { level: 1, name: org.name })).toBeVisible();
  const statusSection = page.getByRole("region", { name: "注销、撤销" });
  // The reason is required.
  await expect(async () => {
    await statusSection.getByRole("button", { name: "注销登记" }).click();
    await expect(statusSection.getByText("请填写注销理由")).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await statusSection.getByLabel("注销理由").fill("理事会决议解散，清算完毕");
  await statusSection.getByRole("button", { name: "注销登记" }).click();
  await expect(page.getByRole("status")).toHaveText("已注销登记。");
  await expect(page.getByRole("heading", { level: 1, name: org.name })).toBeVisible();
  await expect(page.getByText("该组织已注销，不能再办理变更。")).toBeVisible();
  await expect(page.getByRole("region", { name: "变更记录" })).toContainText("理事会决议解散，清算完毕");

  // The public page shows the status with its date, and the reason in the history.
  await page.goto(`/orgs/${org.id}`);
  await expect(page.getByTestId("org-status")).toHaveText(`已注销（${todayShown()}）`);
  const history = page.getByRole("region", { name: "变更记录" });
  await expect(history).toContainText("注销登记");
  await expect(history).toContainText("理事会决议解散，清算完毕");

  // The default listing (正常) no longer has it; 全部 still does, marked 已注销.
  await page.goto(`/orgs?q=${encodeURIComponent(org.name)}`);
  await expect(count).toHaveText("共找到 0 家社会组织");
  await page.goto(`/orgs?status=ALL&q=${encodeURIComponent(org.name)}`);
  await expect(count).toHaveText("共找到 1 家社会组织");
  await expect(page.getByRole("list", { name: "社会组织列表" }).getByRole("listitem")).toContainText(["已注销"]);
});
