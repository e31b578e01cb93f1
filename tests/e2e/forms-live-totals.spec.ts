// Issue #19 item 10: totals the system can compute are computed and shown as the
// lines are typed; checks it can make show while typing and again as a warning
// when a draft is saved; a section holding such an error is not marked done.
import { startGrantApplication } from "~/modules/grants/applications/applications.server";
import { prisma } from "~/utils/db.server";
import { createUser, expect, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";
import { createCall, registerOrganization } from "./grants-apply-helpers";

// A year no seed data or other spec uses.
const YEAR = 2091;

test("the annual report adds up 收入合计 and 费用合计 live and warns about the balance sheet on save", async ({
  page,
  login,
}) => {
  const member = await login({ role: "ORG_MEMBER", organizationName: `合计测试社会工作服务中心${Date.now()}` });
  const orgId = member.organizationId!;
  await prisma.organization.update({
    where: { id: orgId },
    data: { status: "REGISTERED", registeredAt: new Date("2015-03-01T00:00:00+08:00") },
  });
  const round = await prisma.inspectionRound.upsert({
    where: { year: YEAR },
    create: {
      year: YEAR,
      deadline: new Date(Date.now() + 30 * 86_400_000),
      foundationDeadline: new Date(Date.now() + 10 * 86_400_000),
    },
    update: {},
    select: { id: true },
  });
  const report = await prisma.inspectionReport.create({
    data: { roundId: round.id, organizationId: orgId, year: YEAR, status: "PENDING" },
    select: { id: true },
  });

  await page.goto(`/org/inspection/${report.id}`);
  await expect(page.getByRole("heading", { name: `${YEAR}年度工作报告` })).toBeVisible();
  const incomeTotal = page.getByTestId("total-incomeTotal");
  await expect(incomeTotal).toHaveText("¥0.00");
  await page.getByLabel("捐赠收入", { exact: true }).fill("1,000");
  await page.getByLabel("提供服务收入", { exact: true }).fill("500.50");
  await expect(incomeTotal).toHaveText("¥1,500.50");
  await expect(page.getByText("收入合计（自动计算，各项尚未填全）")).toBeVisible();
  for (const label of ["会费收入", "政府补助收入", "投资收益", "其他收入"])
    await page.getByLabel(label, { exact: true }).fill("0");
  await expect(page.getByText("收入合计（自动计算）")).toBeVisible();
  await page.getByLabel("业务活动成本", { exact: true }).fill("1200");
  await page.getByLabel("管理费用", { exact: true }).fill("200");
  for (const label of ["筹资费用", "其他费用"]) await page.getByLabel(label, { exact: true }).fill("0");
  await expect(page.getByTestId("total-expenseTotal")).toHaveText("¥1,400.00");

  // A check the system can make shows while typing, before any submission.
  await page.getByLabel("资产合计", { exact: true }).fill("5100");
  await page.getByLabel("负债合计", { exact: true }).fill("1000");
  await page.getByLabel("净资产合计", { exact: true }).fill("4000");
  const mismatch = "资产合计 ¥5,100.00 不等于负债合计与净资产合计之和 ¥5,000.00";
  await expect(page.getByTestId("live-assetsTotal")).toHaveText(mismatch);
  await expectNoSeriousA11yIssues(page);

  // The draft saves, says again what will stop submission, and the section is not done.
  await page.getByRole("button", { name: "保存草稿" }).click();
  const warnings = page.getByTestId("draft-warnings");
  await expect(warnings).toContainText("草稿已保存。");
  await expect(warnings).toContainText(`财务情况：${mismatch}`);
  const finance = page.getByTestId("progress-finance");
  await expect(finance).toContainText("15/15 待改正");
  await expect(finance).not.toContainText("✓");
  await expect(page.getByTestId("total-incomeTotal")).toHaveText("¥1,500.50");
  await expectNoSeriousA11yIssues(page);

  await page.getByLabel("资产合计", { exact: true }).fill("5000");
  await expect(page.getByTestId("live-assetsTotal")).toHaveCount(0);
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status")).toHaveText("草稿已保存。");
  await expect(finance).toContainText("✓ 15/15");
  const stored = await prisma.inspectionReport.findUniqueOrThrow({ where: { id: report.id }, select: { data: true } });
  expect(JSON.parse(stored.data ?? "{}")).toMatchObject({ incomeTotal: 150_050, expenseTotal: 140_000 });
});

test("the grant budget's totals follow the lines, and a saved draft over the cap is warned and not done", async ({
  page,
  login,
}) => {
  const member = await login({ role: "ORG_MEMBER" });
  await registerOrganization(member.organizationId!);
  const admin = await createUser({ role: "ADMIN" });
  const call = await createCall({ createdById: admin.id });
  const applicationId = await startGrantApplication({
    organizationId: member.organizationId!,
    userId: member.id,
    callId: call.id,
    request: new Request("http://localhost/org/grants"),
  });

  await page.goto(`/org/grants/${applicationId}`);
  await expect(page.getByRole("button", { name: "保存草稿" })).toBeVisible();
  await page.getByLabel("预算1科目").selectOption("ACTIVITY");
  await page.getByLabel("预算1用途说明").fill("助餐补贴");
  await page.getByLabel("预算1申请资助（元）").fill("80000");
  await page.getByLabel("预算1自有资金（元）").fill("20000");
  await page.getByRole("button", { name: "添加预算明细" }).click();
  await page.getByLabel("预算2科目").selectOption("MATERIALS");
  await page.getByLabel("预算2用途说明").fill("餐具");
  await page.getByLabel("预算2申请资助（元）").fill("40000");
  await page.getByLabel("预算2配套资金（元）").fill("12,000.50");
  await expect(page.getByTestId("total-requestedTotal")).toHaveText("¥120,000.00");
  await expect(page.getByTestId("total-ownTotal")).toHaveText("¥20,000.00");
  await expect(page.getByTestId("total-matchedTotal")).toHaveText("¥12,000.50");
  const overCap = "申请资助金额 ¥120,000.00 超过单个项目上限 ¥100,000.00";
  await expect(page.getByTestId("live-requestedTotal")).toContainText(overCap);
  await expect(page.getByLabel("申请资助金额合计（元）")).toHaveCount(0);
  await expectNoSeriousA11yIssues(page);

  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByTestId("draft-warnings")).toContainText(`预算：${overCap}`);
  const budgetMark = page.getByRole("navigation", { name: "填写进度" }).getByRole("link", { name: /预算/ });
  await expect(budgetMark).toHaveText("! 预算（待改正）");
  await expect(budgetMark).toHaveAttribute("data-complete", "false");
  await expectNoSeriousA11yIssues(page);
});
