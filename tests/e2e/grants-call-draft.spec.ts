import crypto from "node:crypto";
import { addDays, toDateInput } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";

test("a call saved as a draft keeps edited rows, is refused publishing until its tranches add up, and stays hidden meanwhile", async ({
  page,
  login,
}) => {
  await login({ role: "ADMIN" });
  const title = `草稿活动${crypto.randomBytes(3).toString("hex")}`;
  const now = new Date();
  const day = (n: number) => toDateInput(addDays(now, n));

  await page.goto("/admin/grants/new");
  await expect(page.getByRole("heading", { level: 1, name: "新建公益创投活动" })).toBeVisible();
  await page.getByLabel("活动名称", { exact: true }).fill(title);
  await page.getByLabel("活动说明", { exact: true }).fill("草稿说明");
  await page.getByLabel("资金总额（元）", { exact: true }).fill("300000");
  await page.getByLabel("单个项目资助上限（元）", { exact: true }).fill("30000");
  await page.getByLabel("申报开始日期", { exact: true }).fill(day(1));
  await page.getByLabel("申报截止日期", { exact: true }).fill(day(20));
  await page.getByLabel("资格审查截止日期", { exact: true }).fill(day(30));
  await page.getByLabel("专家评审截止日期", { exact: true }).fill(day(40));
  await page.getByLabel("签约截止日期", { exact: true }).fill(day(60));
  await page.getByLabel("其他", { exact: true }).uncheck();
  await page.getByLabel("新增类别", { exact: true }).fill("乡村振兴");

  // An extra criterion, and the last tranche removed: a draft may be incomplete.
  await page.getByRole("button", { name: "添加评分项" }).click();
  await expect(page.getByTestId("criterion-row")).toHaveCount(8);
  await page.getByLabel("第 8 项名称", { exact: true }).fill("公众参与");
  await page.getByLabel("第 8 项满分", { exact: true }).fill("10");
  await page.getByRole("button", { name: "删除 第 3 期" }).click();
  await expect(page.getByTestId("tranche-row")).toHaveCount(2);
  await expect(page.getByTestId("tranche-sum")).toHaveText("比例合计 80%");
  await page.getByRole("button", { name: "保存草稿" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("草稿已保存。");
  await expect(page.getByTestId("call-status")).toHaveText("草稿");
  await expect(page.getByTestId("call-money-rules")).toContainText("为老、助残、青少年、救助帮困、社区治理、乡村振兴");
  await expect(page.getByRole("table", { name: "评分细则" })).toContainText("公众参与");

  const call = await prisma.grantCall.findFirstOrThrow({ where: { title }, select: { id: true, status: true } });
  expect(call.status).toBe("DRAFT");
  expect(await prisma.grantTranchePlan.count({ where: { callId: call.id } })).toBe(2);
  expect(await prisma.grantCriterion.count({ where: { callId: call.id } })).toBe(8);
  expect((await page.request.get(`/grants/${call.id}`)).status()).toBe(404);

  // Publishing from the call's page re-checks the stored draft.
  await page.getByRole("button", { name: "发布" }).click();
  await expect(page.getByRole("alert")).toContainText("各期拨付比例之和须为 100%，当前为 80%");
  await expect(page.getByRole("alert")).not.toContainText("评分项");
  await expect(page.getByTestId("call-status")).toHaveText("草稿");

  // Fix it in the editor: the stored rows come back, including the added category.
  await page.getByRole("link", { name: "编辑", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `编辑：${title}` })).toBeVisible();
  await expect(page.getByLabel("乡村振兴", { exact: true })).toBeChecked();
  await expect(page.getByLabel("其他", { exact: true })).not.toBeChecked();
  await expect(page.getByLabel("第 8 项名称", { exact: true })).toHaveValue("公众参与");
  await expect(page.getByLabel("申报截止日期", { exact: true })).toHaveValue(day(20));
  await page.getByLabel("第 2 期比例（%）", { exact: true }).fill("60");
  await expect(page.getByTestId("tranche-sum")).toHaveText("比例合计 100%");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status")).toHaveText("草稿已保存。");

  await page.getByRole("button", { name: "发布" }).click();
  await expect(page.getByRole("status")).toHaveText("活动已发布。");
  await expect(page.getByTestId("call-status")).toHaveText("已发布");
  // Not open yet: the public page says when it opens and offers no application button.
  await page.goto(`/grants/${call.id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("main").getByTestId("phase-badge")).toHaveText("即将开始");
  await expect(page.getByRole("link", { name: "在线申报" })).toHaveCount(0);
});
