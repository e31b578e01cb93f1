// Arrangements for the evaluation specs (#14 items 1–5): a running project of last year's call
// (tests/support/funded-project) whose evaluations are scheduled with the evaluation module's own
// function, the mid-term due in two weeks, and an expert. The steps after it run in the browser.
import type { Page } from "@playwright/test";
import { scheduleEvaluations } from "~/modules/evaluation/create.server";
import { signAsOrganization } from "~/modules/funding/agreement-signing.server";
import { issueAgreement, startAmendment } from "~/modules/funding/agreements.server";
import { addDays, toDateInput } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs } from "../playwright-utils";
import { createRunningProject } from "../support/funded-project";
import { registerOrganization } from "./grants-apply-helpers";

export async function projectInMidterm() {
  const admin = await createUser({ role: "ADMIN" });
  const member = await createUser({ role: "ORG_MEMBER" });
  const expert = await createUser({ role: "REVIEWER" });
  await registerOrganization(member.organizationId!);
  const project = await createRunningProject({
    organizationId: member.organizationId!,
    userId: member.id,
    adminId: admin.id,
    paidTranches: 1,
  });
  // A year-long project half way through: the final evaluation is months away.
  await prisma.grantProject.update({ where: { id: project.projectId }, data: { endsOn: addDays(new Date(), 200) } });
  await prisma.$transaction((tx) =>
    scheduleEvaluations(tx, project.projectId, { actor: { id: admin.id, role: "ADMIN" } }),
  );
  await prisma.grantEvaluation.updateMany({
    where: { projectId: project.projectId, kind: "MIDTERM" },
    data: { dueAt: addDays(new Date(), 14) },
  });
  // The mid-term report, filed on time: 4,800 of the 6,000 meals planned (80%).
  const kpi = await prisma.grantProjectKpi.findFirstOrThrow({
    where: { projectId: project.projectId },
    select: { id: true },
  });
  await prisma.grantProgressReport.create({
    data: {
      projectId: project.projectId,
      sequence: 1,
      kind: "MIDTERM",
      periodStart: addDays(new Date(), -300),
      periodEnd: addDays(new Date(), -20),
      dueAt: addDays(new Date(), -10),
      submittedAt: addDays(new Date(), -12),
      status: "ACCEPTED",
      narrative: "上半期开展助餐服务 4,800 人次。",
      kpiActuals: { create: [{ kpiId: kpi.id, actualValue: 4800 }] },
    },
  });
  return { admin, member, expert, project };
}

/** The organization fills every leaf of the seeded mid-term scheme and submits. */
export async function fileSelfAssessment(page: Page, memberId: string, projectId: string) {
  await page.context().clearCookies();
  await loginAs(page, memberId);
  await page.goto(`/org/projects/${projectId}/evaluations`);
  const form = page.getByRole("form", { name: "自评" });
  await form.getByLabel(/服务人次完成率 自评档次/).selectOption({ label: "达到计划100%（20 分）" });
  await form.getByLabel(/活动按计划开展 自评分/).fill("18");
  await form.getByLabel("项目负责人到岗（5 分）").check();
  await form.getByLabel("专职社工到岗（5 分）").check();
  await form.getByLabel(/物资使用与管理 自评分/).fill("9");
  await form.getByLabel(/预算执行偏差 自评档次/).selectOption({ label: "偏差5%以内（15 分）" });
  await form.getByLabel(/项目资金专款专用 自评/).selectOption("yes");
  await form.getByLabel(/服务对象满意度与项目成效 自评分/).fill("18");
  await form.getByLabel("自评说明").fill("项目按计划开展助餐和探访，服务人次达到中期目标。");
  await form.getByRole("button", { name: "提交自评" }).click();
  await expect(page.getByText("自评已提交，等待评估专家评审。")).toBeVisible();
}

/** Staff assign only `expertName`, one expert per evaluation, on the call's evaluation panel. */
export async function assignExpert(page: Page, adminId: string, callId: string, expertName: string) {
  await page.context().clearCookies();
  await loginAs(page, adminId);
  await page.goto(`/admin/grants/${callId}/evaluations`);
  const auto = page.getByRole("region", { name: "自动分配评估专家" });
  for (const box of await auto.getByRole("checkbox").all()) await box.uncheck();
  await auto.getByRole("checkbox", { name: new RegExp(expertName) }).check();
  await auto.getByLabel("每项评估的专家人数").fill("1");
  await auto.getByRole("button", { name: "自动分配" }).click();
  await expect(page.getByTestId("auto-assign-result")).toContainText("已新增 1 项评估任务");
}

/** The expert gives full points except the points `off` by leaf title, each with a reason. */
export async function scoreAsExpert(page: Page, expertId: string, evaluationId: string, off: Record<string, number>) {
  const assignment = await prisma.reviewAssignment.findFirstOrThrow({
    where: { subjectType: "GrantEvaluation", subjectId: evaluationId, reviewerId: expertId },
    select: { id: true },
  });
  await page.context().clearCookies();
  await loginAs(page, expertId);
  await page.goto(`/reviewer/reviews/${assignment.id}`);
  const form = page.getByRole("form", { name: "逐项评分" });
  const scores: [string, number][] = [
    ["服务人次完成率", 20],
    ["活动按计划开展", 20],
    ["项目团队到位", 10],
    ["物资使用与管理", 10],
    ["预算执行偏差", 15],
    ["项目资金专款专用", 5],
    ["服务对象满意度与项目成效", 20],
  ];
  for (const [title, full] of scores) {
    const points = full - (off[title] ?? 0);
    // Leaves with fixed choices (tiers, yes/no) are a select, the others a number.
    const input = form.getByLabel(new RegExp(`${title} 专家评分`));
    if ((await input.evaluate((el) => el.tagName)) === "SELECT") await input.selectOption(String(points));
    else await input.fill(String(points));
    if (points < full) await form.getByLabel(new RegExp(`${title} 扣分原因`)).fill("佐证材料不足，按实际完成情况扣分");
  }
  await form.getByLabel("评估意见").fill("查阅中期报告与服务台账，电话回访 5 位老人。");
  return { form, assignmentId: assignment.id };
}

/** Staff publish a scored result; once the publicity period is over (moved into the past) it is final without a click. */
export async function publishAndFinalize(page: Page, adminId: string, projectId: string, testId: string) {
  await page.context().clearCookies();
  await loginAs(page, adminId);
  await page.goto(`/admin/projects/${projectId}/evaluations`);
  const card = page.getByTestId(testId);
  await card.getByRole("button", { name: "公示评估结果" }).click();
  await expect(card).toContainText("公示中");
  // The publicity period ends (the call's days are rule data; here it is moved to yesterday).
  await prisma.grantEvaluation.updateMany({
    where: { projectId, status: "PUBLICITY" },
    data: { publicityStartsAt: addDays(new Date(), -8), publicityEndsAt: addDays(new Date(), -1) },
  });
  await page.reload();
  await expect(card).toContainText("结果已确定");
  return card;
}

/**
 * A project of projectInMidterm further on: the mid-term passed and its tranche was paid, and the
 * experts scored the final evaluation `score` (`grade`). With `publicityEnded`, the result was also
 * published and its period is over, so the first read of a project page makes it final.
 */
export async function finalScored(projectId: string, score: number, grade: string, publicityEnded = false) {
  await prisma.grantEvaluation.updateMany({
    where: { projectId, kind: "MIDTERM" },
    data: { status: "FINAL", score: 85, grade: "良好", finalAt: addDays(new Date(), -60) },
  });
  await prisma.grantTranche.updateMany({
    where: { projectId, position: 2 },
    data: { status: "PAID", gateMetAt: addDays(new Date(), -60), paidAt: addDays(new Date(), -50) },
  });
  await prisma.grantEvaluation.updateMany({
    where: { projectId, kind: "FINAL" },
    data: {
      status: publicityEnded ? "PUBLICITY" : "SCORED",
      dueAt: addDays(new Date(), -5),
      submittedAt: addDays(new Date(), -10),
      expertTotal: score,
      score,
      grade,
      ...(publicityEnded
        ? { publicityStartsAt: addDays(new Date(), -8), publicityEndsAt: addDays(new Date(), -1) }
        : {}),
    },
  });
}

/**
 * An extension of the project's term to `endsOn`, written with the funding module's own steps
 * (started and issued by staff, signed by the organization): it waits for the bureau's countersignature.
 */
export async function extensionAwaitingCountersign(
  projectId: string,
  admin: { id: string },
  member: { id: string; name: string },
  endsOn: Date,
) {
  // The extension re-computes the report schedule, which numbers PROGRESS reports from 1: the mid-term
  // report projectInMidterm wrote by hand moves to a number outside it, as a report filed apart would have.
  await prisma.grantProgressReport.updateMany({
    where: { projectId, kind: { not: "PROGRESS" } },
    data: { sequence: 99 },
  });
  const check = (result: { ok: boolean }, step: string) => {
    if (!result.ok) throw new Error(`${step} failed: ${JSON.stringify(result)}`);
  };
  check(
    await startAmendment({
      projectId,
      actor: admin,
      kind: "EXTENSION",
      reason: "受场地改造影响，服务延后三个月完成",
      endsOn: toDateInput(endsOn),
    }),
    "startAmendment",
  );
  check(await issueAgreement({ projectId, actor: admin }), "issueAgreement");
  const issued = await prisma.grantAgreement.findFirstOrThrow({
    where: { projectId, status: "AWAITING_ORG" },
    select: { textHash: true },
  });
  check(
    await signAsOrganization({
      projectId,
      signer: { id: member.id, name: member.name },
      signerName: member.name,
      textHash: issued.textHash!,
    }),
    "signAsOrganization",
  );
}
