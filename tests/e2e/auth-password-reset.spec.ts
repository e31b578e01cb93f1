import { prisma } from "~/utils/db.server";
import { createUser, expect, test } from "../playwright-utils";

test("a user resets a forgotten password through a one-time link", async ({ page }) => {
  const user = await createUser({ role: "REVIEWER" });
  await page.goto("/login");
  await page.getByRole("link", { name: "忘记密码？" }).click();
  await expect(page.getByRole("heading", { name: "找回密码" })).toBeVisible();
  await page.getByLabel("电子邮箱").fill(user.email);
  await page.getByRole("button", { name: "发送重置链接" }).click();
  await expect(page.getByText("如果该邮箱已注册，我们已向它发送了重置密码的链接")).toBeVisible();

  const mail = await prisma.outboxEmail.findFirstOrThrow({
    where: { to: user.email },
    orderBy: { createdAt: "desc" },
    select: { body: true },
  });
  const link = mail.body.match(/https?:\/\/\S+\/reset-password\/\S+/)![0];
  const path = new URL(link).pathname;

  await page.goto(path);
  await page.getByLabel("新密码", { exact: true }).fill("NewPass2026");
  await page.getByLabel("确认新密码").fill("NewPass2026");
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page.getByText("密码已重置，请使用新密码登录。")).toBeVisible();

  await page.getByLabel("电子邮箱").fill(user.email);
  await page.getByLabel("密码").fill("NewPass2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/reviewer$/);

  // The link works only once.
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "链接已失效" })).toBeVisible();
});
