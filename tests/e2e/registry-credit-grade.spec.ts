import { expect, test } from "../playwright-utils";
import { createRegisteredOrg, todayShown } from "./registry-helpers";

test("staff record credit information and a rating grade; the public page shows both", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  const org = await createRegisteredOrg("江宁区信用评级测试服务中心");
  const year = Number(
    new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()),
  );

  await page.goto(`/admin/organizations/${org.id}`);
  await expect(page.getByRole("heading", { level: 1, name: org.name })).toBeVisible();

  // 列入活动异常名录.
  const credit = page.getByRole("region", { name: "信用信息" });
  await credit.getByLabel("类别").selectOption({ label: "列入活动异常名录" });
  await credit.getByLabel("决定机关（可选）").fill("南京市江宁区民政局");
  await credit.getByLabel("具体情况").fill("未按规定报送上一年度工作报告");
  await credit.getByRole("button", { name: "记录" }).click();
  await expect(credit.getByRole("status")).toHaveText("已记录信用信息：列入活动异常名录。");
  await expect(credit).toContainText("尚未移出");

  // A grade announced last year is in force from 1 January this year.
  const grades = page.getByRole("region", { name: "评估等级" });
  await grades.getByLabel("评估等级").selectOption({ label: "4A" });
  await grades.getByLabel("公告日期").fill(`${year - 1}-12-10`);
  await grades.getByRole("button", { name: "记录等级" }).click();
  await expect(grades.getByRole("status")).toHaveText("已记录评估等级 4A，现行等级为 4A。");
  await expect(grades).toContainText(`有效期 ${year}年1月1日 至 ${year + 4}年12月31日`);

  await page.goto(`/orgs/${org.id}`);
  await expect(page.getByTestId("org-grade")).toHaveText(`4A（有效期 ${year}年1月1日 至 ${year + 4}年12月31日）`);
  const publicCredit = page.getByRole("region", { name: "信用信息" });
  await expect(publicCredit).toContainText("列入活动异常名录");
  await expect(publicCredit).toContainText("未按规定报送上一年度工作报告");
  await expect(publicCredit).toContainText("至今未移出");

  // 移出异常名录.
  await page.goto(`/admin/organizations/${org.id}`);
  await expect(page.getByRole("heading", { level: 1, name: org.name })).toBeVisible();
  await page.getByRole("region", { name: "信用信息" }).getByRole("button", { name: "移出异常名录" }).click();
  await expect(page.getByRole("region", { name: "信用信息" }).getByRole("status")).toHaveText("已移出活动异常名录。");
  await page.goto(`/orgs/${org.id}`);
  await expect(page.getByRole("region", { name: "信用信息" })).toContainText(`${todayShown()} 移出异常名录`);
});
