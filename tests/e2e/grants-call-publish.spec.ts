import crypto from "node:crypto";
import { addDays, toDateInput, shanghaiParts } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";

test("an administrator creates and publishes a 公益创投 call, and the public sees its rules and timeline", async ({
  page,
  login,
  browser,
}) => {
  const admin = await login({ role: "ADMIN" });
  const title = `公益创投测试活动${crypto.randomBytes(3).toString("hex")}`;
  const now = new Date();
  const day = (n: number) => toDateInput(addDays(now, n));

  await page.goto("/admin");
  await page.getByRole("navigation", { name: "民政局管理后台导航" }).getByRole("link", { name: "公益创投" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "公益创投" })).toBeVisible();
  await page.getByRole("link", { name: "新建活动" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "新建公益创投活动" })).toBeVisible();

  // The rubric and the tranche plan come prefilled.
  await expect(page.getByTestId("criterion-row")).toHaveCount(7);
  await expect(page.getByLabel("第 1 项名称", { exact: true })).toHaveValue("需求分析");
  await expect(page.getByTestId("weight-sum")).toHaveText("权重合计 100%");
  await expect(page.getByTestId("tranche-row")).toHaveCount(3);

  await page.getByLabel("活动名称", { exact: true }).fill(title);
  // This year's: the public list puts later years first, 20 to a page.
  await page.getByLabel("年度", { exact: true }).fill(String(shanghaiParts(new Date()).year));
  await page.getByLabel("活动说明", { exact: true }).fill("面向全区社会组织征集为老、助残等公益服务项目。");
  await page.getByLabel("资金总额（元）", { exact: true }).fill("500000");
  await page.getByLabel("单个项目资助上限（元）", { exact: true }).fill("50000");
  await page.getByLabel("申报开始日期", { exact: true }).fill(day(-1));
  await page.getByLabel("申报截止日期", { exact: true }).fill(day(30));
  await page.getByLabel("资格审查截止日期", { exact: true }).fill(day(45));
  await page.getByLabel("专家评审截止日期", { exact: true }).fill(day(60));
  await page.getByLabel("签约截止日期", { exact: true }).fill(day(90));
  await page.getByLabel("最低评估等级", { exact: true }).selectOption("3");

  // Weights adding up to 90 cannot be published.
  await page.getByLabel("第 1 项权重（%）", { exact: true }).fill("5");
  await expect(page.getByTestId("weight-sum")).toHaveText("权重合计 90%");
  await page.getByRole("button", { name: "发布" }).click();
  await expect(page.getByText("各评分项权重之和须为 100%，当前为 90%")).toBeVisible();
  expect(await prisma.grantCall.count({ where: { title } })).toBe(0);

  await page.getByLabel("第 1 项权重（%）", { exact: true }).fill("15");
  await expect(page.getByText("各评分项权重之和须为 100%，当前为 90%")).toHaveCount(0);
  await page.getByRole("button", { name: "发布" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("活动已发布。");
  await expect(page.getByTestId("call-status")).toHaveText("已发布");
  await expect(page.getByRole("link", { name: "申报与初审" })).toBeVisible();
  await expect(page.getByRole("link", { name: "导出 Excel" })).toBeVisible();

  const call = await prisma.grantCall.findFirstOrThrow({
    where: { title },
    select: {
      id: true,
      status: true,
      publishedAt: true,
      poolFen: true,
      perProjectCapFen: true,
      criteria: { select: { weightPct: true } },
    },
  });
  expect(call.status).toBe("PUBLISHED");
  expect(call.publishedAt).not.toBeNull();
  expect(call.poolFen).toBe(50_000_000n);
  expect(call.perProjectCapFen).toBe(5_000_000);
  expect(call.criteria.reduce((s, c) => s + c.weightPct, 0)).toBe(100);
  const audit = await prisma.auditEvent.findFirst({
    where: { entityType: "GrantCall", entityId: call.id, action: "grant_call.transition" },
    select: { fromState: true, toState: true, actorId: true },
  });
  expect(audit).toEqual({ fromState: "DRAFT", toState: "PUBLISHED", actorId: admin.id });
  expect(await prisma.notification.count({ where: { userId: admin.id, link: `/admin/grants/${call.id}` } })).toBe(1);

  // A published call keeps its rules: the editor offers only the description.
  await page.getByRole("link", { name: "修改活动说明" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `编辑：${title}` })).toBeVisible();
  await expect(page.getByLabel("资金总额（元）", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "保存说明" })).toBeVisible();

  // ── The public ─────────────────────────────────────────────────────────
  const visitorContext = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const visitor = await visitorContext.newPage();
  await visitor.goto("/");
  await visitor.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "公益创投" }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: "公益创投" })).toBeVisible();
  const item = visitor.getByRole("listitem").filter({ hasText: title });
  await expect(item).toContainText("申报中");
  await expect(item).toContainText("¥500,000.00");
  await item.getByRole("link", { name: title }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const main = visitor.getByRole("main");
  await expect(main.getByTestId("call-money-rules")).toContainText("¥50,000.00");
  await expect(main.getByTestId("call-money-rules")).toContainText("不超过 60%");
  await expect(main.getByTestId("call-money-rules")).toContainText("自有及配套资金不低于申请资助金额的 20%");
  await expect(main.getByTestId("call-money-rules")).toContainText("不超过项目总预算的 10%");
  await expect(main.getByTestId("call-eligibility")).toContainText("社会组织评估等级为 3A 及以上");
  await expect(main.getByTestId("call-eligibility")).toContainText("未被列入活动异常名录");
  await expect(main.getByRole("table", { name: "评分细则" })).toContainText("预算合理性");
  await expect(main.getByTestId("call-tranches")).toContainText("第 2 期：中期评估通过后拨付资助金额的 40%");

  const currentStep = main.getByRole("list", { name: "活动进度" }).locator('[aria-current="step"]');
  await expect(currentStep).toHaveCount(1);
  await expect(currentStep).toContainText("申报中");
  await expect(main.getByTestId("countdown")).toHaveText(/距申报截止还有 30 天 \d+ 小时 \d+ 分/);
  await expect(main.getByTestId("received-count")).toHaveText("0 份");
  await expect(main.getByRole("link", { name: "在线申报" })).toHaveAttribute("href", `/org/grants?call=${call.id}`);

  // A draft call does not exist for the public.
  const draft = await prisma.grantCall.create({
    data: {
      title: `${title}草稿`,
      year: 2026,
      description: "",
      poolFen: 100_000n,
      perProjectCapFen: 10_000,
      maxGrantSharePct: 60,
      overheadCapPct: 10,
      applyOpensAt: now,
      applyClosesAt: addDays(now, 10),
      screeningEndsAt: addDays(now, 20),
      reviewEndsAt: addDays(now, 30),
      signingEndsAt: addDays(now, 60),
      createdById: admin.id,
    },
    select: { id: true },
  });
  const response = await visitor.goto(`/grants/${draft.id}`);
  expect(response?.status()).toBe(404);
  await visitor.goto("/grants");
  await expect(visitor.getByRole("heading", { level: 1, name: "公益创投" })).toBeVisible();
  await expect(visitor.getByRole("main")).not.toContainText(`${title}草稿`);
  await visitorContext.close();
});
