import { expect, test } from "../playwright-utils";

// Issue #19 item 12: the directory finds what people type, by character pairs.
test("a visitor typing 阳光社工 finds 江宁区阳光社会工作服务中心 near the top", async ({ page }) => {
  await page.goto("/orgs");
  await expect(page.getByRole("heading", { level: 1, name: "社会组织名录" })).toBeVisible();
  await page.getByLabel("名称或统一社会信用代码").fill("阳光社工");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  const names = page.getByRole("list", { name: "社会组织列表" }).getByRole("link");
  await expect(names.first()).toBeVisible();
  const firstThree = (await names.allTextContents()).slice(0, 3);
  expect(firstThree).toContain("江宁区阳光社会工作服务中心");
});
