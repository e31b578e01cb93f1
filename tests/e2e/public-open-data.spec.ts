// #14 items 11-12 in the browser: the public statistics page of a year counts a funded project's
// money and grade (read from the database and the page together: other specs fund projects too),
// its Excel downloads; the open data page offers the call's JSON and CSV, and both parse.
import fs from "node:fs";
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
