// #13 item 6: the organization files a progress report with KPI actuals, an activity and a
// photo (after a draft); staff return it with comments; the organization resubmits; staff
// accept it and the project's KPI actual follows. The project is arranged in the database.
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { PNG_BYTES } from "../unit/helpers/sample-files";
import { expectNoSeriousA11yIssues } from "./axe";
import { createProjectInDelivery } from "./funding-delivery-helpers";

test("a progress report is filed, returned, resubmitted and accepted", async ({ page }) => {
  const admin = await createUser({ role: "ADMIN" });
  const member = await createUser({ role: "ORG_MEMBER" });
  const project = await createProjectInDelivery({
    adminId: admin.id,
    organizationId: member.organizationId!,
    userId: member.id,
  });
  const report = project.reports[0]!;
  const kpi = project.kpis[0]!;

  // The organization opens its reports tab and the first report.
  await loginAs(page, member.id);
  await page.goto(`/org/projects/${project.id}/reports`);
  await expect(page.getByRole("heading", { name: "进度报告" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await page.getByRole("link", { name: "填写第 1 期报告" }).click();
  await expect(page.getByRole("heading", { name: "第 1 期进度报告" })).toBeVisible();

  // A draft keeps what was typed, without the completeness checks.
  await page.getByLabel("进展说明").fill("本期完成助餐点布置与志愿者培训，");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("草稿已保存，可随时回来继续填写。")).toBeVisible();
  await expect(page.getByLabel("进展说明")).toHaveValue("本期完成助餐点布置与志愿者培训，");
  await expectNoSeriousA11yIssues(page);

  // Submitting checks everything, at the field.
  await page.getByRole("button", { name: "提交报告" }).click();
  await expect(page.getByText("请填写截至本期末的累计完成值")).toBeVisible();

  await page.getByLabel("进展说明").fill("本期完成助餐点布置与志愿者培训，每日为辖区老人提供午餐。");
  await page.getByLabel("助餐人次累计完成值").fill("1500");
  await page.getByLabel("活动1日期").fill("2026-06-15");
  await page.getByLabel("活动1名称").fill("社区长者助餐日");
  await page.getByLabel("活动1服务人数").fill("120");
  await page.getByLabel("活动照片 1").setInputFiles({ name: "助餐.png", mimeType: "image/png", buffer: PNG_BYTES });
  await page.getByRole("button", { name: "提交报告" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "提交报告" }).click();
  await expect(page.getByText("报告已提交，区民政局审核后将通过站内通知告知结果。")).toBeVisible();
  await expect(page.getByTestId("report-status")).toHaveText("待审核");
  await expect(page.getByTestId("kpi-助餐人次")).toContainText("1500");
  await expect(page.getByRole("img", { name: "活动照片：助餐.png" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  // Staff return it with comments.
  await page.context().clearCookies();
  await loginAs(page, admin.id);
  await page.goto(`/admin/projects/${project.id}/reports/${report.id}`);
  await expect(page.getByRole("heading", { name: "第 1 期进度报告" })).toBeVisible();
  await expect(page.getByText("社区长者助餐日")).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await page.getByLabel("退回意见").fill("请补充志愿者培训的场次和人数。");
  await page.getByRole("button", { name: "退回修改" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("已退回修改");

  // The organization sees the comments and resubmits.
  await page.context().clearCookies();
  await loginAs(page, member.id);
  await page.goto(`/org/projects/${project.id}/reports`);
  await page.getByRole("link", { name: "修改第 1 期报告" }).click();
  await expect(page.getByTestId("return-comment")).toHaveText("请补充志愿者培训的场次和人数。");
  await expect(page.getByLabel("助餐人次累计完成值")).toHaveValue("1500");
  await page
    .getByLabel("进展说明")
    .fill("本期完成助餐点布置与志愿者培训（2 场，志愿者 24 人），每日为辖区老人提供午餐。");
  await page.getByRole("button", { name: "重新提交报告" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "提交报告" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("待审核");

  // Staff accept; the project's KPI actual follows the accepted report.
  await page.context().clearCookies();
  await loginAs(page, admin.id);
  await page.goto(`/admin/projects/${project.id}/reports/${report.id}`);
  await expect(page.getByTestId("report-narrative")).toContainText("志愿者 24 人");
  await page.getByRole("button", { name: "通过报告" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "通过报告" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("已通过");
  const after = await prisma.grantProjectKpi.findUniqueOrThrow({
    where: { id: kpi.id },
    select: { actualValue: true },
  });
  expect(after.actualValue).toBe(1500);
  await expectNoSeriousA11yIssues(page);
});
