import { prisma } from "~/utils/db.server";
import { expect, loginAs, test } from "../playwright-utils";
import { assign, createReviewRound, submitReview } from "./review-helpers";

// Scores per criterion (需求分析 20, 项目设计 30, 可行性 20, 预算合理性 15, 社会效益 15);
// weights equal the maxima, so a review's weighted total is the plain sum.
const S90 = [18, 27, 18, 13, 14];
const S80 = [16, 24, 16, 12, 12];
const S70 = [14, 21, 14, 11, 10];
const FULL_MARKS = [
  ["需求分析", "20"],
  ["项目设计", "30"],
  ["可行性", "20"],
  ["预算合理性", "15"],
  ["社会效益", "15"],
] as const;

const EMPTY_LIST = "拟入围名单中没有项目，不能发布公示。请将项目调整为「列入」，或撤回名单后重新生成。";

test("staff withdraw a generated shortlist with a reason, a reviewer rescores, and the list is generated again", async ({
  page,
  login,
  browser,
}) => {
  // Two rankings, a reopened review and a second browser: longer than the default 30 s on a busy machine.
  test.slow();
  const admin = await login({ role: "ADMIN" });
  // ¥50,000 each from a ¥100,000 pool: two of the three fit.
  const round = await createReviewRound({
    adminId: admin.id,
    applications: 3,
    reviewers: 2,
    reviewersPerApplication: 2,
    requestedFen: [5_000_000, 5_000_000, 5_000_000],
    poolFen: 10_000_000n,
  });
  const [a1, a2, a3] = round.applications as [
    (typeof round.applications)[number],
    (typeof round.applications)[number],
    (typeof round.applications)[number],
  ];
  const [r1, r2] = round.reviewers as [(typeof round.reviewers)[number], (typeof round.reviewers)[number]];
  const plan = [
    [a1, S90],
    [a2, S80],
    [a3, S70],
  ] as const;
  let a3ByR1 = "";
  for (const [app, scores] of plan) {
    for (const reviewer of [r1, r2]) {
      const task = await assign(round.call.id, app.id, reviewer.id);
      await submitReview(task.id, round.criteria, [...scores]);
      if (app === a3 && reviewer === r1) a3ByR1 = task.id;
    }
  }

  // Generate: a1 and a2 fit; staff then swap a2 for a3 by hand.
  await page.goto(`/admin/grants/${round.call.id}/ranking`);
  await expect(page.getByRole("heading", { level: 1, name: "排名与分配" })).toBeVisible();
  await expect(page.getByTestId("review-stage")).toHaveText("专家评审");
  await page.getByRole("button", { name: "生成拟入围名单" }).click();
  await expect(page.getByTestId("action-result")).toContainText("已生成拟入围名单：排名 3 项，拟入围 2 项");
  await expect(page.getByTestId("review-stage")).toHaveText("拟入围名单待公示");
  const rows = page.getByTestId("ranking-row");
  await expect(rows).toHaveCount(3);
  const second = rows.nth(1);
  await second.getByText("调整", { exact: true }).click();
  await second.getByLabel("是否列入").selectOption("exclude");
  await second.getByLabel("调整理由").fill("申报机构暂停服务，自愿放弃。");
  await second.getByRole("button", { name: "保存调整" }).click();
  await expect(page.getByTestId("action-result")).toContainText(`已调整「${a2.title}」：列入 ¥50,000.00 → 不列入`);
  await expect(rows.nth(2).getByTestId("selected")).toHaveText("拟入围");

  // While the list waits for publicity the experts' work is closed: no reopening.
  await page.goto(`/admin/grants/${round.call.id}/review/${a3.id}`);
  await expect(page.getByRole("heading", { level: 1, name: a3.title })).toBeVisible();
  await expect(page.getByRole("article", { name: `${r1.name} 的评审` })).toBeVisible();
  await expect(page.getByText("重新开放评分")).toHaveCount(0);

  // Withdraw: the reason is required at the field, then the round goes back to 专家评审.
  await page.goto(`/admin/grants/${round.call.id}/ranking`);
  await expect(page.getByRole("heading", { level: 1, name: "排名与分配" })).toBeVisible();
  const actions = page.getByRole("region", { name: "名单办理" });
  await actions.getByRole("button", { name: "撤回", exact: true }).click();
  await expect(actions.getByText("请填写撤回理由")).toBeVisible();
  await expect(page.getByTestId("review-stage")).toHaveText("拟入围名单待公示");
  const reason = `第三名项目评分有误，请专家复核（${round.call.title}）`;
  await actions.getByLabel("撤回理由").fill(reason);
  await actions.getByRole("button", { name: "撤回", exact: true }).click();
  await expect(page.getByTestId("action-result")).toHaveText("已撤回拟入围名单，评审环节回到「专家评审」。");
  await expect(page.getByTestId("review-stage")).toHaveText("专家评审");
  await expect(page.getByRole("button", { name: "生成拟入围名单" })).toBeEnabled();
  await expect(page.getByRole("button", { name: /发布公示/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "保存调整" })).toHaveCount(0);
  // Back to the preview by the rule: the hand-made swap is gone.
  await expect(page.getByRole("table", { name: "排名预览" })).toBeVisible();
  await expect(rows.nth(1)).toContainText(a2.title);
  await expect(rows.nth(1).getByTestId("selected")).toHaveText("拟入围");
  await expect(rows.nth(1).getByTestId("override-reason")).toHaveText("—");
  await expect(rows.nth(2).getByTestId("selected")).toContainText("未入围");

  const call = await prisma.grantCall.findUniqueOrThrow({
    where: { id: round.call.id },
    select: { reviewStage: true },
  });
  expect(call.reviewStage).toBe("OPEN");
  expect(await prisma.grantAward.count({ where: { callId: round.call.id } })).toBe(0);
  const withdrawn = await prisma.auditEvent.findMany({
    where: {
      entityType: "GrantCall",
      entityId: round.call.id,
      action: "grant_review_round.transition",
      toState: "OPEN",
    },
    select: { actorId: true, fromState: true, reason: true },
  });
  expect(withdrawn).toEqual([{ actorId: admin.id, fromState: "RANKED", reason }]);

  // The audit log shows the withdrawal with its reason.
  await page.goto(`/admin/audit?action=grant_review_round.transition&entityType=GrantCall&entityId=${round.call.id}`);
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
  const events = page.locator("tbody tr");
  await expect(events).toHaveCount(2);
  await expect(events.nth(0)).toContainText("公益创投评审环节办理");
  await expect(events.nth(0)).toContainText(admin.name);
  await expect(events.nth(0)).toContainText("拟入围名单待公示 → 专家评审");
  await expect(events.nth(0)).toContainText(reason);
  await expect(events.nth(1)).toContainText("专家评审 → 拟入围名单待公示");

  // Experts can work again: staff reopen a review, the expert rescores and submits.
  await page.goto(`/admin/grants/${round.call.id}/review/${a3.id}`);
  await expect(page.getByRole("heading", { level: 1, name: a3.title })).toBeVisible();
  const card = page.getByRole("article", { name: `${r1.name} 的评审` });
  await card.getByText("重新开放评分").click();
  const reopen = card.getByRole("form", { name: `重新开放 ${r1.name} 的评分` });
  await reopen.getByLabel("重新开放理由").fill("名单已撤回，请按实地走访情况复核评分。");
  await reopen.getByRole("button", { name: "确认重新开放" }).click();
  await expect(page.getByTestId("review-action-result")).toHaveText(`已重新开放 ${r1.name} 的评分，并通知了该专家。`);

  const expertContext = await browser.newContext();
  const expert = await expertContext.newPage();
  await loginAs(expert, r1.id);
  await expert.goto(`/reviewer/reviews/${a3ByR1}`);
  await expect(expert.getByRole("heading", { level: 1, name: a3.title })).toBeVisible();
  await expect(expert.getByTestId("reopen-note")).toContainText("名单已撤回，请按实地走访情况复核评分。");
  for (const [label, score] of FULL_MARKS) await expert.getByLabel(label).fill(score);
  await expert.getByRole("button", { name: "提交评分" }).click();
  await expert.getByRole("dialog").getByRole("button", { name: "确认提交评分" }).click();
  await expect(expert.getByRole("status")).toHaveText("评分已提交，感谢您的评审。");
  await expertContext.close();

  // Ranking again: a3 now averages (100 + 70) / 2 = 85 and takes the second place.
  await page.goto(`/admin/grants/${round.call.id}/ranking`);
  await expect(page.getByRole("heading", { level: 1, name: "排名与分配" })).toBeVisible();
  await expect(page.getByTestId("review-completeness")).toContainText("已提交评审 6 份；未提交 0 份");
  await page.getByRole("button", { name: "生成拟入围名单" }).click();
  await expect(page.getByTestId("action-result")).toContainText(
    "已生成拟入围名单：排名 3 项，拟入围 2 项，拟分配 ¥100,000.00，余额 ¥0.00",
  );
  await expect(page.getByTestId("review-stage")).toHaveText("拟入围名单待公示");
  const expected = [
    [a1, "90.00", "拟入围"],
    [a3, "85.00", "拟入围"],
    [a2, "80.00", "未入围"],
  ] as const;
  for (const [i, [app, score, selected]] of expected.entries()) {
    await expect(rows.nth(i)).toContainText(app.title);
    await expect(rows.nth(i).getByTestId("final-score")).toHaveText(score);
    await expect(rows.nth(i).getByTestId("selected")).toContainText(selected);
    await expect(rows.nth(i).getByTestId("override-reason")).toHaveText("—");
  }
  await expect(page.getByRole("button", { name: "发布公示（公示 7 天）" })).toBeEnabled();

  const awards = await prisma.grantAward.findMany({
    where: { callId: round.call.id },
    orderBy: { rank: "asc" },
    select: { applicationId: true, selected: true, overrideSelected: true, overrideReason: true },
  });
  expect(awards).toEqual([
    { applicationId: a1.id, selected: true, overrideSelected: null, overrideReason: null },
    { applicationId: a3.id, selected: true, overrideSelected: null, overrideReason: null },
    { applicationId: a2.id, selected: false, overrideSelected: null, overrideReason: null },
  ]);
});

test("an empty proposed shortlist cannot be published, whether overridden out or beyond the pool", async ({
  page,
  login,
}) => {
  // Two rounds arranged and ranked in one test.
  test.slow();
  const admin = await login({ role: "ADMIN" });

  // ── Every entry overridden out, while a second tab still shows the old list ──
  // ¥60,000 and ¥50,000 from a ¥100,000 pool: only the first fits.
  const round = await createReviewRound({
    adminId: admin.id,
    applications: 2,
    reviewers: 1,
    reviewersPerApplication: 1,
    requestedFen: [6_000_000, 5_000_000],
    poolFen: 10_000_000n,
  });
  const [a1, a2] = round.applications as [(typeof round.applications)[number], (typeof round.applications)[number]];
  await submitReview((await assign(round.call.id, a1.id, round.reviewers[0]!.id)).id, round.criteria, S90);
  await submitReview((await assign(round.call.id, a2.id, round.reviewers[0]!.id)).id, round.criteria, S80);

  await page.goto(`/admin/grants/${round.call.id}/ranking`);
  await expect(page.getByRole("heading", { level: 1, name: "排名与分配" })).toBeVisible();
  await page.getByRole("button", { name: "生成拟入围名单" }).click();
  await expect(page.getByTestId("action-result")).toContainText("已生成拟入围名单：排名 2 项，拟入围 1 项");
  const publish = page.getByRole("button", { name: "发布公示（公示 7 天）" });
  await expect(publish).toBeEnabled();
  await expect(page.getByTestId("publish-blocked")).toHaveCount(0);

  // In another tab staff take both projects out.
  const other = await page.context().newPage();
  await other.goto(`/admin/grants/${round.call.id}/ranking`);
  await expect(other.getByRole("heading", { level: 1, name: "排名与分配" })).toBeVisible();
  const otherRows = other.getByTestId("ranking-row");
  for (const [i, app, from] of [
    [0, a1, "列入 ¥60,000.00"],
    [1, a2, "列入 ¥50,000.00"],
  ] as const) {
    const row = otherRows.nth(i);
    await row.getByText("调整", { exact: true }).click();
    await row.getByLabel("是否列入").selectOption("exclude");
    await row.getByLabel("调整理由").fill("机构资质核查未通过，不列入。");
    await row.getByRole("button", { name: "保存调整" }).click();
    await expect(other.getByTestId("action-result")).toContainText(`已调整「${app.title}」：${from} → 不列入`);
  }
  await expect(other.getByTestId("allocated-total")).toHaveText("¥0.00（0 个项目）");
  await expect(other.getByRole("button", { name: "发布公示（公示 7 天）" })).toBeDisabled();
  await expect(other.getByTestId("publish-blocked")).toHaveText(EMPTY_LIST);
  await other.close();

  // The first tab still offers to publish; the server refuses and says why.
  await expect(publish).toBeEnabled();
  await publish.click();
  await expect(page.getByRole("region", { name: "名单办理" }).getByRole("alert")).toHaveText(EMPTY_LIST);
  await expect(page.getByTestId("action-result")).toHaveCount(0);
  await expect(page.getByTestId("review-stage")).toHaveText("拟入围名单待公示");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "排名与分配" })).toBeVisible();
  await expect(page.getByTestId("review-stage")).toHaveText("拟入围名单待公示");
  await expect(publish).toBeDisabled();
  await expect(page.getByTestId("publish-blocked")).toHaveText(EMPTY_LIST);
  await expect(page.getByTestId("publicity-period")).toHaveCount(0);

  const call = await prisma.grantCall.findUniqueOrThrow({
    where: { id: round.call.id },
    select: { reviewStage: true, publicityStartsAt: true },
  });
  expect(call).toEqual({ reviewStage: "RANKED", publicityStartsAt: null });
  const statuses = await prisma.grantApplication.findMany({
    where: { callId: round.call.id },
    select: { status: true },
  });
  expect(statuses.map((s) => s.status)).toEqual(["SCREEN_PASSED", "SCREEN_PASSED"]);
  expect(
    await prisma.auditEvent.count({
      where: { entityType: "GrantCall", entityId: round.call.id, toState: "PUBLICIZED" },
    }),
  ).toBe(0);
  expect(
    await prisma.notification.count({
      where: { userId: { in: [a1.owner.id, a2.owner.id] }, title: { contains: "拟入围" } },
    }),
  ).toBe(0);

  // ── A pool too small for any project ──
  const small = await createReviewRound({
    adminId: admin.id,
    applications: 1,
    reviewers: 1,
    reviewersPerApplication: 1,
    requestedFen: [8_000_000],
    poolFen: 5_000_000n,
  });
  const only = small.applications[0]!;
  await submitReview((await assign(small.call.id, only.id, small.reviewers[0]!.id)).id, small.criteria, S90);
  await page.goto(`/admin/grants/${small.call.id}/ranking`);
  await expect(page.getByRole("heading", { level: 1, name: "排名与分配" })).toBeVisible();
  await page.getByRole("button", { name: "生成拟入围名单" }).click();
  await expect(page.getByTestId("action-result")).toContainText(
    "已生成拟入围名单：排名 1 项，拟入围 0 项，拟分配 ¥0.00，余额 ¥50,000.00",
  );
  await expect(page.getByTestId("review-stage")).toHaveText("拟入围名单待公示");
  const row = page.getByTestId("ranking-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("selected")).toContainText("未入围");
  await expect(row.getByTestId("selected")).toContainText("资金池余额不足");
  await expect(publish).toBeDisabled();
  await expect(page.getByTestId("publish-blocked")).toHaveText(EMPTY_LIST);
  expect(
    (await prisma.grantCall.findUniqueOrThrow({ where: { id: small.call.id }, select: { reviewStage: true } }))
      .reviewStage,
  ).toBe("RANKED");
});
