import { prisma } from "~/utils/db.server";
import { expect, loginAs, test } from "../playwright-utils";
import { assign, createReviewRound, submitReview } from "./review-helpers";

test("staff remind a late reviewer, swap them with a reason and reopen a submitted review, which the reviewer sees", async ({
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
  const [late, done, replacement] = round.reviewers as [
    (typeof round.reviewers)[number],
    (typeof round.reviewers)[number],
    (typeof round.reviewers)[number],
  ];
  const app = round.applications[0]!;
  const lateTask = await assign(round.call.id, app.id, late.id, -1);
  const doneTask = await assign(round.call.id, app.id, done.id);
  await submitReview(doneTask.id, round.criteria, [16, 24, 15, 12, 12]);

  // The panel counts the overdue task; a reminder goes out once, not twice within 24 hours.
  await page.goto(`/admin/grants/${round.call.id}/review`);
  await expect(page.getByRole("heading", { level: 1, name: "专家评审" })).toBeVisible();
  await expect(page.getByTestId("overdue-count")).toContainText("逾期未提交 1 项");
  await page.getByRole("button", { name: "催办逾期专家" }).click();
  await expect(page.getByTestId("remind-result")).toHaveText("已催办 1 位评审专家（站内通知和邮件）。");
  await page.getByRole("button", { name: "催办逾期专家" }).click();
  await expect(page.getByTestId("remind-result")).toContainText("没有需要催办的评审专家");

  // Swapping needs a reason, checked at the field.
  await page
    .getByTestId("review-row")
    .filter({ hasText: app.title })
    .getByRole("link", { name: `查看评审：${app.title}` })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: app.title })).toBeVisible();
  await expect(page.getByTestId("review-progress")).toHaveText("已提交 1 / 2");
  const lateCard = page.getByRole("article", { name: `${late.name} 的评审` });
  await expect(lateCard).toContainText("最近催办");
  await lateCard.getByText("更换评审专家").click();
  const swap = lateCard.getByRole("form", { name: `更换 ${late.name}` });
  const choice = swap.getByLabel("替换为").locator("option").filter({ hasText: replacement.name });
  await swap.getByLabel("替换为").selectOption({ label: (await choice.textContent())! });
  await swap.getByRole("button", { name: "确认更换" }).click();
  await expect(swap.getByText("请填写更换理由")).toBeVisible();
  await swap.getByLabel("更换理由").fill("专家逾期未评且联系不上，改派同领域专家。");
  await swap.getByRole("button", { name: "确认更换" }).click();
  await expect(page.getByTestId("review-action-result")).toHaveText(`已更换为 ${replacement.name}，并通知了相关专家。`);
  await expect(lateCard.getByTestId("assignment-status")).toHaveText("已更换");
  await expect(lateCard).toContainText("更换理由：专家逾期未评且联系不上，改派同领域专家。");
  await expect(
    page.getByRole("article", { name: `${replacement.name} 的评审` }).getByTestId("assignment-status"),
  ).toHaveText("待评审");
  await expect(page.getByRole("region", { name: "评审任务记录" })).toContainText(
    `更换 ${late.name} → ${replacement.name}：专家逾期未评且联系不上，改派同领域专家。`,
  );

  // Reopening a submitted review, with a reason.
  const doneCard = page.getByRole("article", { name: `${done.name} 的评审` });
  await expect(doneCard.getByTestId("assignment-status")).toHaveText("已提交");
  await doneCard.getByText("重新开放评分").click();
  const reopen = doneCard.getByRole("form", { name: `重新开放 ${done.name} 的评分` });
  await reopen.getByLabel("重新开放理由").fill("预算合理性评分与评语不一致，请复核。");
  await reopen.getByRole("button", { name: "确认重新开放" }).click();
  await expect(page.getByTestId("review-action-result")).toHaveText(`已重新开放 ${done.name} 的评分，并通知了该专家。`);
  await expect(doneCard.getByTestId("assignment-status")).toHaveText("已保存草稿");
  await expect(page.getByTestId("review-progress")).toHaveText("已提交 0 / 2");

  const events = await prisma.auditEvent.findMany({
    where: { entityType: "ReviewAssignment", entityId: { in: [lateTask.id, doneTask.id] }, actorId: admin.id },
    orderBy: { createdAt: "asc" },
    select: { entityId: true, fromState: true, toState: true, reason: true },
  });
  expect(events).toEqual([
    {
      entityId: lateTask.id,
      fromState: "ASSIGNED",
      toState: "REPLACED",
      reason: "专家逾期未评且联系不上，改派同领域专家。",
    },
    {
      entityId: doneTask.id,
      fromState: "SUBMITTED",
      toState: "DRAFTED",
      reason: "预算合理性评分与评语不一致，请复核。",
    },
  ]);

  // The late reviewer was reminded, then told the task went to someone else, and can no longer open it.
  const lateContext = await browser.newContext();
  const latePage = await lateContext.newPage();
  await loginAs(latePage, late.id);
  await latePage.goto("/notifications");
  await expect(latePage.getByRole("main").getByText(`评审催办：${round.call.title}`)).toBeVisible();
  await expect(latePage.getByRole("main").getByText(`评审任务已调整：${app.title}`)).toBeVisible();
  const gone = await latePage.goto(`/reviewer/reviews/${lateTask.id}`);
  expect(gone?.status()).toBe(404);
  await lateContext.close();

  // The reviewer whose review was reopened sees why, edits the kept scores and submits again.
  const doneContext = await browser.newContext();
  const donePage = await doneContext.newPage();
  await loginAs(donePage, done.id);
  await donePage.goto(`/reviewer/reviews/${doneTask.id}`);
  await expect(donePage.getByTestId("reopen-note")).toHaveText(
    "工作人员已重新开放您的评分，请修改后重新提交。原因：预算合理性评分与评语不一致，请复核。",
  );
  const budget = donePage.getByLabel("预算合理性");
  await expect(budget).toHaveValue("12");
  await budget.fill("8");
  await donePage.getByRole("button", { name: "提交评分" }).click();
  await donePage.getByRole("dialog").getByRole("button", { name: "确认提交评分" }).click();
  await expect(donePage.getByRole("status")).toHaveText("评分已提交，感谢您的评审。");
  await expect(donePage.getByTestId("reopen-note")).toHaveCount(0);
  await doneContext.close();

  const scores = await prisma.reviewScore.findMany({ where: { assignmentId: doneTask.id }, select: { score: true } });
  expect(scores.map((s) => s.score).sort((a, b) => a - b)).toEqual([8, 12, 15, 16, 24]);
});
