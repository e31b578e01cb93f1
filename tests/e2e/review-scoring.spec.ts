import fs from "node:fs";
import path from "node:path";
import { resolveStoragePath } from "~/modules/attachments/uploads.server";
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { assign, createReviewRound } from "./review-helpers";

test("a reviewer scores an assigned application: field errors, submit, locked", async ({ page }) => {
  const admin = await createUser({ role: "ADMIN" });
  const round = await createReviewRound({ adminId: admin.id, applications: 2, reviewers: 2 });
  const [reviewer, otherReviewer] = round.reviewers;
  const [target, recusedApp] = round.applications;
  const { id: assignmentId } = await assign(round.call.id, target!.id, reviewer!.id);
  // An assignment the reviewer stepped back from is not in their to-do list.
  const recused = await assign(round.call.id, recusedApp!.id, reviewer!.id);
  await prisma.reviewAssignment.update({
    where: { id: recused.id },
    data: { status: "RECUSED", recuseReason: "与申报机构有合作关系" },
  });
  const organization = await prisma.organization.findUniqueOrThrow({
    where: { id: target!.organizationId },
    select: { name: true },
  });
  // The plan file the application carries, present on disk so /files/:id can serve it.
  const plan = await prisma.attachment.findFirstOrThrow({
    where: { subjectType: "GrantApplication", subjectId: target!.id, purpose: "grant.plan" },
    select: { id: true, storageKey: true },
  });
  const planPath = resolveStoragePath(plan.storageKey);
  fs.mkdirSync(path.dirname(planPath), { recursive: true });
  fs.writeFileSync(planPath, "%PDF-1.4\n%%EOF\n");

  await loginAs(page, reviewer!.id);
  await page.goto("/reviewer");
  await page.getByRole("navigation", { name: "评审专家工作台导航" }).getByRole("link", { name: "评审任务" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "评审任务" })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.getByTestId("review-progress")).toHaveText("已完成 0 / 1");
  await expect(main.getByTestId("review-task")).toHaveCount(1);
  const row = main.getByRole("row", { name: new RegExp(target!.title) });
  await expect(row).toContainText(round.call.title);
  await expect(row).toContainText(organization.name);
  await expect(row).toContainText("待评审");
  await expect(main.getByRole("region", { name: "已回避" })).toContainText(recusedApp!.title);

  await row.getByRole("link", { name: target!.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: target!.title })).toBeVisible();
  await expect(main.getByTestId("applicant")).toContainText(organization.name);
  await expect(main.getByText("辖区独居和空巢老人")).toBeVisible();
  await expect(main.getByRole("cell", { name: "助餐补贴" })).toBeVisible();
  // The assigned reviewer may open the application's files; another reviewer may not.
  const planLink = main.getByRole("link", { name: "项目计划书.pdf" });
  await expect(planLink).toHaveAttribute("href", `/files/${plan.id}`);
  expect((await page.request.get(`/files/${plan.id}`)).status()).toBe(200);

  const rubric = page.getByRole("complementary", { name: "评分" });
  const need = rubric.getByLabel("需求分析");
  await need.fill("25");
  await rubric.getByLabel("项目设计").fill("25");
  await rubric.getByLabel("可行性").fill("16");
  await rubric.getByLabel("预算合理性").fill("12");
  await rubric.getByLabel("社会效益").fill("13.5");
  await expect(rubric.getByTestId("weighted-total")).toHaveText("66.5");
  await rubric.getByRole("button", { name: "提交评分" }).click();

  // Refused at the field, in Chinese; what was typed elsewhere stays.
  await expect(need).toHaveAccessibleDescription("不能超过满分 20 分");
  await expect(rubric.getByText("不能超过满分 20 分")).toBeVisible();
  await expect(rubric.getByLabel("项目设计")).toHaveValue("25");
  await expect(rubric.getByLabel("社会效益")).toHaveValue("13.5");
  await expect(rubric.getByLabel("评审意见")).toHaveAccessibleDescription(/请填写评审意见/);

  await need.fill("18");
  await expect(need).not.toHaveAttribute("aria-invalid", "true");
  await expect(rubric.getByTestId("weighted-total")).toHaveText("84.5");
  await rubric.getByLabel("评审意见").fill("需求调研扎实，服务设计完整，预算基本合理。");
  await rubric.getByRole("radio", { name: "建议资助", exact: true }).check();
  await rubric.getByRole("button", { name: "提交评分" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认提交评分" }).click();

  await expect(main.getByRole("status")).toHaveText("评分已提交，感谢您的评审。");
  const locked = main.getByTestId("locked-scores");
  await expect(locked).toContainText("评分已提交并锁定，如需修改请联系工作人员");
  await expect(locked.getByTestId("score-需求分析")).toHaveText("18");
  await expect(locked.getByTestId("weighted-total")).toHaveText("84.5 / 100");
  await expect(locked).toContainText("建议资助");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: target!.title })).toBeVisible();
  await expect(main.getByTestId("locked-scores")).toContainText("评分已提交并锁定，如需修改请联系工作人员");
  await expect(main.locator("input:not([type=hidden]), textarea, select, button[type=submit]")).toHaveCount(0);
  await expect(main.getByRole("button", { name: "确认回避" })).toHaveCount(0);

  // The server refuses any further edit.
  const late = await page.request.post(`/reviewer/reviews/${assignmentId}`, {
    form: { intent: "draft", [`score.${round.criteria[0]!.id}`]: "1" },
  });
  expect(late.status()).toBe(409);

  const stored = await prisma.reviewAssignment.findUniqueOrThrow({
    where: { id: assignmentId },
    select: {
      status: true,
      comment: true,
      recommendation: true,
      submittedAt: true,
      scores: { select: { criterionId: true, score: true } },
    },
  });
  expect(stored.status).toBe("SUBMITTED");
  expect(stored.recommendation).toBe("FUND");
  expect(stored.submittedAt).not.toBeNull();
  expect(Object.fromEntries(stored.scores.map((s) => [s.criterionId, s.score]))).toEqual(
    Object.fromEntries(round.criteria.map((c, i) => [c.id, [18, 25, 16, 12, 13.5][i]])),
  );
  expect(
    await prisma.auditEvent.count({
      where: { entityType: "ReviewAssignment", entityId: assignmentId, toState: "SUBMITTED" },
    }),
  ).toBe(1);

  // Someone else's task is not found, and their files are closed to this reviewer's peers.
  await loginAs(page, otherReviewer!.id);
  expect((await page.request.get(`/reviewer/reviews/${assignmentId}`)).status()).toBe(404);
  expect((await page.request.get(`/files/${plan.id}`)).status()).toBe(403);
});
