import { createUser, expect, loginAs, test, TEST_PASSWORD } from "../playwright-utils";

test("an administrator disables an account; its sessions end and it can no longer log in", async ({
  page,
  browser,
  login,
}) => {
  await login({ role: "ADMIN" });
  const target = await createUser({ role: "ORG_MEMBER" });

  // The target is logged in elsewhere at the same time.
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await loginAs(otherPage, target.id);
  await otherPage.goto("/org");
  await expect(otherPage).toHaveURL(/\/org$/);

  await page.goto("/admin/users");
  await page.getByRole("searchbox", { name: "搜索" }).fill(target.email);
  await page.getByRole("button", { name: "查询" }).click();
  await page.getByRole("link", { name: target.name }).click();
  await expect(page.getByRole("heading", { name: target.name })).toBeVisible();

  // A reason is required. Until the page is interactive the browser's own check
  // stops the submit silently, so retry until the Chinese message shows.
  await expect(async () => {
    await page.getByRole("button", { name: "停用账号" }).click();
    await expect(page.getByText("请填写停用原因")).toBeVisible({ timeout: 1_000 });
  }).toPass();

  await page.getByLabel("停用原因").fill("机构负责人申请注销该账号");
  await page.getByRole("button", { name: "停用账号" }).click();
  await expect(page.getByRole("status")).toContainText("账号已停用");
  await expect(page.getByTestId("account-status")).toHaveText("已停用");
  await expect(page.getByRole("button", { name: "启用账号" })).toBeVisible();
  const history = page.getByRole("region", { name: "账号相关操作记录" });
  await expect(history).toContainText("停用账号");
  await expect(history).toContainText("正常 → 已停用");
  await expect(history).toContainText("机构负责人申请注销该账号");

  // The open session elsewhere is gone at once.
  await otherPage.goto("/org");
  await expect(otherPage).toHaveURL(/\/login/);
  await otherContext.close();

  await page.getByRole("button", { name: "退出" }).click();
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(target.email);
  await page.getByLabel("密码").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert")).toContainText("该账号已被停用");
  await expect(page).toHaveURL(/\/login/);
});

test("an administrator cannot disable their own account", async ({ page, login }) => {
  const admin = await login({ role: "ADMIN" });
  await page.goto(`/admin/users/${admin.id}`);
  await expect(page.getByText("这是您自己的账号，不能停用")).toBeVisible();
  await expect(page.getByRole("button", { name: "停用账号" })).toHaveCount(0);

  // Even a hand-made request is refused, with the message next to the form.
  const response = await page.request.post(`/admin/users/${admin.id}`, {
    form: { intent: "disable", reason: "测试自我停用" },
  });
  expect(response.status()).toBe(400);
  await page.reload();
  await expect(page.getByTestId("account-status")).toHaveText("正常");
});
