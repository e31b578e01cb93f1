import ExcelJS from "exceljs";
import { RESULTS_HEADER, SHEET_HEADER } from "~/modules/rating/stats-export.server";
import { shanghaiParts } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";

test("staff see the seeded announced round's figures and the grades in force, and export the round to Excel", async ({
  page,
  login,
}) => {
  // The seed (rating-results) announced a round last year: 4 applications, graded 5A, 4A, 3A, 3A.
  const lastYear = shanghaiParts(new Date()).year - 1;
  const round = await prisma.ratingRound.findFirstOrThrow({
    where: { title: `${lastYear}年度社会组织等级评估（第一批）`, status: "ANNOUNCED" },
    select: { id: true, title: true },
  });

  await login({ role: "ADMIN" });
  await page.goto("/admin/stats");
  await page.getByRole("link", { name: /等级评估统计/ }).click();
  await expect(page.getByRole("heading", { name: "等级评估统计" })).toBeVisible();

  const row = page.locator(`tr[data-round="${round.id}"]`);
  await expect(row.locator('[data-col="applied"]')).toHaveText("4");
  await expect(row.locator('[data-col="accepted"]')).toHaveText("4");
  await expect(row.locator('[data-col="grade5"]')).toHaveText("1");
  await expect(row.locator('[data-col="grade4"]')).toHaveText("1");
  await expect(row.locator('[data-col="grade3"]')).toHaveText("2");
  await expect(page.getByRole("img", { name: /现行有效等级分布/ })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "5A" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("link", { name: "结果与评分表（Excel）" }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const [results, sheets] = workbook.worksheets;
  expect((results!.getRow(1).values as unknown[]).slice(1)).toEqual(RESULTS_HEADER);
  expect(results!.rowCount).toBe(5);
  expect((sheets!.getRow(1).values as unknown[]).slice(1)).toEqual(SHEET_HEADER);
  expect(sheets!.rowCount).toBeGreaterThan(4);
});
