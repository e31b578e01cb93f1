import { startGrantApplication } from "~/modules/grants/applications/applications.server";
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";
import { createCall, createCompleteApplication, registerOrganization } from "./grants-apply-helpers";
import { assign, createReviewRound } from "./review-helpers";
import { addToCartFromProductPage, listedProduct } from "./showroom-helpers";

test("the cart offers 继续选购 and the header counts what the cart holds", async ({ page }) => {
  const product = await listedProduct();
  await page.goto("/products");
  await expect(page.getByTestId("header-cart")).toHaveAccessibleName("购物车");

  await addToCartFromProductPage(page, product.id, product.name, 2);
  await expect(page.getByTestId("header-cart")).toHaveAccessibleName("购物车，2 件");
  await expectNoSeriousA11yIssues(page);

  await page.getByRole("link", { name: "继续选购" }).click();
  await expect(page).toHaveURL("/products");
  // The count survives a new page load: it is read from this browser's cart.
  await expect(page.getByTestId("header-cart")).toHaveAccessibleName("购物车，2 件");
});

test("在线申报 opens the organization's own application for the call when it has one", async ({ page, login }) => {
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

  await page.goto(`/grants/${call.id}`);
  await page.getByRole("link", { name: "在线申报" }).click();
  await expect(page).toHaveURL(`/org/grants/${applicationId}`);
  await expect(page.getByRole("button", { name: "保存草稿" })).toBeVisible();
  // What 提交 will demand is marked before anything is typed (item 11); a draft saves without it.
  await expect(page.getByLabel("项目名称")).toHaveAttribute("required", "");
  await expect(page.getByLabel("里程碑1名称")).toHaveAttribute("required", "");
  await expect(page.getByLabel("里程碑1日期")).not.toHaveAttribute("required", "");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("草稿已保存")).toBeVisible();
});

test("an organization's home leads to its registration while preparing and to its certificate once registered", async ({
  page,
  login,
}) => {
  const member = await login({ role: "ORG_MEMBER" });
  await page.goto("/org");
  const nav = page.getByRole("navigation").filter({ hasText: "工作台" }).first();
  await expect(nav.getByRole("link", { name: "年检" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "公益产品" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "登记完成后开放的事项" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await page.getByRole("link", { name: "填写登记申请" }).first().click();
  await expect(page).toHaveURL(/\/org\/registration/);

  await registerOrganization(member.organizationId!);
  await page.goto("/org");
  await expect(nav.getByRole("link", { name: "年检" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "登记完成后开放的事项" })).toHaveCount(0);
  await page.getByRole("link", { name: "查看登记证书" }).click();
  await expect(page).toHaveURL("/org/certificate");
});

test("after submitting a score the reviewer goes on to 下一项待评审", async ({ page }) => {
  const admin = await createUser({ role: "ADMIN" });
  const round = await createReviewRound({ adminId: admin.id, applications: 2, reviewers: 1 });
  const [reviewer] = round.reviewers;
  const [first, second] = round.applications;
  const { id: firstTask } = await assign(round.call.id, first!.id, reviewer!.id, 5);
  const { id: secondTask } = await assign(round.call.id, second!.id, reviewer!.id, 6);

  await loginAs(page, reviewer!.id);
  await page.goto(`/reviewer/reviews/${firstTask}`);
  await expect(page.getByRole("heading", { level: 1, name: first!.title })).toBeVisible();
  const rubric = page.getByRole("complementary", { name: "评分" });
  for (const [label, score] of [
    ["需求分析", "18"],
    ["项目设计", "25"],
    ["可行性", "16"],
    ["预算合理性", "12"],
    ["社会效益", "13"],
  ] as const)
    await rubric.getByLabel(label).fill(score);
  await rubric.getByLabel("评审意见").fill("需求清楚，设计完整。");
  await rubric.getByRole("radio", { name: "建议资助", exact: true }).check();
  await rubric.getByRole("button", { name: "提交评分" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认提交评分" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("评分已提交，感谢您的评审。");
  const next = page.getByRole("navigation", { name: "下一项" });
  await expect(next).toContainText(second!.title);
  await expectNoSeriousA11yIssues(page);

  await next.getByRole("link", { name: "下一项待评审" }).click();
  await expect(page).toHaveURL(`/reviewer/reviews/${secondTask}`);
  await expect(page.getByRole("heading", { level: 1, name: second!.title })).toBeVisible();
});

test("after a screening decision staff go on to 下一份 awaiting screening", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  const admin = await createUser({ role: "ADMIN" });
  const call = await createCall({ createdById: admin.id });
  const titles = ["下一份测试甲项目", "下一份测试乙项目"];
  const ids: string[] = [];
  for (const [i, title] of titles.entries()) {
    const owner = await createUser({ role: "ORG_MEMBER" });
    await registerOrganization(owner.organizationId!);
    const app = await createCompleteApplication({
      callId: call.id,
      organizationId: owner.organizationId!,
      userId: owner.id,
      status: "SUBMITTED",
      title,
    });
    await prisma.grantApplication.update({
      where: { id: app.id },
      data: { submittedAt: new Date(Date.now() - (10 - i) * 3_600_000) },
    });
    ids.push(app.id);
  }

  await page.goto(`/admin/grants/applications/${ids[0]}`);
  await expect(page.getByRole("heading", { level: 1, name: titles[0] })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "下一份" })).toHaveCount(0);
  await page.getByRole("button", { name: "通过", exact: true }).click();
  await expect(page.getByTestId("grant-status")).toHaveText("初审通过");
  const next = page.getByRole("navigation", { name: "下一份" });
  await expect(next).toContainText(titles[1]!);
  await expectNoSeriousA11yIssues(page);
  await next.getByRole("link", { name: "下一份" }).click();
  await expect(page).toHaveURL(`/admin/grants/applications/${ids[1]}`);
  await expect(page.getByRole("heading", { level: 1, name: titles[1] })).toBeVisible();

  // The last one decided: nothing awaits screening, the page says so and leads back to the list.
  await page.getByRole("button", { name: "通过", exact: true }).click();
  await expect(page.getByRole("navigation", { name: "下一份" })).toContainText("本次活动已没有待审查的申报。");
});
