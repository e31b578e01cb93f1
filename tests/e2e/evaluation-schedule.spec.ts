// When evaluations fall due and which one the organization acts on (decision 026): staff
// countersigning an extension re-date the final evaluation while nothing has been submitted for
// it, and both sides see the new date; the organization's 评估 tab lists both evaluations with
// their states and offers the self-assessment of the one due now, the final only once the
// mid-term's result is settled. The project and its agreement steps are built in the database.
import { finalDueAt } from "~/modules/evaluation/due";
import { addDays } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { expect, loginAs, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";
import { extensionAwaitingCountersign, projectInMidterm } from "./evaluation-helpers";

async function termOf(projectId: string) {
  return prisma.grantProject.findUniqueOrThrow({
    where: { id: projectId },
    select: { endsOn: true, call: { select: { finalBeforeEndMonths: true } } },
  });
}

test("countersigning an extension re-dates the final evaluation nothing has been submitted for", async ({ page }) => {
  const { admin, member, project } = await projectInMidterm();
  const before = await termOf(project.projectId);
  const oldDue = finalDueAt(before.endsOn, before.call.finalBeforeEndMonths);
  const newEnd = addDays(before.endsOn, 92);
  const newDue = finalDueAt(newEnd, before.call.finalBeforeEndMonths);
  await extensionAwaitingCountersign(project.projectId, admin, member, newEnd);

  await loginAs(page, admin.id);
  await page.goto(`/admin/projects/${project.projectId}/evaluations`);
  await expect(page.getByTestId("evaluation-FINAL-1")).toContainText(formatDate(oldDue));
  await page.goto(`/admin/projects/${project.projectId}/agreement`);
  await page.getByLabel("签署人姓名").fill(admin.name);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "会签协议" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已会签，协议生效" })).toBeVisible();

  await page.goto(`/admin/projects/${project.projectId}/evaluations`);
  const final = page.getByTestId("evaluation-FINAL-1");
  await expect(final).toContainText(formatDate(newDue));
  await expect(final).not.toContainText(formatDate(oldDue));
  await expectNoSeriousA11yIssues(page);

  await page.context().clearCookies();
  await loginAs(page, member.id);
  await page.goto(`/org/projects/${project.projectId}/evaluations`);
  await expect(page.getByTestId("evaluation-FINAL-1")).toContainText(`报告及自评截止 ${formatDate(newDue)}`);
  await page.goto("/notifications");
  await expect(page.getByRole("main")).toContainText("终期评估截止日已调整");
  await expect(page.getByRole("main")).toContainText(formatDate(newDue));
});

test("a final evaluation already submitted keeps its date when an extension is countersigned", async ({ page }) => {
  const { admin, member, project } = await projectInMidterm();
  const before = await termOf(project.projectId);
  const oldDue = finalDueAt(before.endsOn, before.call.finalBeforeEndMonths);
  await prisma.grantEvaluation.updateMany({
    where: { projectId: project.projectId, kind: "FINAL" },
    data: { status: "SUBMITTED", submittedAt: new Date() },
  });
  await extensionAwaitingCountersign(project.projectId, admin, member, addDays(before.endsOn, 92));

  await loginAs(page, admin.id);
  await page.goto(`/admin/projects/${project.projectId}/agreement`);
  await page.getByLabel("签署人姓名").fill(admin.name);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "会签协议" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已会签，协议生效" })).toBeVisible();
  await page.goto(`/admin/projects/${project.projectId}/evaluations`);
  await expect(page.getByTestId("evaluation-FINAL-1")).toContainText(formatDate(oldDue));
});

test("the organization's 评估 tab lists both evaluations and offers the final only after the mid-term", async ({
  page,
}) => {
  const { member, project } = await projectInMidterm();
  const evaluations = await prisma.grantEvaluation.findMany({
    where: { projectId: project.projectId },
    select: { kind: true, dueAt: true },
  });
  const dueOf = (kind: string) => formatDate(evaluations.find((e) => e.kind === kind)!.dueAt);
  await loginAs(page, member.id);
  await page.goto(`/org/projects/${project.projectId}/evaluations`);
  const midterm = page.getByTestId("evaluation-MIDTERM-1");
  const final = page.getByTestId("evaluation-FINAL-1");
  await expect(midterm).toContainText("中期评估");
  await expect(midterm).toContainText("待提交自评");
  await expect(midterm).toContainText(`报告及自评截止 ${dueOf("MIDTERM")}`);
  await expect(final).toContainText("终期评估");
  await expect(final).toContainText("待提交自评");
  await expect(final).toContainText(`报告及自评截止 ${dueOf("FINAL")}`);
  await expect(final).toContainText("此前的评估结果确定后开放自评。");
  await expect(page.getByRole("heading", { level: 2, name: /^中期评估自评/ })).toBeVisible();
  await expect(page.getByRole("form", { name: "自评" })).toHaveCount(1);
  await expectNoSeriousA11yIssues(page);

  // The mid-term is with the experts: nothing to file, and the final still waits.
  await prisma.grantEvaluation.updateMany({
    where: { projectId: project.projectId, kind: "MIDTERM" },
    data: { status: "SUBMITTED", submittedAt: new Date() },
  });
  await page.reload();
  await expect(midterm).toContainText("专家评审中");
  await expect(final).toContainText("此前的评估结果确定后开放自评。");
  await expect(page.getByRole("form", { name: "自评" })).toHaveCount(0);

  // The mid-term's result is final: the final evaluation's self-assessment opens.
  await prisma.grantEvaluation.updateMany({
    where: { projectId: project.projectId, kind: "MIDTERM" },
    data: { status: "FINAL", score: 85, grade: "良好", finalAt: addDays(new Date(), -1) },
  });
  await page.reload();
  await expect(midterm).toContainText("结果已确定");
  await expect(midterm).toContainText("评估结果：85 分，良好");
  await expect(final).not.toContainText("此前的评估结果确定后开放自评。");
  await expect(page.getByRole("heading", { level: 2, name: /^终期评估自评/ })).toBeVisible();
  await expect(page.getByRole("form", { name: "自评" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
});
