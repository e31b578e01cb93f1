import { prisma } from "~/utils/db.server";
import { expect, loginAs, test } from "../playwright-utils";
import { assign, createReviewRound } from "./review-helpers";

test("a reviewer recuses; staff see it and assign another reviewer, who gets the task", async ({
  page,
  login,
  browser,
}) => {
  const admin = await login({ role: "ADMIN" });
  const round = await createReviewRound({
    adminId: admin.id,
    applications: 1,
    reviewers: 3,
    reviewersPerApplication: 2,
  });
  const [recusing, staying, replacement] = round.reviewers as [
    (typeof round.reviewers)[number],
    (typeof round.reviewers)[number],
    (typeof round.reviewers)[number],
  ];
  const app = round.applications[0]!;
  const task = await assign(round.call.id, app.id, recusing.id);
  await assign(round.call.id, app.id, staying.id);

  // The reviewer declares a conflict of interest.
  const reviewerContext = await browser.newContext();
  const reviewerPage = await reviewerContext.newPage();
  await loginAs(reviewerPage, recusing.id);
  await reviewerPage.goto(`/reviewer/reviews/${task.id}`);
  await expect(reviewerPage.getByRole("heading", { level: 1, name: app.title })).toBeVisible();
  await reviewerPage.getByLabel("回避理由").fill("本人曾担任该机构的理事，存在利益关系。");
  await reviewerPage.getByRole("button", { name: "确认回避" }).click();
  await expect(reviewerPage.getByRole("status")).toContainText("已申请回避");
  await reviewerContext.close();

  // Staff are told, and the review page flags the application.
  await page.goto("/notifications");
  await expect(page.getByRole("main").getByText("评审专家申请回避，需要补派").first()).toBeVisible();
  await page.goto(`/admin/grants/${round.call.id}/review`);
  await expect(page.getByRole("heading", { level: 1, name: "专家评审" })).toBeVisible();
  const row = page.getByTestId("review-row").filter({ hasText: app.title });
  await expect(row).toContainText("需补派（在评 1 / 2）");
  await expect(row).toContainText("回避 1 人");
  await expect(row.getByTestId("reviewer-chip")).toHaveCount(1);

  // Staff open the application and add the third reviewer.
  await row.getByRole("link", { name: `查看评审：${app.title}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: app.title })).toBeVisible();
  const recused = page.getByRole("article", { name: `${recusing.name} 的评审` });
  await expect(recused.getByTestId("assignment-status")).toHaveText("已回避");
  await expect(recused).toContainText("回避理由：本人曾担任该机构的理事，存在利益关系。");
  const add = page.getByRole("region", { name: "补派评审专家" });
  await expect(add).toContainText("本项目还差 1 位评审专家");
  // Neither the recused nor the current reviewer can be picked again.
  const options = add.getByLabel("补派专家").locator("option");
  await expect(options.filter({ hasText: recusing.name })).toHaveCount(0);
  await expect(options.filter({ hasText: staying.name })).toHaveCount(0);
  await add
    .getByLabel("补派专家")
    .selectOption({ label: (await options.filter({ hasText: replacement.name }).textContent())! });
  await add.getByLabel("补派理由").fill("原评审专家回避，补派同领域专家。");
  await add.getByRole("button", { name: "补派评审专家" }).click();
  await expect(page.getByTestId("review-action-result")).toHaveText(`已补派 ${replacement.name}，并通知了该专家。`);
  await expect(
    page.getByRole("article", { name: `${replacement.name} 的评审` }).getByTestId("assignment-status"),
  ).toHaveText("待评审");
  await expect(page.getByRole("region", { name: "补派评审专家" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "评审任务记录" })).toContainText("补派 " + replacement.name);

  const rows = await prisma.reviewAssignment.findMany({
    where: { subjectId: app.id },
    select: { reviewerId: true, status: true },
  });
  expect(rows).toHaveLength(3);
  expect(rows.find((r) => r.reviewerId === replacement.id)?.status).toBe("ASSIGNED");

  // The new reviewer finds the task in their list.
  const newContext = await browser.newContext();
  const newPage = await newContext.newPage();
  await loginAs(newPage, replacement.id);
  await newPage.goto("/reviewer/reviews");
  await expect(newPage.getByRole("heading", { level: 1, name: "评审任务" })).toBeVisible();
  await expect(newPage.getByTestId("review-task").filter({ hasText: app.title })).toBeVisible();
  await newContext.close();
});
