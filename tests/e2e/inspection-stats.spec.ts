import ExcelJS from "exceljs";
import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";

// A year no seed data or other spec uses.
const YEAR = 2096;

test("the statistics page counts match the data, the export and the public announcement list the year's results", async ({
  page,
  login,
}) => {
  const suffix = Date.now();
  // A retry finds the first attempt's rows; start the year afresh.
  await prisma.inspectionReport.deleteMany({ where: { year: YEAR } });
  await prisma.inspectionRound.deleteMany({ where: { year: YEAR } });
  const round = await prisma.inspectionRound.create({
    data: {
      year: YEAR,
      deadline: new Date("2097-05-31T15:59:59.999Z"),
      foundationDeadline: new Date("2097-03-31T15:59:59.999Z"),
      status: "CLOSED",
    },
    select: { id: true },
  });
  const outcomes = [
    ["QUALIFIED", "CONCLUDED"],
    ["QUALIFIED", "CONCLUDED"],
    ["QUALIFIED", "CONCLUDED"],
    ["BASIC", "CONCLUDED"],
    ["UNQUALIFIED", "CONCLUDED"],
    ["MISSED", "MISSED"],
    [null, "SUBMITTED"],
  ] as const;
  const names: string[] = [];
  for (const [i, [conclusion, status]] of outcomes.entries()) {
    const name = `统计测试协会${suffix}-${i}`;
    names.push(name);
    await prisma.organization.create({
      data: {
        name,
        type: "SOCIAL_GROUP",
        status: "REGISTERED",
        registeredAt: new Date("2016-01-01T00:00:00+08:00"),
        inspectionReports: {
          create: { roundId: round.id, year: YEAR, status, conclusion, concludedAt: conclusion ? new Date() : null },
        },
      },
    });
  }

  await login({ role: "ADMIN" });
  await page.goto("/admin/inspection/stats");
  await expect(page.getByRole("heading", { name: "年检统计" })).toBeVisible();

  // Every year on the page matches the database. Other specs add and conclude reports while this one runs,
  // so the page and the query are taken again together until one pair agrees.
  await expect(async () => {
    await page.reload();
    const grouped = await prisma.inspectionReport.groupBy({ by: ["year", "conclusion"], _count: { _all: true } });
    const years = [...new Set(grouped.map((g) => g.year))];
    expect(years).toContain(YEAR);
    for (const year of years) {
      const count = (c: string) => grouped.find((g) => g.year === year && g.conclusion === c)?._count._all ?? 0;
      const cell = (col: string) =>
        page.locator(`tr[data-year="${year}"] [data-col="${col}"]`).textContent({ timeout: 2000 });
      expect(await cell("qualified")).toBe(String(count("QUALIFIED")));
      expect(await cell("basic")).toBe(String(count("BASIC")));
      expect(await cell("unqualified")).toBe(String(count("UNQUALIFIED")));
      expect(await cell("missed")).toBe(String(count("MISSED")));
      expect(await cell("tookPart")).toBe(String(count("QUALIFIED") + count("BASIC") + count("UNQUALIFIED")));
    }
  }).toPass({ timeout: 15_000 });
  const thisYear = page.locator(`tr[data-year="${YEAR}"]`);
  await expect(thisYear.locator('[data-col="tookPart"]')).toHaveText("5");
  await expect(thisYear.locator('[data-col="qualified"]')).toHaveText("3");
  // The chart draws the same numbers.
  await expect(page.locator("svg title", { hasText: `${YEAR}年度合格：3` })).toHaveCount(1);
  await expect(page.locator("svg title", { hasText: `${YEAR}年度未参检：1` })).toHaveCount(1);

  // The Excel export lists every organization of the round.
  const response = await page.request.get(`/admin/inspection/${YEAR}/export`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(response.headers()["content-disposition"]).toContain(
    `filename*=UTF-8''${encodeURIComponent(`${YEAR}年度年检结果.xlsx`)}`,
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount).toBe(outcomes.length + 1);
  const exported = new Map<string, string>();
  sheet.eachRow((row, n) => {
    if (n > 1) exported.set(String(row.getCell(2).value), String(row.getCell(10).value ?? ""));
  });
  expect(exported.get(names[3]!)).toBe("基本合格");
  expect(exported.get(names[5]!)).toBe("未参检");

  // The announcement shows concluded and missed organizations only.
  await page.goto(`/inspection/${YEAR}`);
  await expect(page.getByText("共 6 家：合格 3 家，基本合格 1 家，不合格 1 家，未参检 1 家。")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(names[4]!) })).toContainText("不合格");
  await expect(page.getByRole("row", { name: new RegExp(names[6]!) })).toHaveCount(0);
});
