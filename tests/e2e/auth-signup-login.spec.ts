import crypto from "node:crypto";
import { expect, randomMobile, test } from "../playwright-utils";

test("an organization signs up, logs out and logs back in", async ({ page }) => {
  const suffix = crypto.randomBytes(3).toString("hex");
  const orgName = `江宁区助老志愿服务中心${suffix}`;
  const email = `signup-${suffix}@test.yimiao.local`;

  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: "机构注册" }).click();
  await expect(page.getByRole("heading", { name: "社会组织注册账号" })).toBeVisible();

  await page.getByLabel("组织名称").fill(orgName);
  await page.getByLabel("组织类型").selectOption({ label: "社会服务机构" });
  await page.getByLabel("联系人").fill("周丽华");
  await page.getByLabel("手机号码").fill("12345");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill("Signup2026");
  await page.getByLabel("确认密码").fill("Signup2026");
  await page.getByRole("button", { name: "注册" }).click();
  // A wrong phone number is caught at the field, and what was typed stays.
  await expect(page.getByText("请输入有效的 11 位中国大陆手机号码")).toBeVisible();
  await expect(page.getByLabel("组织名称")).toHaveValue(orgName);

  await page.getByLabel("手机号码").fill(randomMobile());
  await page.getByRole("button", { name: "注册" }).click();

  await expect(page).toHaveURL(/\/org$/);
  await expect(page.getByRole("heading", { name: orgName })).toBeVisible();
  await expect(page.getByText("筹备中（未登记）")).toBeVisible();
  // The welcome notification shows in the bell.
  await expect(page.getByTestId("unread-count")).toHaveText("1");

  await page.getByRole("button", { name: "退出" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "登录" })).toBeVisible();

  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill("Signup2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/org$/);
  await expect(page.getByRole("heading", { name: orgName })).toBeVisible();
});

test("signing up with an email that is already registered is refused at the field", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("组织名称").fill(`重复邮箱测试社${crypto.randomBytes(3).toString("hex")}`);
  await page.getByLabel("组织类型").selectOption({ label: "社会团体" });
  await page.getByLabel("联系人").fill("张三丰");
  await page.getByLabel("手机号码").fill(randomMobile());
  await page.getByLabel("电子邮箱").fill("org@yimiao.demo");
  await page.getByLabel("密码", { exact: true }).fill("Signup2026");
  await page.getByLabel("确认密码").fill("Signup2026");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page.getByText("该邮箱已注册，请直接登录或找回密码")).toBeVisible();
  await expect(page.getByLabel("联系人")).toHaveValue("张三丰");
});
