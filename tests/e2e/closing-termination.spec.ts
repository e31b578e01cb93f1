// #14 items 6-8 in the browser: staff terminate a project with a clawback (refused above what was
// paid), record part of it received; the organization sees its ban with the end date and is refused
// at its next application with the reason. Then a project with a final grade closes once its
// leftover funds are returned, and the 结项证书 prints. Fixtures are built in the database.
import type { Page } from "@playwright/test";
import { addDays, toDateInput } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { createRunningProject } from "../support/funded-project";
import { expectNoSeriousA11yIssues } from "./axe";
import { createCall, registerOrganization } from "./grants-apply-helpers";

async function arrange(paidTranches: number) {
  const admin = await createUser({ role: "ADMIN" });
  const member = await createUser({ role: "ORG_MEMBER" });
  await registerOrganization(member.organizationId!);
  const project = await createRunningProject({
    organizationId: member.organizationId!,
    userId: member.id,
    adminId: admin.id,
    paidTranches,
  });
  return { admin, member, project };
}

async function confirmIn(page: Page, label: string) {
  await page
    .getByRole("dialog")
    .getByRole("button", { name: `确认${label}` })
    .click();
}

test("a termination claws money back, and the banned organization is refused at its next application", async ({
  page,
}) => {
  const { admin, member, project } = await arrange(1); // ¥30,000.00 of ¥60,000.00 paid
  await loginAs(page, admin.id);
  await page.goto(`/admin/projects/${project.projectId}/closing`);
  await expect(page.getByRole("heading", { level: 1, name: project.title })).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  const terminate = page.getByRole("form", { name: "终止项目" });
  await terminate.getByLabel("终止原因").fill("挪用项目资金用于机构日常开支");
  await terminate.getByLabel("追回金额（元）").fill("50000");
  await terminate.getByLabel("退回期限").fill(toDateInput(addDays(new Date(), 30)));
  await terminate.getByRole("button", { name: "终止项目" }).click();
  await confirmIn(page, "终止项目");
  await expect(terminate.getByText("追回金额不能超过已拨付的 ¥30,000.00")).toBeVisible();
  await expect(terminate.getByLabel("终止原因")).toHaveValue("挪用项目资金用于机构日常开支");

  await terminate.getByLabel("追回金额（元）").fill("20000");
  await terminate.getByRole("button", { name: "终止项目" }).click();
  await confirmIn(page, "终止项目");
  await expect(page.getByText("项目已终止，已通知该机构。")).toBeVisible();
  await expect(page.getByTestId("project-status")).toHaveText("已终止");
  const clawback = page.getByTestId("refund-CLAWBACK");
  await expect(clawback.getByTestId("refund-outstanding")).toHaveText("¥20,000.00");

  const receipt = page.getByRole("form", { name: "登记收款：终止追回" });
  await receipt.getByLabel("收款金额（元）").fill("5000");
  await receipt.getByLabel("收款日期").fill(toDateInput(new Date()));
  await receipt.getByLabel("收款凭证号").fill("HK-2026-001");
  await receipt.getByRole("button", { name: "登记收款" }).click();
  await expect(page.getByText("已登记收款。")).toBeVisible();
  await expect(clawback.getByTestId("refund-outstanding")).toHaveText("¥15,000.00");
  await expect(clawback).toContainText("HK-2026-001");
  await expectNoSeriousA11yIssues(page);

  const ban = await prisma.grantBan.findFirstOrThrow({
    where: { organizationId: member.organizationId! },
    select: { endsAt: true },
  });
  await page.context().clearCookies();
  await loginAs(page, member.id);
  await page.goto(`/org/projects/${project.projectId}/closing`);
  await expect(page.getByTestId("ban-notice")).toContainText(`${formatDate(ban.endsAt)}前不得申报公益创投项目`);
  await expect(page.getByTestId("refund-CLAWBACK").getByTestId("refund-outstanding")).toHaveText("¥15,000.00");
  await expectNoSeriousA11yIssues(page);

  // The organization's home shows the ban and its end date too (#14 item 7).
  await page.goto("/org");
  await expect(page.getByTestId("ban-notice")).toContainText(`${formatDate(ban.endsAt)}前不得申报公益创投项目`);
  await expectNoSeriousA11yIssues(page);

  const call = await createCall({ createdById: admin.id });
  await page.goto("/org/grants");
  const card = page.getByRole("article", { name: call.title });
  await expect(card.getByTestId("eligibility")).toContainText("本机构暂不符合申报条件");
  await expect(card.getByTestId("eligibility")).toContainText(
    `项目被终止，${formatDate(ban.endsAt)}前不得申报公益创投项目`,
  );
  await expect(card.getByRole("button", { name: "开始申报" })).toHaveCount(0);
  await expectNoSeriousA11yIssues(page);
  const response = await page.request.post("/org/grants", { form: { callId: call.id } });
  expect(response.status()).toBe(403);
});

test("a project with a final grade closes once its leftover funds are back, with its certificate", async ({ page }) => {
  const { admin, member, project } = await arrange(3); // all ¥60,000.00 paid
  const line = await prisma.grantProjectBudgetLine.findFirstOrThrow({
    where: { projectId: project.projectId },
    select: { id: true },
  });
  await prisma.grantExpense.create({
    data: {
      projectId: project.projectId,
      budgetLineId: line.id,
      spentOn: addDays(new Date(), -20),
      amountFen: 5_950_000,
      description: "助餐补贴",
    },
  });
  await prisma.grantProgressReport.create({
    data: {
      projectId: project.projectId,
      sequence: 99,
      kind: "FINAL",
      periodStart: addDays(new Date(), -300),
      periodEnd: addDays(new Date(), -5),
      dueAt: addDays(new Date(), 10),
      status: "ACCEPTED",
      submittedAt: addDays(new Date(), -3),
    },
  });
  await prisma.grantEvaluation.create({
    data: {
      projectId: project.projectId,
      kind: "FINAL",
      dueAt: addDays(new Date(), -30),
      score: 85,
      grade: "良好",
      publicityStartsAt: addDays(new Date(), -15),
      publicityEndsAt: addDays(new Date(), -8),
      finalAt: addDays(new Date(), -8),
    },
  });
  await prisma.grantProject.update({ where: { id: project.projectId }, data: { finalGrade: "良好" } });

  await loginAs(page, admin.id);
  await page.goto(`/admin/projects/${project.projectId}/closing`);
  await expect(page.getByRole("heading", { level: 1, name: project.title })).toBeVisible();
  await expect(page.getByTestId("check-grade")).toContainText("良好");
  await expect(page.getByTestId("check-leftover")).toContainText("结余 ¥500.00，尚未退回或说明");
  await expect(page.getByRole("button", { name: "确认结项" })).toBeDisabled();
  await expectNoSeriousA11yIssues(page);

  const leftover = page.getByRole("form", { name: "结余资金" });
  await expect(leftover.getByLabel("应退回金额（元）")).toHaveValue("500");
  await leftover.getByLabel("退回期限").fill(toDateInput(addDays(new Date(), 10)));
  await leftover.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存结余资金的处理。")).toBeVisible();

  const receipt = page.getByRole("form", { name: "登记收款：结余退回" });
  await receipt.getByLabel("收款金额（元）").fill("500");
  await receipt.getByLabel("收款日期").fill(toDateInput(new Date()));
  await receipt.getByLabel("收款凭证号").fill("JY-0001");
  await receipt.getByRole("button", { name: "登记收款" }).click();
  await expect(page.getByText("已登记收款，该笔款项已全部结清。")).toBeVisible();
  await expect(page.getByTestId("check-leftover")).toContainText("结余 ¥500.00 已退回");

  const close = page.getByRole("form", { name: "结项" });
  await close
    .getByLabel("结项总结（向社会公开）")
    .fill("项目为竹山社区 150 名老人提供助餐 6,200 人次，探访 800 次，达成全部指标。");
  await close.getByRole("button", { name: "确认结项" }).click();
  await confirmIn(page, "结项");
  await expect(page.getByText("项目已结项，记录已冻结。")).toBeVisible();
  await expect(page.getByTestId("project-status")).toHaveText("已结项");
  expect(
    (
      await prisma.grantApplication.findUniqueOrThrow({
        where: { id: project.applicationId },
        select: { status: true },
      })
    ).status,
  ).toBe("COMPLETED");

  await page.getByRole("link", { name: "查看并打印结项证书" }).click();
  await expect(page.getByRole("heading", { name: "公益创投项目结项证书" })).toBeVisible();
  await expect(page.getByTestId("completion-certificate-grade")).toHaveText("良好");
  await expectNoSeriousA11yIssues(page);

  await page.context().clearCookies();
  await loginAs(page, member.id);
  await page.goto(`/org/projects/${project.projectId}/certificate`);
  await expect(page.getByRole("heading", { name: "公益创投项目结项证书" })).toBeVisible();
  await expect(page.getByTestId("completion-certificate-number")).toContainText("JX-GY");
});
