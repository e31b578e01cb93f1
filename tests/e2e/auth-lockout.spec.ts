import { createUser, expect, test, TEST_PASSWORD } from "../playwright-utils";

test("five wrong passwords lock the account for 15 minutes", async ({ page }) => {
  const user = await createUser({ role: "ORG_MEMBER" });
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(user.email);

  for (let attempt = 1; attempt <= 4; attempt++) {
    await page.getByLabel("密码").fill(`wrong-${attempt}`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("alert")).toContainText("邮箱或密码不正确");
  }
  await expect(page.getByRole("alert")).toContainText("连续输错 5 次，账号将被锁定 15 分钟");

  await page.getByLabel("密码").fill("wrong-5");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert")).toContainText("账号已锁定 15 分钟");

  // Even the right password is refused while the lock lasts.
  await page.getByLabel("密码").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert")).toContainText("账号已锁定 15 分钟");
  await expect(page).toHaveURL(/\/login/);
});
