// #12 items 8-10 in the browser: the 评估委员会 decides (quorum, committee score with its reason,
// the vote of all members); the organization files a 复核 during 公示, which staff decide; after
// the 公告 the grade shows on the public results page and the organization page with its
// validity, and the 3A+ certificate prints. Each journey starts from database fixtures.
import { fileReviewRequest } from "~/modules/rating/publicity.server";
import { gradeValidity } from "~/modules/registry/grade";
import { toDateInput } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { expect, loginAs, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";
import { publishedApplication, scoredApplication } from "./rating-results-helpers";

test("the committee meets with a quorum, changes a leaf score with its reason and passes the grade", async ({
  page,
}) => {
  const { round, application, admin, organization } = await scoredApplication();
  await loginAs(page, admin.id);
  await page.goto(`/admin/rating/${round.id}/results`);
  await expect(page.getByRole("heading", { level: 1, name: `${round.title} · 评估结果` })).toBeVisible();
  const item = page.getByTestId("result-application").filter({ hasText: organization.name });
  await expect(item).toContainText("专家评分完成");
  await expect(item).toContainText("最终得分 30 分，拟定 3A");
  await expectNoSeriousA11yIssues(page);

  // Four of seven members are not two thirds: the meeting is refused.
  await page.getByLabel("会议日期").fill(toDateInput(new Date()));
  await page.getByLabel("出席委员人数").fill("4");
  await page.getByLabel("出席委员", { exact: true }).fill("张委员、王委员、李委员、赵委员");
  await page.getByRole("button", { name: "登记会议" }).click();
  await expect(
    page.getByText("出席委员 4 人，未达到全体委员（7 人）的三分之二（至少 5 人），会议不能作出决定"),
  ).toBeVisible();
  await page.getByLabel("出席委员人数").fill("5");
  await page.getByLabel("出席委员", { exact: true }).fill("张委员、王委员、李委员、赵委员、刘委员");
  await page.getByRole("button", { name: "登记会议" }).click();
  await expect(page.getByText("已登记委员会会议。")).toBeVisible();
  await expect(page.getByTestId("committee-meeting")).toContainText("出席 5/7 人");

  // The committee raises one leaf, with its reason: 34 points, 4A.
  await item.getByLabel("指标编码").fill("2.2");
  await item.getByLabel("委员会评分").fill("8");
  await item.getByLabel("调整理由").fill("补充材料显示年度报告已公开");
  await item.getByRole("button", { name: "调整评分" }).click();
  await expect(page.getByText("已记录委员会评分。")).toBeVisible();
  await expect(item).toContainText("最终得分 34 分，拟定 4A");

  // Three in favour is not more than half of all seven members; four is.
  await item.getByLabel("赞成").fill("3");
  await item.getByLabel("反对").fill("2");
  await item.getByLabel("弃权").fill("0");
  await item.getByRole("button", { name: "记录表决" }).click();
  await expect(page.getByText("表决未通过（赞成票未超过全体委员半数），该申请仍待审定。")).toBeVisible();
  await expect(item).toContainText("专家评分完成");
  await item.getByLabel("赞成").fill("4");
  await item.getByLabel("反对").fill("1");
  await item.getByLabel("弃权").fill("0");
  await item.getByRole("button", { name: "记录表决" }).click();
  await expect(page.getByText("表决通过，该申请已审定。")).toBeVisible();
  await expect(item).toContainText("委员会已审定");
  await expect(item).toContainText("最终得分 34 分，等级 4A");
  await expectNoSeriousA11yIssues(page);

  // The score sheet shows the committee's score next to the expert's, with the reason.
  await page.goto(`/admin/rating/applications/${application.id}`);
  const sheet = page.getByTestId("score-sheet");
  await expect(sheet).toContainText("补充材料显示年度报告已公开");
  await expectNoSeriousA11yIssues(page);
});

test("the organization files a 复核 during 公示 and staff change the grade with a reason", async ({ page }) => {
  const { round, member, admin, organization } = await publishedApplication(0);

  await loginAs(page, member.id);
  await page.goto("/org/rating/review");
  await expect(page.getByRole("heading", { level: 1, name: "评估结果与复核" })).toBeVisible();
  const own = page.getByTestId("own-result").filter({ hasText: round.title });
  await expect(own).toContainText("评估总分 34 分，等级 4A");
  await expectNoSeriousA11yIssues(page);
  await own.getByRole("button", { name: "申请复核" }).click();
  await expect(own.getByText("请填写复核理由")).toBeVisible();
  await own.getByLabel("复核理由").fill("2.1 财务制度已于评估前完成年度审计，申请复核。");
  await own.getByLabel("证明材料说明").fill("年度审计报告（2026年3月出具）");
  await own.getByRole("button", { name: "申请复核" }).click();
  await expect(page.getByText("复核申请已提交，民政局将在 15 日内作出决定。")).toBeVisible();
  await expect(own).toContainText("复核申请中");
  await expect(own).toContainText("待复核");
  await expect(own.getByRole("button", { name: "申请复核" })).toHaveCount(0);

  // Staff decide: changing the grade needs the grade; the announcement waits for the publicity period.
  await page.context().clearCookies();
  await loginAs(page, admin.id);
  await page.goto(`/admin/rating/${round.id}/results`);
  const request = page.getByTestId("review-request").filter({ hasText: organization.name });
  await expect(request).toContainText("原等级 4A");
  await expect(request).toContainText("年度审计报告（2026年3月出具）");
  await expectNoSeriousA11yIssues(page);
  await request.getByLabel("复核理由").fill("经核实，年度审计报告真实有效，2.1 得分无误；总分达到 5A 标准。");
  await request.getByRole("button", { name: "变更等级" }).click();
  await expect(request.getByText("变更等级时请选择等级")).toBeVisible();
  await request.getByLabel("变更后的等级").selectOption({ label: "5A" });
  await request.getByRole("button", { name: "变更等级" }).click();
  await expect(page.getByText("复核决定已作出，已通知该组织。")).toBeVisible();
  await expect(request).toContainText("复核结论：变更等级 5A。");
  await expect(page.getByTestId("result-application").filter({ hasText: organization.name })).toContainText("等级 5A");
  await page.getByRole("button", { name: "发布评估结果公告" }).click();
  await expect(page.getByText(/公示期满后才能公告/)).toBeVisible();

  // The organization reads the decision.
  await page.context().clearCookies();
  await loginAs(page, member.id);
  await page.goto("/org/rating/review");
  await expect(own).toContainText("等级 5A");
  await expect(own).toContainText("变更等级，5A。经核实，年度审计报告真实有效");
});

test("staff keep the grade on a 复核 with their reason, and the organization reads it", async ({ page }) => {
  const { round, application, member, admin, organization } = await publishedApplication(0);
  const filed = await fileReviewRequest({
    applicationId: application.id,
    organizationId: organization.id,
    reasons: "信息公开一项应得满分。",
    actorId: member.id,
  });
  if (!filed.ok) throw new Error("the 复核 was refused");

  await loginAs(page, admin.id);
  await page.goto(`/admin/rating/${round.id}/results`);
  const request = page.getByTestId("review-request").filter({ hasText: organization.name });
  await expect(request).toContainText("复核理由：信息公开一项应得满分。");
  await request.getByRole("button", { name: "维持原等级" }).click();
  await expect(request.getByText("请填写复核理由")).toBeVisible();
  await request.getByLabel("复核理由").fill("委员会已按补充材料调整该项得分，维持 4A。");
  await request.getByRole("button", { name: "维持原等级" }).click();
  await expect(page.getByText("复核决定已作出，已通知该组织。")).toBeVisible();
  await expect(request).toContainText("复核结论：维持原等级 4A。委员会已按补充材料调整该项得分，维持 4A。");
  await expectNoSeriousA11yIssues(page);

  await page.context().clearCookies();
  await loginAs(page, member.id);
  await page.goto("/org/rating/review");
  const own = page.getByTestId("own-result").filter({ hasText: round.title });
  await expect(own).toContainText("等级 4A");
  await expect(own).toContainText("维持原等级，4A。委员会已按补充材料调整该项得分");
  await expect(own.getByRole("button", { name: "申请复核" })).toHaveCount(0);
});

test("after the 公告 the grade shows publicly with its validity and the certificate prints", async ({ page }) => {
  const { round, member, admin, organization } = await publishedApplication(10);

  // The publicity period is over: the organization can no longer ask for a 复核.
  await loginAs(page, member.id);
  await page.goto("/org/rating/review");
  const own = page.getByTestId("own-result").filter({ hasText: round.title });
  await expect(own).toContainText("评估总分 34 分，等级 4A");
  await expect(own.getByRole("button", { name: "申请复核" })).toHaveCount(0);

  await page.context().clearCookies();
  await loginAs(page, admin.id);
  await page.goto(`/admin/rating/${round.id}/results`);
  await expect(page.getByRole("heading", { level: 1, name: `${round.title} · 评估结果` })).toBeVisible();
  await page.getByRole("button", { name: "发布评估结果公告" }).click();
  await expect(page.getByText("评估结果已公告，等级和证书已生成。")).toBeVisible();
  await expect(page.getByTestId("result-application").filter({ hasText: organization.name })).toContainText("已公告");
  await expectNoSeriousA11yIssues(page);
  const announced = await prisma.ratingRound.findUniqueOrThrow({
    where: { id: round.id },
    select: { announcedAt: true },
  });
  const validity = gradeValidity(announced.announcedAt!);
  const validityText = `${formatDate(validity.validFrom)} 至 ${formatDate(validity.validTo)}`;

  // Anyone: the public results, from the list to the round to the organization.
  await page.context().clearCookies();
  await page.goto("/rating");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await page.getByRole("link", { name: round.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: round.title })).toBeVisible();
  await expect(page.getByText(`等级有效期 ${validityText}`)).toBeVisible();
  const row = page.getByTestId("public-result").filter({ hasText: organization.name });
  await expect(row).toContainText("社会服务机构");
  await expect(row).toContainText("4A");
  await expectNoSeriousA11yIssues(page);
  await row.getByRole("link", { name: organization.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: organization.name })).toBeVisible();
  // The grade is valid from 1 January after the announcement: the page lists it with that validity.
  const grades = page.getByRole("region", { name: "评估等级记录" });
  await expect(grades).toContainText("4A");
  await expect(grades).toContainText(`公告，有效期 ${validityText}`);
  await expectNoSeriousA11yIssues(page);

  // The organization prints its 4A certificate.
  const certificate = await prisma.ratingCertificate.findFirstOrThrow({
    where: { organizationId: organization.id, grade: 4 },
    select: { number: true },
  });
  await loginAs(page, member.id);
  await page.goto("/org/rating/certificates");
  await expect(page.getByRole("heading", { name: "评估等级证书" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await page.getByRole("link", { name: certificate.number }).click();
  await expect(page.getByTestId("rating-certificate-number")).toHaveText(certificate.number);
  await expect(page.getByTestId("rating-certificate-grade")).toHaveText("4A");
  await expect(page.getByRole("article")).toContainText(organization.name);
  await expect(page.getByLabel("牌匾文字")).toContainText("4A级社会组织");
  await expect(page.getByLabel("牌匾文字")).toContainText(
    `有效期：${formatDate(validity.validFrom)}至${formatDate(validity.validTo)}`,
  );
  await expectNoSeriousA11yIssues(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "打印证书" })).toBeHidden();
  await expect(page.getByTestId("rating-certificate-number")).toBeVisible();
  await expect(page.getByTestId("rating-certificate-grade")).toHaveText("4A");
});
