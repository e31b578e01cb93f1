// #14 items 11-12 in the browser: the public statistics page of a year counts a funded project's
// money and grade (read from the database and the page together: other specs fund projects too),
// its Excel downloads; the open data page offers the call's JSON and CSV, and both parse. The
// category and street filters narrow every figure and the Excel (a street and a category of this
// test's own, so other specs' projects never fall in its scope).
import crypto from "node:crypto";
import fs from "node:fs";
import ExcelJS from "exceljs";
import { shanghaiParts } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { createUser, expect, test } from "../playwright-utils";
import { createRunningProject } from "../support/funded-project";
import { finalEvaluation } from "../support/public-record-fixtures";
import { expectNoSeriousA11yIssues } from "./axe";
import { registerOrganization } from "./grants-apply-helpers";

test("a visitor reads the statistics and downloads a call's open data", async ({ page }) => {
  const admin = await createUser({ role: "ADMIN" });
  const member = await createUser({ role: "ORG_MEMBER" });
  await registerOrganization(member.organizationId!);
  const org = await prisma.organization.update({
    where: { id: member.organizationId! },
    data: { uscc: `52320100MJ${String(Date.now()).slice(-7)}X` },
    select: { name: true, uscc: true },
  });
  const year = shanghaiParts(new Date()).year - 1;
  const project = await createRunningProject({
    organizationId: member.organizationId!,
    userId: member.id,
    adminId: admin.id,
    paidTranches: 1,
  });
  await finalEvaluation(project.projectId, "FINAL", "优秀", 93);

  await page.goto("/projects");
  await page.getByRole("link", { name: "统计" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "公益创投统计" })).toBeVisible();
  const scope = page.getByRole("search", { name: "选择统计范围" });
  await scope.getByLabel("年度").selectOption(String(year));
  await scope.getByRole("button", { name: "查看" }).click();
  // 查看 is a client-side navigation: reload only once the URL holds the year, or the reload
  // below re-renders the unscoped page (the latest year, where nothing has a final grade yet).
  await expect(page).toHaveURL(new RegExp(`[?&]year=${year}(&|$)`));
  await expect(async () => {
    const count = await prisma.grantProject.count({
      where: { call: { year }, status: { not: "WITHDRAWN" }, finalGrade: "优秀" },
    });
    await page.reload();
    await expect(page.getByTestId("grade-count-优秀")).toContainText(String(count), { timeout: 1000 });
  }).toPass();
  await expect(page.getByRole("img", { name: /终期评估等级分布/ })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  const excel = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 Excel" }).click();
  expect((await excel).suggestedFilename()).toBe(`公益创投统计（${year} 年度）.xlsx`);

  await page.getByRole("link", { name: "开放数据下载" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "公益创投开放数据" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  const row = page.getByTestId(`open-data-${project.callId}`);
  await expect(row).toContainText("1 个");

  const json = await page.request.get(await row.getByRole("link", { name: /JSON/ }).getAttribute("href").then(String));
  expect(json.headers()["content-type"]).toContain("application/json");
  const grants = (await json.json()).grants as Record<string, unknown>[];
  expect(grants).toHaveLength(1);
  expect(grants[0]).toMatchObject({
    title: project.title,
    currency: "CNY",
    amountAwarded: 60000,
    amountDisbursed: 30000,
    recipientOrganization: [{ id: org.uscc, name: org.name }],
  });
  expect(JSON.stringify(grants)).not.toContain(member.name);

  const csvDownload = page.waitForEvent("download");
  await row.getByRole("link", { name: /CSV/ }).click();
  const csvPath = await (await csvDownload).path();
  const csv = fs.readFileSync(csvPath!, "utf8").replace(/^\uFEFF/, "");
  const [header, line] = csv.split("\r\n");
  expect(header!.split(",").slice(0, 6)).toEqual([
    "Identifier",
    "Title",
    "Description",
    "Currency",
    "Amount Awarded",
    "Amount Disbursed",
  ]);
  expect(line).toContain(`${project.title},`);
  expect(line).toContain(",CNY,60000,30000,");
  expect(line).toContain(org.uscc!);
});

test("a visitor narrows the statistics to a street and a category, and the Excel holds the same figures", async ({
  page,
}) => {
  const admin = await createUser({ role: "ADMIN" });
  const member = await createUser({ role: "ORG_MEMBER" });
  await registerOrganization(member.organizationId!);
  const tag = crypto.randomBytes(2).toString("hex");
  const street = `测${tag}街道`;
  const category = `测试领域${tag}`;
  await prisma.organization.update({
    where: { id: member.organizationId! },
    data: { address: `南京市江宁区${street}竹山路8号` },
  });
  const year = shanghaiParts(new Date()).year - 1;
  const owner = { organizationId: member.organizationId!, userId: member.id, adminId: admin.id };
  const graded = await createRunningProject({ ...owner, category, beneficiaryCount: 120, paidTranches: 1 });
  await finalEvaluation(graded.projectId, "FINAL", "优秀", 94);
  await createRunningProject({ ...owner, beneficiaryCount: 80, paidTranches: 2 });

  await page.goto("/projects/statistics");
  const scope = page.getByRole("search", { name: "选择统计范围" });
  await scope.getByLabel("年度").selectOption(String(year));
  await scope.getByLabel("机构所在街道").selectOption(street);
  await scope.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(new RegExp(`street=${encodeURIComponent(street)}`));
  await expect(page.getByText(`${year} 年度 · ${street}：`)).toBeVisible();
  await expect(page.getByTestId("stat-projects")).toHaveText("2 个");
  await expect(page.getByTestId("stat-awarded")).toHaveText("¥120,000.00");
  await expect(page.getByTestId("stat-paid")).toHaveText("¥78,000.00");
  await expect(page.getByTestId("stat-people")).toHaveText("200 / 0 人次");
  await expect(page.getByTestId("grade-count-优秀")).toContainText("1");
  await expect(page.getByTestId("grade-count-none")).toContainText("1");
  await expect(page.getByRole("img", { name: /受益人数：计划与实际.*计划受益 200 人/ })).toBeVisible();
  const byCategory = page.getByRole("table", { name: "按服务领域" });
  await expect(byCategory.getByRole("row", { name: new RegExp(category) })).toContainText("¥60,000.00");
  await expect(byCategory.getByRole("row", { name: /为老/ })).toContainText("¥60,000.00");
  await expect(page.getByRole("table", { name: "按机构所在街道" }).getByRole("row")).toHaveCount(2);
  await expectNoSeriousA11yIssues(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 Excel" }).click();
  const excel = await download;
  expect(excel.suggestedFilename()).toBe(`公益创投统计（${year} 年度 · ${street}）.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync((await excel.path())!) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(["总体", "按服务领域", "按机构所在街道", "按服务区域"]);
  // A sheet's second row as { header: value } (a loaded workbook knows its columns by header only).
  const firstRow = (name: string) => {
    const sheet = workbook.getWorksheet(name)!;
    const cells: Record<string, unknown> = {};
    sheet.getRow(1).eachCell((header, column) => {
      cells[String(header.value)] = sheet.getRow(2).getCell(column).value;
    });
    return { rows: sheet.rowCount, cells };
  };
  expect(firstRow("总体").cells).toMatchObject({
    名称: `${year} 年度 · ${street}`,
    资助项目数: 2,
    "资助金额（元）": 120_000,
    "已拨付（元）": 78_000,
    计划受益人数: 200,
    终期优秀: 1,
    尚未评定: 1,
  });
  expect(firstRow("按机构所在街道")).toMatchObject({ rows: 2, cells: { 名称: street, 资助项目数: 2 } });

  await scope.getByLabel("机构所在街道").selectOption("");
  await scope.getByLabel("服务领域").selectOption(category);
  await scope.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(new RegExp(`category=${encodeURIComponent(category)}`));
  await expect(page.getByText(`${year} 年度 · ${category}：`)).toBeVisible();
  await expect(page.getByTestId("stat-projects")).toHaveText("1 个");
  await expect(page.getByTestId("stat-awarded")).toHaveText("¥60,000.00");
  await expect(page.getByTestId("stat-paid")).toHaveText("¥30,000.00");
  await expect(page.getByTestId("stat-people")).toHaveText("120 / 0 人次");
  await expect(page.getByTestId("grade-count-none")).toContainText("0");
  await expect(page.getByRole("link", { name: "下载 Excel" })).toHaveAttribute(
    "href",
    `/projects/statistics.xlsx?year=${year}&category=${encodeURIComponent(category)}`,
  );
});
