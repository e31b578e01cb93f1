// #6 公示与异议: staff uphold two objections filed during publicity — one entry
// leaves the proposed shortlist, the other's amount is lowered — and the public
// page, the organization and the objector each see the outcome.
import crypto from "node:crypto";
import { grantObjectionRefs } from "~/modules/grants/publicity/publicity";
import { prisma } from "~/utils/db.server";
import { expect, loginAs, test, createUser } from "../playwright-utils";
import { createReviewRound } from "./review-helpers";

const DAY = 86_400_000;

/**
 * A round being publicized now with both entries selected (¥60,000.00 each; each may
 * get at most ¥80,000.00: requested ¥80,000, cap ¥100,000, 80% of a ¥100,000 budget),
 * and one objection already filed against each entry.
 */
async function arrangeObjections() {
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
  await prisma.grantApplication.updateMany({
    where: { id: { in: [first!.id, second!.id] } },
    data: { status: "SHORTLISTED" },
  });
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
        finalScore: 81.25,
        reviewCount: 3,
        recommended: true,
        recommendedFen: 6_000_000,
        selected: true,
        amountFen: 6_000_000,
      },
    ],
  });
  const objection = (applicationId: string, name: string, contact: string, content: string, minutesAgo: number) =>
    prisma.objection.create({
      data: {
        ...grantObjectionRefs(round.call.id, applicationId),
        name,
        contact,
        content,
        accessToken: crypto.randomBytes(24).toString("base64url"),
        createdAt: new Date(Date.now() - minutesAgo * 60_000),
      },
      select: { id: true, accessToken: true },
    });
  const removal = await objection(
    first!.id,
    "李明",
    "liming@example.com",
    "该机构去年同类项目未按期结项，且本项目服务对象与其他项目重复申报。",
    30,
  );
  const amount = await objection(
    second!.id,
    "张华",
    "13812345678",
    "该项目预算中的场地租金明显高于市场价格，拟资助金额偏高。",
    20,
  );
  return { admin, round, first: first!, second: second!, removal, amount };
}

test("staff uphold objections: one entry leaves the shortlist, another's amount is lowered", async ({ page }) => {
  const { admin, round, first, second, removal, amount } = await arrangeObjections();
  const publicityPath = `/grants/${round.call.id}/publicity`;

  // Before any decision the public sees both entries at ¥60,000.00.
  await page.goto(publicityPath);
  await expect(page.getByRole("heading", { name: "拟入围项目公示" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "拟入围项目（2 项）" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: first.title })).toContainText("¥60,000.00");
  await expect(page.getByRole("row").filter({ hasText: second.title })).toContainText("¥60,000.00");

  // ── Objection 1: upheld, the entry is removed from the proposed shortlist.
  await loginAs(page, admin.id);
  await page.goto(`/admin/grants/${round.call.id}/publicity`);
  await expect(page.getByRole("heading", { name: "公示与异议" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "异议（待处理 2 件）" })).toBeVisible();
  const removalCard = page.getByRole("article", { name: `异议：${first.title}` });
  await expect(removalCard).toContainText("李明");
  await removalCard.getByLabel("处理结果").selectOption({ label: "异议成立" });
  await removalCard.getByLabel("处理方式").selectOption({ label: "移出拟入围名单" });
  await expect(removalCard.getByLabel("调整后的资助金额（元）")).toHaveCount(0);
  await removalCard
    .getByLabel("答复意见（异议人可见）")
    .fill("经核查，该机构上年度同类项目未按期结项，异议成立，项目移出拟入围名单。");
  await removalCard.getByRole("button", { name: "提交处理" }).click();
  await expect(page.getByRole("status")).toContainText("已作出“异议成立”的处理");
  await expect(removalCard).toContainText("处理结果：异议成立，移出拟入围名单");
  await expect(removalCard).toContainText("答复：经核查，该机构上年度同类项目未按期结项");
  await expect(page.getByRole("heading", { name: "异议（待处理 1 件）" })).toBeVisible();
  const entries = page.getByRole("region", { name: /拟入围名单/ });
  await expect(entries.getByRole("heading")).toHaveText("拟入围名单（1 项）");
  await expect(entries.getByRole("table")).not.toContainText(first.title);
  await expect(entries).toContainText("因异议成立移出名单：");
  await expect(entries.getByRole("listitem").filter({ hasText: first.title })).toContainText("异议成立：经核查");

  // ── Objection 2: upheld, the amount is changed — first above the maximum.
  const amountCard = page.getByRole("article", { name: `异议：${second.title}` });
  await expect(amountCard).toContainText("张华");
  const reply = "经核查，场地租金按区内同类场地均价核减，资助金额相应调整为 5 万元。";
  await amountCard.getByLabel("处理结果").selectOption({ label: "异议成立" });
  await amountCard.getByLabel("处理方式").selectOption({ label: "调整资助金额" });
  await amountCard.getByLabel("调整后的资助金额（元）").fill("90000");
  await amountCard.getByLabel("答复意见（异议人可见）").fill(reply);
  await amountCard.getByRole("button", { name: "提交处理" }).click();
  const amountField = amountCard.getByLabel("调整后的资助金额（元）");
  await expect(amountField).toHaveAttribute("aria-invalid", "true");
  await expect(amountCard.getByRole("alert")).toHaveText("调整后的资助金额不能超过该项目可获资助上限 ¥80,000.00");
  // What was typed is kept.
  await expect(amountCard.getByLabel("答复意见（异议人可见）")).toHaveValue(reply);
  await expect(amountCard.getByLabel("处理结果")).toHaveValue("UPHELD");
  await expect(amountCard.getByLabel("处理方式")).toHaveValue("CHANGE_AMOUNT");
  await expect(amountField).toHaveValue("90000");
  // Nothing was decided.
  await expect(page.getByRole("heading", { name: "异议（待处理 1 件）" })).toBeVisible();

  await amountField.fill("50000");
  await amountCard.getByRole("button", { name: "提交处理" }).click();
  await expect(page.getByRole("status")).toContainText("已作出“异议成立”的处理");
  await expect(amountCard).toContainText("处理结果：异议成立，调整资助金额（¥50,000.00）");
  await expect(amountCard).toContainText(`答复：${reply}`);
  await expect(page.getByRole("heading", { name: "异议（待处理 0 件）" })).toBeVisible();
  await expect(entries.getByRole("row").filter({ hasText: second.title })).toContainText("¥50,000.00");

  // ── What the public sees now (anonymous visitor).
  await page.context().clearCookies();
  await page.goto(publicityPath);
  await expect(page.getByRole("heading", { name: "拟入围项目公示" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "拟入围项目（1 项）" })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(first.title);
  const remaining = page.getByRole("row").filter({ hasText: second.title });
  await expect(remaining).toContainText("81.25");
  await expect(remaining).toContainText("¥50,000.00");
  await expect(remaining).not.toContainText("¥60,000.00");

  // ── The objectors read the outcome behind their links.
  await page.goto(`/grants/objections/${removal.accessToken}`);
  await expect(page.getByRole("heading", { name: "异议处理情况" })).toBeVisible();
  await expect(page.getByTestId("objection-status")).toHaveText("异议成立");
  await expect(page.getByRole("main")).toContainText("处理方式：移出拟入围名单");
  await expect(page.getByTestId("objection-reply")).toHaveText(
    "经核查，该机构上年度同类项目未按期结项，异议成立，项目移出拟入围名单。",
  );

  await page.goto(`/grants/objections/${amount.accessToken}`);
  await expect(page.getByRole("heading", { name: "异议处理情况" })).toBeVisible();
  await expect(page.getByTestId("objection-status")).toHaveText("异议成立");
  await expect(page.getByRole("main")).toContainText("处理方式：调整资助金额（调整为 ¥50,000.00）");
  await expect(page.getByTestId("objection-reply")).toHaveText(reply);

  // ── The removed entry's organization is told.
  await loginAs(page, first.owner.id);
  await page.goto("/notifications");
  await expect(
    page.getByRole("listitem").filter({ hasText: `公示异议成立，项目移出拟入围名单：${first.title}` }),
  ).toBeVisible();

  // Complement: the database agrees.
  expect(
    (await prisma.grantApplication.findUniqueOrThrow({ where: { id: first.id }, select: { status: true } })).status,
  ).toBe("NOT_FUNDED");
  expect(
    (await prisma.grantApplication.findUniqueOrThrow({ where: { id: second.id }, select: { status: true } })).status,
  ).toBe("SHORTLISTED");
  const awards = await prisma.grantAward.findMany({
    where: { callId: round.call.id },
    orderBy: { rank: "asc" },
    select: { selected: true, amountFen: true },
  });
  expect(awards).toEqual([
    { selected: false, amountFen: 0 },
    { selected: true, amountFen: 5_000_000 },
  ]);
  const notices = await prisma.notification.findMany({
    where: { userId: { in: [first.owner.id, second.owner.id] } },
    select: { userId: true, title: true },
  });
  expect(notices).toEqual(
    expect.arrayContaining([
      { userId: first.owner.id, title: `公示异议成立，项目移出拟入围名单：${first.title}` },
      { userId: second.owner.id, title: `公示异议成立，资助金额调整为 ¥50,000.00：${second.title}` },
    ]),
  );
});
