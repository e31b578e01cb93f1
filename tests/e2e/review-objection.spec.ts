// #6 公示与异议: a member of the public objects to a publicized entry, staff
// dismiss it with a reply, the objector reads the outcome behind their link.
import { grantObjectionsOf } from "~/modules/grants/publicity/publicity";
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { createReviewRound } from "./review-helpers";

const DAY = 86_400_000;

/** A round whose proposed shortlist (first entry selected) is being publicized now. */
async function arrangePublicity() {
  const admin = await createUser({ role: "ADMIN", name: "公示管理员" });
  const round = await createReviewRound({ adminId: admin.id, applications: 2, reviewers: 1 });
  const [first, second] = round.applications;
  await prisma.grantCall.update({
    where: { id: round.call.id },
    data: {
      reviewStage: "PUBLICIZED",
      publicityStartsAt: new Date(Date.now() - DAY),
      publicityEndsAt: new Date(Date.now() + 5 * DAY),
    },
  });
  await prisma.grantApplication.update({ where: { id: first!.id }, data: { status: "SHORTLISTED" } });
  await prisma.grantAward.createMany({
    data: [
      {
        callId: round.call.id,
        applicationId: first!.id,
        rank: 1,
        finalScore: 88.5,
        reviewCount: 3,
        recommended: true,
        recommendedFen: 6_000_000,
        selected: true,
        amountFen: 6_000_000,
      },
      {
        callId: round.call.id,
        applicationId: second!.id,
        rank: 2,
        finalScore: 71.25,
        reviewCount: 3,
        recommended: false,
        recommendedFen: 0,
        selected: false,
        amountFen: 0,
      },
    ],
  });
  const orgName = (
    await prisma.organization.findUniqueOrThrow({ where: { id: first!.organizationId }, select: { name: true } })
  ).name;
  return { admin, round, entry: first!, orgName, other: second! };
}

test("the public objects to a publicized entry and reads the staff's reply behind their link", async ({ page }) => {
  const { admin, round, entry, orgName, other } = await arrangePublicity();

  await page.goto(`/grants/${round.call.id}`);
  await page.getByRole("link", { name: "查看拟入围项目公示" }).click();
  await expect(page.getByRole("heading", { name: "拟入围项目公示" })).toBeVisible();
  await expect(page.getByTestId("days-left")).toHaveText("（剩余 5 天）");
  const row = page.getByRole("row").filter({ hasText: entry.title });
  await expect(row).toContainText(orgName);
  await expect(row).toContainText("88.50");
  await expect(row).toContainText("¥60,000.00");
  // Only selected entries are publicized.
  await expect(page.getByRole("main")).not.toContainText(other.title);

  await row.getByRole("link", { name: "提出异议" }).click();
  await expect(page.getByRole("heading", { name: "提出异议" })).toBeVisible();
  await expect(page.getByLabel("异议项目")).toHaveValue(entry.id);
  await page.getByLabel("姓名").fill("李明");
  await page.getByLabel("联系方式").fill("liming@example.com");
  await page.getByLabel("异议内容及理由").fill("该项目申报的服务对象人数与社区实际情况不符，社区独居老人不足五十人。");
  // The form refuses anything sent within 3 seconds of being shown (robots); a person takes longer.
  await page.waitForTimeout(3100);
  await page.getByRole("button", { name: "提交异议" }).click();

  await expect(page.getByRole("heading", { name: "异议处理情况" })).toBeVisible();
  await expect(page.getByTestId("objection-status")).toHaveText("已受理");
  await expect(page.getByRole("main")).toContainText(entry.title);
  await expect(page.getByTestId("objection-link")).toHaveText(page.url());
  const objectionUrl = page.url();

  await loginAs(page, admin.id);
  await page.goto(`/admin/grants/${round.call.id}/publicity`);
  await expect(page.getByRole("heading", { name: "公示与异议" })).toBeVisible();
  await expect(page.getByTestId("confirm-block")).toHaveText("公示期尚未结束，结束后方可确认立项名单");
  await expect(page.getByRole("button", { name: "确认立项名单" })).toBeDisabled();
  const objection = page.getByRole("article", { name: `异议：${entry.title}` });
  await expect(objection).toContainText("李明");
  await expect(objection).toContainText("liming@example.com");
  await objection.getByLabel("处理结果").selectOption({ label: "异议不成立" });
  await objection.getByLabel("答复意见（异议人可见）").fill("经实地核查，该社区登记独居老人 62 人，申报材料属实。");
  await objection.getByRole("button", { name: "提交处理" }).click();
  await expect(page.getByRole("status")).toContainText("已作出“异议不成立”的处理");
  await expect(objection).toContainText("答复：经实地核查");

  await page.context().clearCookies();
  await page.goto(objectionUrl);
  await expect(page.getByRole("heading", { name: "异议处理情况" })).toBeVisible();
  await expect(page.getByTestId("objection-status")).toHaveText("异议不成立");
  await expect(page.getByTestId("objection-reply")).toHaveText("经实地核查，该社区登记独居老人 62 人，申报材料属实。");
});

test("a too-fast submission or a filled honeypot saves nothing", async ({ page }) => {
  const { round, entry } = await arrangePublicity();
  const objections = () => prisma.objection.count({ where: grantObjectionsOf(round.call.id) });

  await page.goto(`/grants/${round.call.id}/objection?applicationId=${entry.id}`);
  await expect(page.getByRole("heading", { name: "提出异议" })).toBeVisible();
  await page.getByLabel("姓名").fill("王五");
  await page.getByLabel("联系方式").fill("13912345678");
  await page.getByLabel("异议内容及理由").fill("我认为该项目的预算编制不合理，活动经费明显偏高，请予以核实。");
  await page.getByRole("button", { name: "提交异议" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "提交过快" })).toBeVisible();
  // What was typed is kept.
  await expect(page.getByLabel("姓名")).toHaveValue("王五");
  expect(await objections()).toBe(0);

  await page.goto(`/grants/${round.call.id}/objection?applicationId=${entry.id}`);
  await expect(page.getByRole("heading", { name: "提出异议" })).toBeVisible();
  await page.getByLabel("姓名").fill("机器人");
  await page.getByLabel("联系方式").fill("13912345678");
  await page.getByLabel("异议内容及理由").fill("这是一段由机器自动填写的内容，用于测试防机器提交的隐藏字段。");
  // Hidden from people; a robot filling every input fills this one too.
  await page.locator('input[name="website"]').fill("http://spam.example");
  await page.waitForTimeout(3100);
  await page.getByRole("button", { name: "提交异议" }).click();
  await expect(page.getByRole("heading", { name: "拟入围项目公示" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("您的异议已提交。");
  expect(await objections()).toBe(0);
});
