import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";

test("an administrator creates a reviewer, who can then log in to the reviewer workspace", async ({ page, login }) => {
  const admin = await login({ role: "ADMIN" });
  const suffix = crypto.randomBytes(4).toString("hex");
  // Our own organization, so the search has a predictable hit whatever the seed holds.
  const orgName = `益苗关联测试机构${suffix}`;
  await prisma.organization.create({ data: { name: orgName, type: "SOCIAL_SERVICE", status: "REGISTERED" } });
  const reviewer = {
    name: `周评审${suffix.slice(0, 4)}`,
    email: `reviewer-${suffix}@test.yimiao.local`,
    password: "Expert2026ok",
  };

  await page.goto("/admin");
  await page.getByRole("link", { name: "账号管理" }).click();
  await expect(page.getByRole("heading", { name: "账号管理" })).toBeVisible();
  await page.getByRole("link", { name: "新建评审专家" }).click();
  await expect(page.getByRole("heading", { name: "新建评审专家" })).toBeVisible();

  // First try with an email that is already taken.
  await page.getByLabel("姓名").fill(reviewer.name);
  await page.getByLabel("电子邮箱").fill(admin.email);
  await page.getByLabel("手机").fill("13912345678");
  await page.getByLabel("初始密码").fill(reviewer.password);
  await page.getByLabel("职称").fill("副教授");
  await page.getByLabel("工作单位").fill("市社会工作学院");
  await page.getByRole("checkbox", { name: "为老", exact: true }).check();
  await page.getByRole("checkbox", { name: "财务", exact: true }).check();

  // The picker needs the page to be interactive; retry the search until results come back.
  const search = page.getByLabel("搜索机构名称");
  await expect(async () => {
    await search.fill("");
    await search.fill(`关联测试机构${suffix}`);
    await expect(page.getByRole("checkbox", { name: orgName })).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await page.getByRole("checkbox", { name: orgName }).check();
  await expect(page.getByRole("list", { name: "已选关联机构" })).toContainText(orgName);

  await page.getByRole("button", { name: "创建评审专家账号" }).click();
  await expect(page.getByText("该邮箱已被使用")).toBeVisible();
  // What was typed is kept, except the password.
  await expect(page.getByLabel("姓名")).toHaveValue(reviewer.name);
  await expect(page.getByRole("list", { name: "已选关联机构" })).toContainText(orgName);

  await page.getByLabel("电子邮箱").fill(reviewer.email);
  await page.getByLabel("初始密码").fill(reviewer.password);
  await page.getByRole("button", { name: "创建评审专家账号" }).click();

  await expect(page).toHaveURL(/\/admin\/users\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: reviewer.name })).toBeVisible();
  const profile = page.getByRole("region", { name: "评审专家资料" });
  await expect(profile).toContainText("副教授");
  await expect(profile).toContainText("为老");
  await expect(profile).toContainText("财务");
  await expect(profile).toContainText(orgName);
  await expect(page.getByRole("region", { name: "账号相关操作记录" })).toContainText("创建评审专家");

  await page.getByRole("button", { name: "退出" }).click();
  await expect(page.getByRole("button", { name: "退出" })).toHaveCount(0);

  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(reviewer.email);
  await page.getByLabel("密码").fill(reviewer.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/reviewer$/);
  await expect(page.getByText("评审专家工作台", { exact: true })).toBeVisible();
});
