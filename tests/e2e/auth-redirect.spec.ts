import { createUser, expect, test, TEST_PASSWORD } from "../playwright-utils";

test("an anonymous visitor is sent to login and then back to the page they asked for", async ({ page }) => {
  const user = await createUser({ role: "ORG_MEMBER" });
  await page.goto("/org/documents");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Forg%2Fdocuments/);
  await expect(page.getByRole("heading", { name: "登录益苗" })).toBeVisible();

  await page.getByLabel("电子邮箱").fill(user.email);
  await page.getByLabel("密码").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();

  await expect(page).toHaveURL(/\/org\/documents$/);
  await expect(page.getByRole("heading", { name: "机构文件" })).toBeVisible();
});
