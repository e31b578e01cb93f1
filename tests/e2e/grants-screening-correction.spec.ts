import ExcelJS from "exceljs";
import { toDateInput } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { createCall, createCompleteApplication, registerOrganization } from "./grants-apply-helpers";

test("staff return an application for correction; it is resubmitted and passed", async ({ page, login, browser }) => {
  await login({ role: "ADMIN" });
  const admin = await createUser({ role: "ADMIN" });
  const call = await createCall({ createdById: admin.id });
  const applicant = await createUser({ role: "ORG_MEMBER" });
  await registerOrganization(applicant.organizationId!);
  const other = await createUser({ role: "ORG_MEMBER" });
  await registerOrganization(other.organizationId!);
  const app = await createCompleteApplication({
    callId: call.id,
    organizationId: applicant.organizationId!,
    userId: applicant.id,
    status: "SUBMITTED",
    title: "银龄暖心助餐计划",
  });
  await createCompleteApplication({
    callId: call.id,
    organizationId: other.organizationId!,
    userId: other.id,
    status: "SCREEN_PASSED",
    title: "残健融合艺术坊",
  });

  await page.goto(`/admin/grants/${call.id}/applications`);
  await expect(page.getByRole("heading", { level: 1, name: "申报审查" })).toBeVisible();
  await expect(page.getByTestId("overview-status")).toContainText("已提交 1");
  await expect(page.getByTestId("overview-status")).toContainText("初审通过 1");
  const row = page.getByRole("row", { name: /银龄暖心助餐计划/ });
  await expect(row).toContainText("未检查");
  await page.getByRole("button", { name: "重新检查" }).click();
  await expect(page.getByTestId("bulk-result")).toContainText("已重新检查 2 项申报");
  await expect(row.getByTestId("auto-checks")).toHaveText("✓ 通过");

  // Return it for correction with the points and a due date.
  const due = toDateInput(new Date(Date.now() + 7 * 86_400_000));
  await row.getByRole("checkbox").check();
  await page.getByLabel("审查结果").selectOption("CORRECTION");
  await page.getByLabel("补正要求").fill("请补充志愿者队伍情况，并附上社区居委会的合作意向书。");
  await page.getByLabel("补正截止日期").fill(due);
  await page.getByRole("button", { name: "对所选申报执行" }).click();
  await expect(page.getByTestId("bulk-result")).toContainText("「退回补正」成功 1 项");
  await expect(row.getByTestId("grant-status")).toHaveText("退回补正");

  // The organization sees the points, edits and resubmits.
  const orgContext = await browser.newContext();
  const orgPage = await orgContext.newPage();
  await loginAs(orgPage, applicant.id);
  await orgPage.goto(`/org/grants/${app.id}`);
  await expect(orgPage.getByRole("heading", { level: 1, name: "银龄暖心助餐计划" })).toBeVisible();
  await expect(orgPage.getByTestId("correction-notes")).toHaveText(
    "请补充志愿者队伍情况，并附上社区居委会的合作意向书。",
  );
  await orgPage
    .getByRole("textbox", { name: "项目目标", exact: true })
    .fill("为 150 名老人提供助餐和探访；组建 30 人的志愿者队伍，与竹山社区居委会合作。");
  await orgPage.getByRole("button", { name: "补正后重新提交" }).click();
  await orgPage.getByRole("dialog").getByRole("button", { name: "确认提交申报" }).click();
  await expect(orgPage.getByRole("status")).toContainText("申报已提交");
  await expect(orgPage.getByTestId("grant-status")).toHaveText("已提交");
  await orgContext.close();

  // Staff pass it from its page.
  await page.goto(`/admin/grants/applications/${app.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "银龄暖心助餐计划" })).toBeVisible();
  await expect(page.getByRole("region", { name: "项目信息" })).toContainText("组建 30 人的志愿者队伍");
  await page.getByRole("button", { name: "通过", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("「通过」已办理，并已通知申报机构。");
  await expect(page.getByTestId("grant-status")).toHaveText("初审通过");
  await expect(page.getByRole("button", { name: "通过", exact: true })).toHaveCount(0);

  // A bulk step on both reports the one already decided as skipped.
  await page.goto(`/admin/grants/${call.id}/applications`);
  await expect(page.getByRole("heading", { level: 1, name: "申报审查" })).toBeVisible();
  for (const box of await page.getByRole("checkbox").all()) await box.check();
  await page.getByLabel("审查结果").selectOption("SCREEN_PASSED");
  await page.getByRole("button", { name: "对所选申报执行" }).click();
  await expect(page.getByTestId("bulk-result")).toContainText("「通过」成功 0 项，跳过 2 项");
  await expect(page.getByTestId("bulk-result")).toContainText("残健融合艺术坊：当前状态为「初审通过」");

  // The export lists both with their status and checks.
  const download = await page.request.get(`/admin/grants/${call.id}/export`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toContain(encodeURIComponent(`${call.title}申报列表.xlsx`));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download.body()) as unknown as ArrayBuffer);
  const rows = workbook.getWorksheet("申报列表")!.getSheetValues().slice(2) as unknown[][];
  const exported = rows.map((r) => [r[4], r[8], r[9]]);
  expect(exported).toEqual(
    expect.arrayContaining([
      ["银龄暖心助餐计划", "初审通过", "通过"],
      ["残健融合艺术坊", "初审通过", "通过"],
    ]),
  );

  const events = await prisma.auditEvent.findMany({
    where: { entityType: "GrantApplication", entityId: app.id, action: "grant_application.transition" },
    orderBy: { createdAt: "asc" },
    select: { toState: true },
  });
  expect(events.map((e) => e.toState)).toEqual(["CORRECTION", "SUBMITTED", "SCREEN_PASSED"]);
  const notes = await prisma.notification.findMany({ where: { userId: applicant.id }, select: { title: true } });
  expect(notes.map((n) => n.title)).toEqual(
    expect.arrayContaining(["公益创投项目需补正：银龄暖心助餐计划", "公益创投项目通过资格审查：银龄暖心助餐计划"]),
  );
});
