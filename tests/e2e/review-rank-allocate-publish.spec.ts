import ExcelJS from "exceljs";
import { publicityEndOf } from "~/modules/grants/calls/phase";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { expect, test } from "../playwright-utils";
import { assign, createReviewRound, submitReview } from "./review-helpers";

// Scores per criterion (需求分析 20, 项目设计 30, 可行性 20, 预算合理性 15, 社会效益 15);
// weights equal the maxima, so a review's weighted total is the plain sum.
const S90 = [18, 27, 18, 13, 14];
const S88 = [18, 26, 18, 13, 13];
const S92 = [19, 27, 19, 13, 14];
const S80 = [16, 24, 16, 12, 12];
const S78 = [16, 23, 16, 12, 11];
const S82 = [16, 25, 16, 13, 12];
const S60 = [12, 18, 12, 9, 9];

test("staff rank the reviewed projects, adjust the allocation, export it and publish the shortlist", async ({
  page,
  login,
}) => {
  const admin = await login({ role: "ADMIN" });
  // Requested ¥80,000 / ¥60,000 / ¥50,000 / ¥40,000 from a ¥150,000 pool: only two fit.
  const round = await createReviewRound({
    adminId: admin.id,
    applications: 4,
    reviewers: 3,
    requestedFen: [8_000_000, 6_000_000, 5_000_000, 4_000_000],
    poolFen: 15_000_000n,
  });
  const [a1, a2, a3, a4] = round.applications;
  const { criteria } = round;
  // a1 → 90; a2 and a3 tie at 80 (a3 asks for less, so it ranks first although it was
  // submitted later); a4 → 70 with experts 30 points apart.
  const plan: [typeof a1, number[][]][] = [
    [a1!, [S90, S88, S92]],
    [a2!, [S78, S80, S82]],
    [a3!, [S80, S80, S80]],
    [a4!, [S90, S60, S60]],
  ];
  let pending: { id: string } | null = null;
  for (const [app, scores] of plan) {
    for (let r = 0; r < round.reviewers.length; r++) {
      const assignment = await assign(round.call.id, app.id, round.reviewers[r]!.id);
      if (app === a4 && r === 2) pending = assignment;
      else await submitReview(assignment.id, criteria, scores[r]!);
    }
  }

  // One review is still open: the preview shows, the shortlist cannot be generated yet.
  await page.goto(`/admin/grants/${round.call.id}/ranking`);
  await expect(page.getByRole("heading", { level: 1, name: "排名与分配" })).toBeVisible();
  const main = page.getByRole("main");
  await expect(page.getByTestId("review-stage")).toHaveText("专家评审");
  await expect(page.getByTestId("aggregation-mode")).toHaveText("汇总方式：平均分；未做标准分校正");
  await expect(main).toContainText(
    "同分排序：总分相同时，申请资助金额较少的项目排名在前；仍相同的，提交申报时间较早的在前。",
  );
  await expect(page.getByTestId("review-completeness")).toContainText("已提交评审 11 份；未提交 1 份");
  await expect(page.getByRole("button", { name: "生成拟入围名单" })).toBeDisabled();
  await expect(page.getByTestId("generate-blocked")).toContainText("还有 1 份评审未提交");

  await submitReview(pending!.id, criteria, S60);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "排名与分配" })).toBeVisible();
  await expect(page.getByTestId("review-completeness")).toContainText("已提交评审 12 份；未提交 0 份");

  // The ranking: by score, the tie broken by the smaller request.
  const rows = page.getByTestId("ranking-row");
  await expect(rows).toHaveCount(4);
  const expected = [
    [a1!, "90.00"],
    [a3!, "80.00"],
    [a2!, "80.00"],
    [a4!, "70.00"],
  ] as const;
  for (const [i, [app, score]] of expected.entries()) {
    await expect(rows.nth(i).getByTestId("rank")).toHaveText(String(i + 1));
    await expect(rows.nth(i)).toContainText(app.title);
    await expect(rows.nth(i).getByTestId("final-score")).toHaveText(score);
  }
  await expect(rows.nth(3)).toContainText("⚠ 分歧较大");
  await expect(rows.nth(0)).not.toContainText("⚠ 分歧较大");
  await expect(page.getByTestId("pool-total")).toHaveText("¥150,000.00");

  // Generate: the first two fit (¥80,000 + ¥50,000), the third does not.
  await page.getByRole("button", { name: "生成拟入围名单" }).click();
  await expect(page.getByTestId("action-result")).toContainText("已生成拟入围名单：排名 4 项，拟入围 2 项");
  await expect(page.getByTestId("review-stage")).toHaveText("拟入围名单待公示");
  await expect(page.getByTestId("allocated-total")).toHaveText("¥130,000.00（2 个项目）");
  await expect(page.getByTestId("remaining-total")).toHaveText("¥20,000.00");
  await expect(rows.nth(0).getByTestId("amount")).toHaveText("¥80,000.00");
  await expect(rows.nth(1).getByTestId("selected")).toHaveText("拟入围");
  await expect(rows.nth(2).getByTestId("selected")).toContainText("未入围");
  await expect(rows.nth(2).getByTestId("selected")).toContainText("资金池余额不足");

  // Exclude the second: the third comes in.
  const second = rows.nth(1);
  await second.getByText("调整", { exact: true }).click();
  await second.getByLabel("是否列入").selectOption("exclude");
  await second.getByRole("button", { name: "保存调整" }).click();
  await expect(second.getByText("请填写调整理由")).toBeVisible();
  await second.getByLabel("调整理由").fill("申报机构书面说明无法按期开展，自愿放弃。");
  await second.getByRole("button", { name: "保存调整" }).click();
  await expect(page.getByTestId("action-result")).toContainText(`已调整「${a3!.title}」：列入 ¥50,000.00 → 不列入`);
  await expect(second.getByTestId("override-reason")).toHaveText("申报机构书面说明无法按期开展，自愿放弃。");
  await expect(second.getByTestId("selected")).toContainText("未入围");
  await expect(rows.nth(2).getByTestId("selected")).toHaveText("拟入围");
  await expect(rows.nth(2).getByTestId("amount")).toHaveText("¥60,000.00");
  await expect(page.getByTestId("allocated-total")).toHaveText("¥140,000.00（2 个项目）");
  await expect(page.getByTestId("remaining-total")).toHaveText("¥10,000.00");

  // Forcing the fourth in does not fit what is left: refused at the field, nothing saved.
  const fourth = rows.nth(3);
  await fourth.getByText("调整", { exact: true }).click();
  await fourth.getByLabel("是否列入").selectOption("include");
  await fourth.getByLabel("调整理由").fill("社区急需，建议列入。");
  await fourth.getByRole("button", { name: "保存调整" }).click();
  await expect(fourth.getByText("资金池余额不足，无法纳入资助（需 ¥40,000.00，剩余 ¥10,000.00）")).toBeVisible();
  await expect(fourth.getByTestId("override-reason")).toHaveText("—");
  await expect(page.getByTestId("remaining-total")).toHaveText("¥10,000.00");

  // The export: scores, ranking and allocation.
  await expect(page.getByRole("link", { name: "导出评分与分配 Excel" })).toHaveAttribute(
    "href",
    `/admin/grants/${round.call.id}/ranking-export`,
  );
  const response = await page.request.get(`/admin/grants/${round.call.id}/ranking-export`);
  expect(response.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(["评分明细", "排名", "资金分配"]);
  expect(workbook.getWorksheet("评分明细")!.rowCount).toBe(13);
  const ranking = workbook.getWorksheet("排名")!;
  expect(ranking.getRow(2).getCell(2).value).toBe(a1!.title);
  expect(ranking.getRow(5).getCell(7).value).toBe("是");
  const money = workbook.getWorksheet("资金分配")!;
  const excluded = money.getRow(3);
  expect(excluded.getCell(2).value).toBe(a3!.title);
  expect(excluded.getCell(6).value).toBe("否");
  expect(excluded.getCell(8).value).toBe("申报机构书面说明无法按期开展，自愿放弃。");
  const remaining = money.getRows(1, money.rowCount)!.find((r) => r.getCell(2).value === "余额");
  expect(remaining?.getCell(7).value).toBe(10_000);

  // Publish for publicity.
  const endsOn = formatDate(publicityEndOf(new Date(), 7));
  await page.getByRole("button", { name: "发布公示（公示 7 天）" }).click();
  await expect(page.getByTestId("action-result")).toContainText(
    `已发布公示：2 个项目列入拟入围名单，公示期至 ${endsOn}`,
  );
  await expect(page.getByTestId("review-stage")).toHaveText("公示中");
  await expect(page.getByTestId("publicity-period")).toContainText(
    `公示中：公示期 ${formatDate(new Date())} 至 ${endsOn}`,
  );
  await expect(main.getByRole("link", { name: "公示与异议管理" })).toHaveAttribute(
    "href",
    `/admin/grants/${round.call.id}/publicity`,
  );
  await expect(page.getByRole("button", { name: "保存调整" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /发布公示/ })).toHaveCount(0);

  const statuses = await prisma.grantApplication.findMany({
    where: { callId: round.call.id },
    select: { id: true, status: true },
  });
  const statusOf = (id: string) => statuses.find((s) => s.id === id)?.status;
  expect([a1, a2, a3, a4].map((a) => statusOf(a!.id))).toEqual([
    "SHORTLISTED",
    "SHORTLISTED",
    "SCREEN_PASSED",
    "SCREEN_PASSED",
  ]);
  const notified = await prisma.notification.findMany({
    where: { userId: { in: [a1!.owner.id, a2!.owner.id, a3!.owner.id, a4!.owner.id] }, title: { contains: "拟入围" } },
    select: { userId: true },
  });
  expect(notified.map((n) => n.userId).sort()).toEqual([a1!.owner.id, a2!.owner.id].sort());
  const audit = await prisma.auditEvent.findMany({
    where: { actorId: admin.id, action: { in: ["grant_award.allocate", "grant_award.override"] } },
    orderBy: { createdAt: "asc" },
    select: { action: true, fromState: true, toState: true, reason: true },
  });
  expect(audit.map((a) => a.action)).toEqual(["grant_award.allocate", "grant_award.override"]);
  expect(audit[1]).toMatchObject({ fromState: "列入 ¥50,000.00", toState: "不列入" });
  expect(audit[1]!.reason).toContain("理由：申报机构书面说明无法按期开展，自愿放弃。");
});
