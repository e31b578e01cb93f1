import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";

// A year no seed data or other spec uses.
const YEAR = 2097;

test("an administrator opens a round: deadlines follow the year, organizations are listed and notified, a second opening is refused", async ({
  page,
  login,
}) => {
  // A retry finds the first attempt's round; start the year afresh.
  await prisma.inspectionReport.deleteMany({ where: { year: YEAR } });
  await prisma.inspectionRound.deleteMany({ where: { year: YEAR } });
  await prisma.organization.deleteMany({ where: { name: { startsWith: "新登记测试中心" } } });
  const recent = await prisma.organization.create({
    data: {
      name: `新登记测试中心${Date.now()}`,
      type: "SOCIAL_SERVICE",
      status: "REGISTERED",
      registeredAt: new Date(`${YEAR}-09-01T00:00:00+08:00`),
    },
    select: { id: true },
  });
  await login({ role: "ADMIN" });
  await page.goto("/admin/inspection");
  await expect(page.getByRole("heading", { name: "年检管理" })).toBeVisible();
  await page.getByLabel("年检年度（报告哪一年）").fill(String(YEAR));
  await expect(page.getByLabel("社会团体、社会服务机构截止日期")).toHaveValue(`${YEAR + 1}-05-31`);
  await expect(page.getByLabel("基金会截止日期")).toHaveValue(`${YEAR + 1}-03-31`);

  await page.getByRole("button", { name: "开启年检" }).click();
  await expect(page.getByRole("heading", { name: `${YEAR}年度年检` })).toBeVisible();
  // Other specs register organizations while this runs, so the expected count is read from the round itself.
  const [due, exemptCount] = await Promise.all([
    prisma.inspectionReport.count({ where: { year: YEAR, status: { not: "EXEMPT" } } }),
    prisma.inspectionReport.count({ where: { year: YEAR, status: "EXEMPT" } }),
  ]);
  expect(exemptCount).toBe(1);
  expect(due).toBeGreaterThan(40);
  const longRegistered = await prisma.organization.findFirstOrThrow({
    where: { status: "REGISTERED", registeredAt: { lt: new Date("2020-01-01T00:00:00+08:00") } },
    select: { inspectionReports: { where: { year: YEAR }, select: { status: true } } },
  });
  expect(longRegistered.inspectionReports).toEqual([{ status: "PENDING" }]);
  await expect(page.getByText(`已开启${YEAR}年度年检：应参检 ${due} 家，免检 1 家，已通知各组织。`)).toBeVisible();
  // The deadline is far away: nothing can be marked 未参检 yet.
  await expect(page.getByRole("button", { name: "标记未参检" })).toBeDisabled();

  const exempt = await prisma.inspectionReport.findFirstOrThrow({
    where: { organizationId: recent.id, year: YEAR },
    select: { status: true },
  });
  expect(exempt.status).toBe("EXEMPT");
  await page.getByLabel("状态").selectOption({ label: "免于年检" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByText("共 1 条")).toBeVisible();

  await page.goto("/admin/inspection");
  await page.getByLabel("年检年度（报告哪一年）").fill(String(YEAR));
  await page.getByRole("button", { name: "开启年检" }).click();
  await expect(page.getByText(`${YEAR}年度的年检已经开启，不能重复开启`)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`${YEAR}年度`) })).toBeVisible();

  await page.goto("/admin/inspection/revocation");
  await expect(page.getByRole("heading", { name: "拟撤销登记名单" })).toBeVisible();
});
