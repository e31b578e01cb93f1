import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";
import { createReviewRound } from "./review-helpers";

test("staff set k, auto-assign a panel with a seed, and conflicts are avoided", async ({ page, login }) => {
  const admin = await login({ role: "ADMIN" });
  const round = await createReviewRound({
    adminId: admin.id,
    applications: 6,
    reviewers: 4,
    reviewersPerApplication: 3,
  });
  const [affiliated] = round.reviewers;
  const conflicted = round.applications[2]!;
  await prisma.reviewerAffiliation.create({
    data: { reviewerId: affiliated!.id, organizationId: conflicted.organizationId },
  });

  await page.goto(`/admin/grants/${round.call.id}/review`);
  await expect(page.getByRole("heading", { level: 1, name: "专家评审" })).toBeVisible();
  await expect(page.getByTestId("last-seed")).toContainText("尚未自动分配");

  // Two reviewers per application instead of three.
  const settings = page.getByRole("region", { name: "评审设置" });
  await settings.getByLabel("每项申报的评审专家人数").fill("2");
  await settings.getByRole("button", { name: "保存评审设置" }).click();
  await expect(settings.getByRole("status")).toHaveText("评审设置已保存。");

  // The panel: only this round's four reviewers (the demo data has others).
  const auto = page.getByRole("region", { name: "自动分配评审专家" });
  await expect(auto.getByLabel("每项申报的评审专家人数")).toHaveValue("2");
  const boxes = auto.getByRole("checkbox");
  for (const box of await boxes.all()) await box.uncheck();
  for (const r of round.reviewers) await auto.getByRole("checkbox", { name: new RegExp(r.name) }).check();
  await auto.getByLabel("随机种子").fill("e2e-seed-42");
  await auto.getByRole("button", { name: "自动分配" }).click();

  const result = page.getByTestId("auto-assign-result");
  await expect(result).toContainText("已新增 12 项评审任务，通知 4 位专家");
  await expect(result).toContainText("随机种子 e2e-seed-42");
  await expect(result).toContainText("每位专家的任务量：3 项");
  await expect(result).toContainText("所有申报均已配满评审专家");
  await expect(page.getByTestId("last-seed")).toContainText("e2e-seed-42");
  await expect(page.getByTestId("review-totals")).toHaveText("评审进度：已提交 0 / 12");

  // Every application shows two reviewers; the affiliated one is not on its organization's project.
  for (const app of round.applications) {
    const row = page.getByTestId("review-row").filter({ hasText: app.title });
    await expect(row.getByTestId("reviewer-chip")).toHaveCount(2);
    await expect(row.getByTestId("review-progress")).toHaveText("0 / 2");
  }
  await expect(page.getByTestId("review-row").filter({ hasText: conflicted.title })).not.toContainText(
    affiliated!.name,
  );

  // The same in the database: balanced loads, no conflict, the seed on every row and on the call.
  const rows = await prisma.reviewAssignment.findMany({
    where: { roundId: round.call.id },
    select: { subjectId: true, reviewerId: true, status: true, assignmentSeed: true },
  });
  expect(rows).toHaveLength(12);
  expect(rows.every((r) => r.status === "ASSIGNED" && r.assignmentSeed === "e2e-seed-42")).toBe(true);
  expect(rows.some((r) => r.subjectId === conflicted.id && r.reviewerId === affiliated!.id)).toBe(false);
  const loads = round.reviewers.map((r) => rows.filter((a) => a.reviewerId === r.id).length);
  expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  const call = await prisma.grantCall.findUniqueOrThrow({
    where: { id: round.call.id },
    select: { assignmentSeed: true, reviewersPerApplication: true },
  });
  expect(call).toEqual({ assignmentSeed: "e2e-seed-42", reviewersPerApplication: 2 });
  // Each reviewer is told once.
  const notes = await prisma.notification.groupBy({
    by: ["userId"],
    where: { userId: { in: round.reviewers.map((r) => r.id) }, title: { contains: round.call.title } },
    _count: { _all: true },
  });
  expect(notes.map((n) => n._count._all)).toEqual([1, 1, 1, 1]);
});
