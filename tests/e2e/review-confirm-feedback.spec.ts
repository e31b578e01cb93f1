// #6 确认立项名单 and 评审结果: after the publicity period staff confirm the
// list; the funded applicant sees the amount, the unfunded one sees their score
// against the cut-off, criterion averages and anonymous comments.
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { assign, createReviewRound, submitReview } from "./review-helpers";

const DAY = 86_400_000;

test("staff confirm the list; applicants see 已立项 with the amount or 未获资助 with their feedback", async ({
  page,
}) => {
  const admin = await createUser({ role: "ADMIN", name: "立项管理员" });
  const round = await createReviewRound({ adminId: admin.id, applications: 3, reviewers: 2 });
  const [first, second, third] = round.applications;
  const callId = round.call.id;
  await prisma.grantCall.update({
    where: { id: callId },
    data: {
      reviewStage: "PUBLICIZED",
      publicityStartsAt: new Date(Date.now() - 8 * DAY),
      publicityEndsAt: new Date(Date.now() - DAY),
    },
  });
  await prisma.grantApplication.updateMany({
    where: { id: { in: [first!.id, second!.id] } },
    data: { status: "SHORTLISTED" },
  });
  await prisma.grantAward.createMany({
    data: [
      {
        callId,
        applicationId: first!.id,
        rank: 1,
        finalScore: 90,
        reviewCount: 2,
        recommended: true,
        recommendedFen: 6_000_000,
        selected: true,
        amountFen: 6_000_000,
      },
      {
        callId,
        applicationId: second!.id,
        rank: 2,
        finalScore: 85.25,
        reviewCount: 2,
        recommended: true,
        recommendedFen: 5_000_000,
        selected: true,
        amountFen: 5_000_000,
      },
      {
        callId,
        applicationId: third!.id,
        rank: 3,
        finalScore: 70.5,
        reviewCount: 2,
        recommended: false,
        recommendedFen: 0,
        selected: false,
        amountFen: 0,
      },
    ],
  });
  const [r1, r2] = round.reviewers;
  const a1 = await assign(callId, third!.id, r1!.id);
  const a2 = await assign(callId, third!.id, r2!.id);
  await submitReview(
    a1.id,
    round.criteria,
    [14, 21, 14, 11, 11],
    "需求调研较充分，但活动设计与目标的对应关系不够清晰。",
  );
  await submitReview(a2.id, round.criteria, [15, 22, 15, 10, 10], "预算编制偏粗，建议细化人员费用的测算依据。");

  await loginAs(page, admin.id);
  await page.goto(`/admin/grants/${callId}/publicity`);
  await expect(page.getByRole("heading", { name: "公示与异议" })).toBeVisible();
  await expect(page.getByTestId("confirm-block")).toHaveCount(0);
  await page.getByRole("button", { name: "确认立项名单" }).click();
  await expect(page.getByRole("status")).toContainText("立项名单已确认：2 个项目立项");
  await expect(page.getByTestId("review-stage")).toHaveText("名单已确认");
  await expect(page.getByTestId("confirm-block")).toHaveText("立项名单已确认");

  // The public page now shows the confirmed list and closes objections.
  await page.goto(`/grants/${callId}/publicity`);
  await expect(page.getByRole("heading", { name: "立项名单" })).toBeVisible();
  await expect(page.getByTestId("objections-closed")).toContainText("异议受理已结束");
  await expect(page.getByRole("link", { name: "提出异议" })).toHaveCount(0);

  // The funded applicant.
  await page.context().clearCookies();
  await loginAs(page, first!.owner.id);
  await page.goto(`/org/grants/${first!.id}`);
  await expect(page.getByRole("heading", { name: first!.title })).toBeVisible();
  await expect(page.getByTestId("grant-status")).toHaveText("已立项");
  await expect(page.getByTestId("funded-amount")).toHaveText("项目已立项，核定资助金额 ¥60,000.00。");

  // The unfunded applicant logs in with the form and opens their application.
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(third!.owner.email);
  await page.getByLabel("密码").fill(third!.owner.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("button", { name: "退出" })).toBeVisible();
  await page.goto("/org/grants");
  await page.getByRole("link", { name: third!.title }).click();
  await expect(page.getByRole("heading", { name: third!.title })).toBeVisible();
  await expect(page.getByTestId("grant-status")).toHaveText("未获资助");
  const feedback = page.getByRole("region", { name: "评审结果" });
  await expect(feedback.getByTestId("final-score")).toHaveText("70.50 分");
  await expect(feedback.getByTestId("cut-off")).toHaveText("85.25 分");
  await expect(feedback).toContainText("第 3 名 / 共 3 个项目");
  // 需求分析: (14 + 15) / 2 of 20.
  await expect(feedback.getByRole("row").filter({ hasText: "需求分析" })).toContainText("14.50");
  await expect(feedback.getByRole("row").filter({ hasText: "项目设计" })).toContainText("21.50");
  await expect(feedback).toContainText("专家 1");
  await expect(feedback).toContainText("专家 2");
  await expect(feedback).toContainText("需求调研较充分，但活动设计与目标的对应关系不够清晰。");
  await expect(feedback).toContainText("预算编制偏粗，建议细化人员费用的测算依据。");
  await expect(page.getByRole("main")).toContainText("未进入资助名单：综合得分 70.50 分，入围分数线 85.25 分");
  // Reviewers stay anonymous: not on the page, not in the data sent with it.
  await expect(page.getByRole("main")).not.toContainText(r1!.name);
  await expect(page.getByRole("main")).not.toContainText(r2!.name);
  await page.reload();
  await expect(page.getByRole("region", { name: "评审结果" })).toBeVisible();
  const html = await page.content();
  const data = await (await page.request.get(`/org/grants/${third!.id}.data`)).text();
  expect(data).toContain("预算编制偏粗");
  for (const secret of [r1!.name, r2!.name, r1!.id, r2!.id, a1.id, a2.id]) {
    expect(html).not.toContain(secret);
    expect(data).not.toContain(secret);
  }
});
