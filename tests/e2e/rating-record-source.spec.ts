// #14 item 9 (decision 025): a rating leaf computed from the organization's record ("funded
// projects closed 合格 or better in the last 2 years"). The organization sees it as 根据记录计算
// with the fact instead of a field, its self total counts it; the expert scores only the other
// leaves and the expert total counts it; staff see it on the score sheet. A project closed after
// the submissions does not change the submitted sheets (decision 031).
import { branch, defineRows, tiers, yesNo } from "~/modules/indicators/define";
import { addDays } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { createConfirmedCall, createProjectInCall } from "../support/funding-fixtures";
import { assignExpertAndSignIn, createRatingScheme, openRound, registeredYearsAgo } from "./rating-helpers";

function schemeWithRecordLeaf() {
  const defined = defineRows([
    branch("工作绩效", [
      yesNo("按章程规定开展业务活动", 10, "年度工作总结"),
      tiers(
        "近两年资助项目结项情况",
        [
          ["2个及以上", 20],
          ["1个", 10],
          ["无", 0],
        ],
        "由系统根据资助项目记录计算",
        { source: "org.passedProjects.2y" },
      ),
    ]),
  ]);
  return createRatingScheme(defined, { key: "e2e-rating-record", title: "记录指标测试" });
}

/** A funded project of the member's organization, closed `daysAgo` with a final grade. */
async function closedProject(input: { callId: string; memberId: string; organizationId: string; staffId: string }) {
  const project = await createProjectInCall({
    callId: input.callId,
    organizationId: input.organizationId,
    userId: input.memberId,
    staffId: input.staffId,
  });
  return project.id;
}

test("a rating leaf computed from the organization's record", async ({ page }) => {
  // Three people in turn (organization, expert, staff), like the other multi-role journeys.
  test.setTimeout(90_000);
  const scheme = await schemeWithRecordLeaf();
  const title = `记录指标评估${scheme.suffix}`;
  await openRound(scheme.id, title);
  const member = await createUser({ role: "ORG_MEMBER" });
  const organizationId = member.organizationId!;
  await registeredYearsAgo(organizationId, 3);
  const staff = await createUser({ role: "ADMIN" });

  // Two projects closed last month: one 良好 (counts), one 不合格 (does not).
  const call = await createConfirmedCall({ createdById: staff.id });
  const arrange = { callId: call.id, memberId: member.id, organizationId, staffId: staff.id };
  const good = await closedProject(arrange);
  const failed = await closedProject(arrange);
  const closedAt = addDays(new Date(), -30);
  await prisma.grantProject.update({ where: { id: good }, data: { status: "CLOSED", finalGrade: "良好", closedAt } });
  await prisma.grantProject.update({
    where: { id: failed },
    data: { status: "CLOSED", finalGrade: "不合格", closedAt },
  });
  const counted = await prisma.grantProject.findUniqueOrThrow({ where: { id: good }, select: { projectNo: true } });
  const excluded = await prisma.grantProject.findUniqueOrThrow({ where: { id: failed }, select: { projectNo: true } });

  // The organization: the leaf is computed, with its fact, and never asked for.
  await loginAs(page, member.id);
  await page.goto("/org/rating");
  await page.getByTestId("rating-round").filter({ hasText: title }).getByRole("button", { name: "开始自评" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const record = page.getByTestId("record-leaf-1.2");
  await expect(record).toContainText("1.2 近两年资助项目结项情况：10 分（满分 20 分）");
  await expect(record).toContainText(`近 2 年结项合格及以上的资助项目 1 个：${counted.projectNo}`);
  await expect(record).not.toContainText(excluded.projectNo);
  await expect(page.getByTestId("block-1")).toContainText("1 / 2");

  await page.getByTestId("block-1").getByRole("link", { name: "填写自评" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "1 工作绩效" })).toBeVisible();
  await expect(page.getByTestId("record-leaves")).toContainText("根据记录计算");
  await expect(page.getByLabel(/^1\.2 /)).toHaveCount(0);
  await page.getByLabel("1.1 按章程规定开展业务活动 自评").selectOption("yes");
  await page.getByRole("button", { name: "保存本项自评" }).click();
  await expect(page.getByText("自评已保存。")).toBeVisible();
  await expect(page.getByTestId("block-1")).toContainText("2 / 2");
  await expect(page.getByTestId("self-total")).toHaveText("20");
  await page.getByRole("button", { name: "提交评估申请" }).click();
  await expect(page.getByText("评估申请已提交，请等待审核。")).toBeVisible();
  const application = await prisma.ratingApplication.findFirstOrThrow({
    where: { organizationId },
    select: { id: true, roundId: true, selfTotal: true },
  });
  expect(application.selfTotal).toBe(20);

  // The expert scores only the typed leaf; the record leaf counts in the expert's total.
  await prisma.ratingApplication.update({ where: { id: application.id }, data: { status: "ACCEPTED" } });
  const assignment = await assignExpertAndSignIn(page, application);
  await page.goto(`/reviewer/reviews/${assignment.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("等级评估申请");
  await expect(page.getByTestId("record-leaf-1.2")).toContainText("10 分（满分 20 分）");
  await expect(page.getByLabel("1.2 近两年资助项目结项情况 专家评分")).toHaveCount(0);
  await page.getByLabel("1.1 按章程规定开展业务活动 专家评分").selectOption("10");
  await page.getByLabel("现场评估记录").fill("查阅年度工作总结。");
  await page.getByRole("button", { name: "提交评分" }).click();
  await expect(page.getByText("评分已提交，感谢您的评审。")).toBeVisible();
  await expect
    .poll(async () =>
      prisma.ratingApplication.findUniqueOrThrow({
        where: { id: application.id },
        select: { status: true, expertTotal: true },
      }),
    )
    .toEqual({ status: "SCORED", expertTotal: 20 });

  // A project closed afterwards: the record now counts two, but each submitted sheet keeps the
  // points its stored total was computed with (decision 031).
  const later = await closedProject(arrange);
  await prisma.grantProject.update({
    where: { id: later },
    data: { status: "CLOSED", finalGrade: "优秀", closedAt: new Date() },
  });
  const closedLater = await prisma.grantProject.findUniqueOrThrow({
    where: { id: later },
    select: { projectNo: true },
  });
  await page.goto(`/reviewer/reviews/${assignment.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("等级评估申请");
  await expect(page.getByTestId("record-leaf-1.2")).toContainText("10 分（满分 20 分）");
  await expect(page.getByTestId("record-leaf-1.2")).not.toContainText(closedLater.projectNo);

  // Staff: the score sheet shows the leaf computed from the record, with the project.
  await page.context().clearCookies();
  await loginAs(page, staff.id);
  await page.goto(`/admin/rating/applications/${application.id}`);
  const row = page.getByTestId("score-sheet").getByTestId("record-leaf-1.2");
  await expect(row).toContainText("根据记录计算：10 分");
  await expect(row).toContainText(counted.projectNo);
  await expect(row).not.toContainText(closedLater.projectNo);

  // The organization's submitted application still adds up to its stored self total.
  await page.context().clearCookies();
  await loginAs(page, member.id);
  await page.goto(`/org/rating/${application.id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("record-leaf-1.2")).toContainText("1.2 近两年资助项目结项情况：10 分（满分 20 分）");
  await expect(page.getByTestId("record-leaf-1.2")).not.toContainText(closedLater.projectNo);
  // 自评小计 of the block: 10 typed + 10 from the record.
  await expect(page.getByTestId("block-1").getByRole("cell", { name: "20", exact: true })).toBeVisible();
});
