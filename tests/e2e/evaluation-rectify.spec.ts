// #14 item 5 in the browser: a mid-term 不合格 becomes final, staff choose 整改 with a due date
// and a reason, the project is 整改中 with a re-evaluation due on that date; the organization
// files again, the re-evaluation passes, the project is back 执行中 and the next tranche payable.
// Then a final evaluation that passes releases the last tranche, and one that fails ends the
// project once its publicity is over (decision 026).
import type { Page } from "@playwright/test";
import { addDays, toDateInput } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { expect, loginAs, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";
import {
  assignExpert,
  fileSelfAssessment,
  finalScored,
  projectInMidterm,
  publishAndFinalize,
  scoreAsExpert,
} from "./evaluation-helpers";

type Cast = Awaited<ReturnType<typeof projectInMidterm>>;

/** Round `round` of the mid-term goes to the one expert, who scores it (full points less `off`); its result is published and becomes final. */
async function scoreRound(page: Page, { admin, expert, project }: Cast, round: number, off: Record<string, number>) {
  const evaluation = await prisma.grantEvaluation.findFirstOrThrow({
    where: { projectId: project.projectId, kind: "MIDTERM", round },
    select: { id: true },
  });
  await assignExpert(page, admin.id, project.callId, expert.name);
  const { form } = await scoreAsExpert(page, expert.id, evaluation.id, off);
  await form.getByRole("button", { name: "提交评分" }).click();
  await expect(page.getByText("评分已提交，感谢您的评审。")).toBeVisible();
  return publishAndFinalize(page, admin.id, project.projectId, `evaluation-MIDTERM-${round}`);
}

test("a mid-term 不合格 goes to rectification, and the passing re-evaluation resumes delivery", async ({ page }) => {
  test.setTimeout(120_000); // two rounds of self-assessment, assignment, scoring and publicity
  const cast = await projectInMidterm();
  const { member, project } = cast;
  await fileSelfAssessment(page, member.id, project.projectId);
  const card = await scoreRound(page, cast, 1, {
    服务人次完成率: 20,
    活动按计划开展: 15,
    物资使用与管理: 6,
    服务对象满意度与项目成效: 15,
  });
  await expect(card).toContainText("44 分 · 不合格");

  const decide = card.getByRole("form", { name: "不合格处理决定" });
  await decide.getByLabel("处理方式").selectOption({ label: "限期整改后重新评估" });
  await decide.getByLabel("决定理由").fill("服务人次严重不足，限期补足服务并完善台账");
  await decide.getByRole("button", { name: "作出处理决定" }).click();
  await expect(decide.getByText("请填写整改期限")).toBeVisible();
  await expect(decide.getByLabel("决定理由")).toHaveValue("服务人次严重不足，限期补足服务并完善台账");
  const due = addDays(new Date(), 30);
  await decide.getByLabel("整改期限（整改时必填）").fill(toDateInput(due));
  await decide.getByRole("button", { name: "作出处理决定" }).click();
  await expect(page.getByTestId("project-status")).toHaveText("整改中");
  await expect(card).toContainText(`限期整改后重新评估（整改期限 ${formatDate(due)}）`);
  const again = page.getByTestId("evaluation-MIDTERM-2");
  await expect(again).toContainText("中期评估（第 2 次）");
  await expect(again).toContainText("待提交自评");
  await expect(again).toContainText(formatDate(due));
  await expectNoSeriousA11yIssues(page);

  await fileSelfAssessment(page, member.id, project.projectId);
  await expect(page.getByTestId("evaluation-MIDTERM-1")).toContainText("处理决定：限期整改后重新评估");
  await expect(page.getByTestId("evaluation-MIDTERM-2")).toContainText("专家评审中");
  await expectNoSeriousA11yIssues(page);
  const reCard = await scoreRound(page, cast, 2, { 服务对象满意度与项目成效: 10 });
  await expect(reCard).toContainText("90 分 · 优秀");
  await expect(page.getByTestId("project-status")).toHaveText("执行中");

  await page.goto(`/admin/projects/${project.projectId}/tranches`);
  await expect(page.locator('[data-tranche="2"]')).toContainText("待拨付");
  await expectNoSeriousA11yIssues(page);
});

test("a final evaluation that passes releases the last tranche", async ({ page }) => {
  const { admin, member, project } = await projectInMidterm();
  // The mid-term passed and its tranche was paid; the experts have scored the final evaluation.
  await finalScored(project.projectId, 81.5, "良好");

  const card = await publishAndFinalize(page, admin.id, project.projectId, "evaluation-FINAL-1");
  await expect(card).toContainText("81.5 分 · 良好");
  await expectNoSeriousA11yIssues(page);
  await page.goto(`/admin/projects/${project.projectId}/tranches`);
  await expect(page.locator('[data-tranche="3"]')).toContainText("待拨付");

  await page.context().clearCookies();
  await loginAs(page, member.id);
  await page.goto(`/org/projects/${project.projectId}/evaluations`);
  await expect(page.getByTestId("evaluation-FINAL-1")).toContainText("评估结果：81.5 分，良好");
  await page.goto(`/org/projects/${project.projectId}/tranches`);
  await expect(page.locator('[data-tranche="3"]')).toContainText("待拨付");
  await expectNoSeriousA11yIssues(page);
});

test("a final 不合格 becomes final by itself: the last tranche is stopped, the project ends, the organization is barred", async ({
  page,
}) => {
  const { admin, member, project } = await projectInMidterm();
  // The mid-term passed and its tranche was paid; the experts scored the final evaluation 52.
  await finalScored(project.projectId, 52, "不合格");

  const card = await publishAndFinalize(page, admin.id, project.projectId, "evaluation-FINAL-1");
  await expect(card).toContainText("52 分 · 不合格");
  await expect(card.getByTestId("final-fail-outcome")).toContainText("尾款不予拨付，项目终止，不予结项");
  await expect(page.getByTestId("project-status")).toHaveText("已终止");
  await expectNoSeriousA11yIssues(page);
  await page.goto(`/admin/projects/${project.projectId}/tranches`);
  await expect(page.locator('[data-tranche="3"]')).toContainText("停止拨付");

  await page.context().clearCookies();
  await loginAs(page, member.id);
  await page.goto(`/org/projects/${project.projectId}/evaluations`);
  const row = page.getByTestId("evaluation-FINAL-1");
  await expect(row).toContainText("评估结果：52 分，不合格");
  await expect(row.getByTestId("final-fail-outcome")).toBeVisible();
  await expect(page.getByTestId("project-status")).toHaveText("已终止");
  await page.goto("/org");
  await expect(page.getByTestId("ban-notice")).toContainText("终期评估不合格");
  await expectNoSeriousA11yIssues(page);
});
