// #12 items 4-7: staff open a round on a scheme; an organization self-assesses with evidence and
// submits; staff pass it; an expert scores every leaf and must give a 扣分原因 where points are
// taken off; the application is then SCORED with the expert's total.
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { assignExpertAndSignIn, registeredYearsAgo, smallRatingScheme } from "./rating-helpers";
import { pdf } from "./registration-helpers";

test("a rating round from opening to the expert's scores", async ({ page, login }) => {
  const scheme = await smallRatingScheme();
  const title = `等级评估测试${scheme.suffix}`;

  // Staff create the round, pick the scheme and open it.
  await login({ role: "ADMIN" });
  await page.goto("/admin/rating/new");
  await expect(page.getByRole("heading", { level: 1, name: "新建等级评估" })).toBeVisible();
  await page.getByLabel("评估名称").fill(title);
  await page.getByLabel("社会服务机构指标体系").selectOption({ label: `${scheme.title}（第 1 版，40 分）` });
  await page.getByLabel("每份申请的评估专家人数").fill("1");
  await page.getByRole("button", { name: "保存评估" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("评估设置已保存。")).toBeVisible();
  await page.getByRole("button", { name: "开放申报" }).click();
  await expect(page.getByText("已开放申报，所用指标体系已冻结。")).toBeVisible();
  const scheme2 = await prisma.indicatorScheme.findUniqueOrThrow({
    where: { id: scheme.id },
    select: { frozenAt: true },
  });
  expect(scheme2.frozenAt).not.toBeNull();

  // The organization self-assesses each block with evidence and submits.
  const member = await createUser({ role: "ORG_MEMBER" });
  await registeredYearsAgo(member.organizationId!, 3);
  await page.context().clearCookies();
  await loginAs(page, member.id);
  await page.goto("/org/rating");
  await expect(page.getByRole("heading", { level: 1, name: "等级评估" })).toBeVisible();
  const item = page.getByTestId("rating-round").filter({ hasText: title });
  await item.getByRole("button", { name: "开始自评" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await page.getByTestId("block-1").getByRole("link", { name: "填写自评" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "1 基础条件" })).toBeVisible();
  await page.getByLabel("1.1 按章程规定程序选举产生法定代表人 自评").selectOption("yes");
  await page.getByLabel("1.2 办公场所面积 自评档次").selectOption({ label: "80㎡及以上（10 分）" });
  await page.getByLabel("佐证材料（1.1）").setInputFiles(pdf("选举会议记录.pdf"));
  await page.getByRole("button", { name: "保存本项自评" }).click();
  await expect(page.getByText("自评已保存。")).toBeVisible();
  await expect(page.getByTestId("block-1")).toContainText("2 / 2");

  await page.getByTestId("block-2").getByRole("link", { name: "填写自评" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "2 内部治理" })).toBeVisible();
  await page.getByLabel("建立财务管理制度（5 分）").check();
  await page.getByLabel("年度审计（5 分）").check();
  await page.getByLabel("2.2 信息公开 自评分").fill("8");
  await page.getByRole("button", { name: "保存本项自评" }).click();
  await expect(page.getByText("自评已保存。")).toBeVisible();
  await expect(page.getByTestId("self-total")).toHaveText("38");
  await page.getByRole("button", { name: "提交评估申请" }).click();
  await expect(page.getByText("评估申请已提交，请等待审核。")).toBeVisible();

  const application = await prisma.ratingApplication.findFirstOrThrow({
    where: { organizationId: member.organizationId! },
    select: { id: true, roundId: true, status: true, eligibility: true },
  });
  expect(application.status).toBe("SUBMITTED");
  expect(JSON.parse(application.eligibility!)).toMatchObject({ eligible: true, rulesVersion: "2026" });

  // Staff pass it into the expert panel.
  const admin = await createUser({ role: "ADMIN" });
  await page.context().clearCookies();
  await loginAs(page, admin.id);
  await page.goto(`/admin/rating/applications/${application.id}`);
  await expect(page.getByText("全部指标已自评")).toBeVisible();
  await page.getByLabel("审核结果").selectOption({ label: "审核通过，进入专家评估" });
  await page.getByRole("button", { name: "保存审核结果" }).click();
  await expect(page.getByText("审核结果已保存，已通知该组织。")).toBeVisible();

  // An expert scores every leaf; taking points off needs a reason.
  const assignment = await assignExpertAndSignIn(page, application);
  await page.goto("/reviewer/reviews");
  await page
    .getByRole("link", { name: new RegExp("等级评估申请") })
    .first()
    .waitFor();
  await page.goto(`/reviewer/reviews/${assignment.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("等级评估申请");
  await page.getByLabel("1.1 按章程规定程序选举产生法定代表人 专家评分").selectOption("10");
  await page.getByLabel("1.2 办公场所面积 专家评分").selectOption("6");
  await page.getByLabel("2.1 财务制度 专家评分").fill("10");
  await page.getByLabel("2.2 信息公开 专家评分").fill("6");
  await page.getByLabel("现场评估记录").fill("实地查看办公场所，查阅财务制度和年度报告。");
  await page.getByRole("button", { name: "提交评分" }).click();
  await expect(page.getByText("扣分的指标须填写扣分原因", { exact: true })).toHaveCount(2);
  await page.getByLabel("1.2 办公场所面积 扣分原因").fill("实测办公面积约 60㎡");
  await page.getByLabel("2.2 信息公开 扣分原因").fill("年度报告未在网站公开");
  await page.getByRole("button", { name: "提交评分" }).click();
  await expect(page.getByText("评分已提交，感谢您的评审。")).toBeVisible();

  const scored = await prisma.ratingApplication.findUniqueOrThrow({
    where: { id: application.id },
    select: { status: true, expertTotal: true },
  });
  expect(scored).toEqual({ status: "SCORED", expertTotal: 32 });
  const note = await prisma.reviewScore.findFirstOrThrow({
    where: { assignmentId: assignment.id, criterionId: "1.2" },
    select: { note: true },
  });
  expect(note.note).toBe("实测办公面积约 60㎡");

  // Staff see the score sheet with the gap highlighted.
  await page.context().clearCookies();
  await loginAs(page, admin.id);
  await page.goto(`/admin/rating/applications/${application.id}`);
  const sheet = page.getByTestId("score-sheet");
  await expect(sheet).toContainText("实测办公面积约 60㎡");
  await expect(sheet.locator("tr[data-gap]")).toHaveCount(1);
});
