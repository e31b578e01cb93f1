import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { assign, createReviewRound } from "./review-helpers";

test("in a blind call the reviewer never sees who applied; a draft is saved, then they recuse", async ({ page }) => {
  const admin = await createUser({ role: "ADMIN" });
  const round = await createReviewRound({ adminId: admin.id, applications: 1, reviewers: 1, blindReview: true });
  const [reviewer] = round.reviewers;
  const [target] = round.applications;
  const { id: assignmentId } = await assign(round.call.id, target!.id, reviewer!.id);
  const org = await prisma.organization.update({
    where: { id: target!.organizationId },
    // A code of its own per attempt (uscc is unique; a retry keeps the first attempt's rows).
    data: {
      uscc: `52320115MJ${crypto.randomBytes(4).toString("hex").slice(0, 7).toUpperCase()}X`,
      contactName: "联系人盲评甲",
    },
    select: { name: true, uscc: true, legalRepresentative: true, contactName: true },
  });
  // The organization's own papers attached to the application stay hidden in a blind call.
  const orgFile = await prisma.attachment.create({
    data: {
      organizationId: target!.organizationId,
      purpose: "org.charter",
      originalName: "机构章程.pdf",
      mimeType: "application/pdf",
      sizeBytes: 10,
      storageKey: `test/${crypto.randomUUID()}.pdf`,
      subjectType: "GrantApplication",
      subjectId: target!.id,
    },
    select: { id: true },
  });

  await loginAs(page, reviewer!.id);
  await page.goto("/reviewer/reviews");
  await expect(page.getByRole("heading", { level: 1, name: "评审任务" })).toBeVisible();
  const main = page.getByRole("main");
  const row = main.getByRole("row", { name: new RegExp(target!.title) });
  await expect(row).toContainText("盲评");
  await expect(main).not.toContainText(org.name);

  await row.getByRole("link", { name: target!.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: target!.title })).toBeVisible();
  await expect(main.getByTestId("blind-note")).toHaveText("盲评：申报机构信息已隐藏");
  const html = await page.content();
  for (const secret of [org.name, org.uscc!, org.legalRepresentative!, org.contactName!, "机构章程.pdf"]) {
    expect(html).not.toContain(secret);
  }
  expect((await page.request.get(`/files/${orgFile.id}`)).status()).toBe(403);

  // The server checks the form too (400, nothing stored) …
  const bad = await page.request.post(`/reviewer/reviews/${assignmentId}`, {
    form: { intent: "draft", [`score.${round.criteria[0]!.id}`]: "21" },
  });
  expect(bad.status()).toBe(400);
  expect(await prisma.reviewScore.count({ where: { assignmentId } })).toBe(0);

  // … and a draft keeps what was given without asking for the rest.
  const rubric = page.getByRole("complementary", { name: "评分" });
  await rubric.getByLabel("可行性").fill("15.5");
  await rubric.getByRole("button", { name: "保存草稿" }).click();
  await expect(main.getByRole("status")).toHaveText("评分草稿已保存，可随时回来继续评分。");
  await expect(main.getByTestId("review-status")).toHaveText("已保存草稿");
  await expect(rubric.getByLabel("可行性")).toHaveValue("15.5");
  await expect(rubric.getByTestId("weighted-total")).toHaveText("15.5");

  // Recusal needs a reason.
  const recuse = main.getByRole("form", { name: "申请回避" });
  await recuse.getByRole("button", { name: "确认回避" }).click();
  await expect(recuse.getByLabel("回避理由")).toHaveAccessibleDescription("请填写回避理由");
  await recuse.getByLabel("回避理由").fill("曾为该项目提供过咨询");
  await recuse.getByRole("button", { name: "确认回避" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "评审任务" })).toBeVisible();
  await expect(main.getByRole("status")).toContainText("已申请回避");
  await expect(main.getByTestId("review-task")).toHaveCount(0);
  await expect(main.getByRole("region", { name: "已回避" })).toContainText("曾为该项目提供过咨询");
  expect((await page.request.get(`/reviewer/reviews/${assignmentId}`)).status()).toBe(404);

  const stored = await prisma.reviewAssignment.findUniqueOrThrow({
    where: { id: assignmentId },
    select: { status: true, recuseReason: true },
  });
  expect(stored).toEqual({ status: "RECUSED", recuseReason: "曾为该项目提供过咨询" });
  const notice = await prisma.notification.findFirst({
    // Recusals in other specs notify every admin too; this call's is the one.
    where: { userId: admin.id, title: "评审专家申请回避，需要补派", link: `/admin/grants/${round.call.id}/review` },
    select: { body: true, link: true },
  });
  expect(notice?.link).toBe(`/admin/grants/${round.call.id}/review`);
  expect(notice?.body).toContain(target!.title);
  expect(notice?.body).toContain("曾为该项目提供过咨询");
});
