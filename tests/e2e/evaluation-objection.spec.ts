// #14 item 4 in the browser: the public reads a call's evaluation results in publicity and files
// an objection through the shared publicity form; staff dismiss it with a reply the objector reads
// behind the secret link; after the period the result becomes final and the gate opens.
import { addDays } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { expect, loginAs, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";
import { projectInMidterm } from "./evaluation-helpers";

test("the public objects to a published evaluation result, staff dismiss it, and the result becomes final", async ({
  page,
}) => {
  const { admin, project } = await projectInMidterm();
  // The experts have scored the mid-term; staff publish it below.
  const midterm = await prisma.grantEvaluation.findFirstOrThrow({
    where: { projectId: project.projectId, kind: "MIDTERM" },
    select: { id: true },
  });
  await prisma.grantEvaluation.update({
    where: { id: midterm.id },
    data: { status: "SCORED", submittedAt: addDays(new Date(), -5), expertTotal: 78, score: 78, grade: "合格" },
  });
  await loginAs(page, admin.id);
  await page.goto(`/admin/projects/${project.projectId}/evaluations`);
  const card = page.getByTestId("evaluation-MIDTERM-1");
  await card.getByRole("button", { name: "公示评估结果" }).click();
  await expect(card).toContainText("公示中");

  await page.context().clearCookies();
  await page.goto(`/grants/${project.callId}`);
  await page.getByRole("link", { name: "查看项目评估结果公示" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "项目评估结果公示" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(project.title) });
  await expect(row).toContainText("中期评估");
  await expect(row).toContainText("78");
  await expect(row).toContainText("合格");
  await expectNoSeriousA11yIssues(page);
  await row.getByRole("link", { name: "提出异议" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "对评估结果提出异议" })).toBeVisible();
  await expect(page.getByLabel("异议的评估结果")).toHaveValue(midterm.id);
  await page.getByLabel("姓名").fill("李明");
  await page.getByLabel("联系方式").fill("13800001234");
  await page.getByLabel("异议内容及理由").fill("项目助餐点在中期多次停餐，服务人次与报告不符，请核实评估结果。");
  await expectNoSeriousA11yIssues(page);
  await page.waitForTimeout(3100); // the form's stamp refuses a submission within 3 seconds
  await page.getByRole("button", { name: "提交异议" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "异议处理情况" })).toBeVisible();
  await expect(page.getByTestId("objection-status")).toHaveText("已受理");
  await expect(page.getByText(`异议的评估结果：`)).toContainText(project.title);
  const statusUrl = page.url();
  await expectNoSeriousA11yIssues(page);

  await loginAs(page, admin.id);
  await page.goto(`/admin/projects/${project.projectId}/evaluations`);
  await expect(card).toContainText("李明（13800001234）");
  const answer = card.getByRole("form", { name: "处理异议" });
  await answer.getByLabel("处理结果").selectOption("DISMISSED");
  await answer.getByLabel("答复意见（异议人可见）").fill("经核查台账与回访记录，停餐为节假日安排，服务人次属实。");
  await answer.getByRole("button", { name: "提交处理结果" }).click();
  await expect(card).toContainText("异议不成立");
  await expectNoSeriousA11yIssues(page);

  await page.context().clearCookies();
  await page.goto(statusUrl);
  await expect(page.getByTestId("objection-status")).toHaveText("异议不成立");
  await expect(page.getByTestId("objection-reply")).toHaveText(
    "经核查台账与回访记录，停餐为节假日安排，服务人次属实。",
  );

  // The period ends with no objection pending: the result is final and the next tranche payable.
  await prisma.grantEvaluation.update({
    where: { id: midterm.id },
    data: { publicityStartsAt: addDays(new Date(), -8), publicityEndsAt: addDays(new Date(), -1) },
  });
  await loginAs(page, admin.id);
  await page.goto(`/admin/projects/${project.projectId}/evaluations`);
  await expect(card).toContainText("结果已确定");
  await page.goto(`/admin/projects/${project.projectId}/tranches`);
  await expect(page.locator('[data-tranche="2"]')).toContainText("待拨付");
});
