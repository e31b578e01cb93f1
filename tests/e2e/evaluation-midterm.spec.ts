// #14 items 1–5 in the browser: the organization files its mid-term self-assessment, staff
// auto-assign the panel, the expert scores beside what the record computes, staff publish the
// result, and once the publicity period is over it is final without a click (decision 026): the
// grade comes from the call's bands and the next tranche's gate is met, visible on the tranches tab.
import { addDays } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { expect, loginAs, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";
import { assignExpert, fileSelfAssessment, projectInMidterm, scoreAsExpert } from "./evaluation-helpers";

test("a mid-term evaluation from self-assessment to the next tranche's gate", async ({ page }) => {
  test.setTimeout(90_000); // four roles' steps, from self-assessment to the tranche gate
  const { admin, member, expert, project } = await projectInMidterm();
  const midterm = await prisma.grantEvaluation.findFirstOrThrow({
    where: { projectId: project.projectId, kind: "MIDTERM" },
    select: { id: true },
  });

  await fileSelfAssessment(page, member.id, project.projectId);
  const row = page.getByTestId("evaluation-MIDTERM-1");
  await expect(row).toContainText("专家评审中");
  await expect(row).toContainText("自评 95 分");
  await expectNoSeriousA11yIssues(page);

  await assignExpert(page, admin.id, project.callId, expert.name);
  await expect(
    page.getByRole("row", { name: new RegExp(project.title) }).filter({ hasText: "中期评估" }),
  ).toContainText(expert.name);
  await expectNoSeriousA11yIssues(page);

  // The expert follows what the record computes for the meals (80% → 14 of 20).
  const { form } = await scoreAsExpert(page, expert.id, midterm.id, { 服务人次完成率: 6, 服务对象满意度与项目成效: 8 });
  await expect(page.getByRole("heading", { name: "据项目记录计算" })).toBeVisible();
  await expect(page.getByTestId("record-items")).toContainText("绩效指标完成率80%（80%–100%）");
  await expect(page.getByTestId("record-items")).toContainText("1 / 1 期按时提交");
  const meals = form.getByRole("row", { name: /服务人次完成率/ });
  await expect(meals.getByRole("cell").nth(3)).toHaveText("14 分80%–100%");
  await expectNoSeriousA11yIssues(page);
  await form.getByRole("button", { name: "提交评分" }).click();
  await expect(page.getByText("评分已提交，感谢您的评审。")).toBeVisible();

  await page.context().clearCookies();
  await loginAs(page, admin.id);
  await page.goto(`/admin/projects/${project.projectId}/evaluations`);
  const card = page.getByTestId("evaluation-MIDTERM-1");
  await expect(card).toContainText("待公示");
  await expect(card).toContainText("86 分 · 良好");
  await expectNoSeriousA11yIssues(page);
  await card.getByRole("button", { name: "公示评估结果" }).click();
  await expect(card).toContainText("公示中");

  // The publicity period ends (the call's days are rule data; here it is moved to yesterday).
  await prisma.grantEvaluation.update({
    where: { id: midterm.id },
    data: { publicityStartsAt: addDays(new Date(), -8), publicityEndsAt: addDays(new Date(), -1) },
  });
  await page.reload();
  // Nobody clicks: the period is over with no objection, so the result is final on the next read.
  await expect(card).toContainText("结果已确定");
  await expect(card.getByRole("button", { name: "公示期满，确定结果" })).toHaveCount(0);

  await page.goto(`/admin/projects/${project.projectId}/tranches`);
  await expect(page.locator('[data-tranche="2"]')).toContainText("待拨付");
  await expect(page.locator('[data-tranche="3"]')).toContainText("待达成拨付条件");
  await expectNoSeriousA11yIssues(page);

  await page.context().clearCookies();
  await loginAs(page, member.id);
  await page.goto(`/org/projects/${project.projectId}/evaluations`);
  await expect(page.getByTestId("evaluation-MIDTERM-1")).toContainText("评估结果：86 分，良好");
  await expectNoSeriousA11yIssues(page);
});
