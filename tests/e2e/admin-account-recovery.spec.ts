import { prisma } from "~/utils/db.server";
import { createUser, expect, test } from "../playwright-utils";

test("an administrator unlocks a locked account and hands out a one-time reset link", async ({
  page,
  browser,
  login,
}) => {
  await login({ role: "ADMIN" });
  const target = await createUser({ role: "ORG_MEMBER" });
  await prisma.user.update({ where: { id: target.id }, data: { lockedUntil: new Date(Date.now() + 15 * 60_000) } });

  await page.goto("/admin/users");
  await page.getByLabel("状态").selectOption({ label: "已锁定" });
  await page.getByRole("searchbox", { name: "搜索" }).fill(target.email);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/status=LOCKED/);
  const row = page.getByRole("row", { name: new RegExp(target.name) });
  await expect(row).toContainText(/已锁定至 \d{2}:\d{2}/);
  await row.getByRole("link", { name: target.name }).click();

  await expect(page.getByTestId("account-status")).toContainText("已锁定至");
  await page.getByRole("button", { name: "解除锁定" }).click();
  await expect(page.getByRole("status")).toContainText("已解除锁定");
  await expect(page.getByTestId("account-status")).toHaveText("正常");
  await expect(page.getByRole("button", { name: "解除锁定" })).toHaveCount(0);

  await page.getByRole("button", { name: "生成密码重置链接" }).click();
  const link = page.getByTestId("reset-link");
  await expect(link).toHaveText(/\/reset-password\/[A-Za-z0-9_-]{20,}$/);
  await expect(page.getByText("链接 30 分钟内有效，只能使用一次")).toBeVisible();
  const history = page.getByRole("region", { name: "账号相关操作记录" });
  await expect(history).toContainText("生成密码重置链接");
  await expect(history).toContainText("已锁定 → 已解锁");

  // The user opens the link somewhere else, without being logged in.
  const url = (await link.textContent())!.trim();
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await userPage.goto(url);
  await expect(userPage.getByRole("heading", { name: "设置新密码" })).toBeVisible();
  await userContext.close();
});
