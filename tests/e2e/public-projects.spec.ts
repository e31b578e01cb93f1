// #13 item 11, #14 items 9-10 in the browser: an anonymous visitor finds a funded project from
// /projects, reads its money, KPIs against targets, published grades and closing summary, and
// the organization's public page lists its funded projects with the final grade, and a ban in
// force. The facts are arranged in the database (tests/support); nothing depends on the seed.
import { shanghaiParts } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { createUser, expect, test } from "../playwright-utils";
import { createRunningProject } from "../support/funded-project";
import {
  acceptReport,
  closeProject,
  finalEvaluation,
  receivedRefund,
  terminateWithBan,
} from "../support/public-record-fixtures";
import { expectNoSeriousA11yIssues } from "./axe";
import { registerOrganization } from "./grants-apply-helpers";

async function fundedOrg() {
  const admin = await createUser({ role: "ADMIN" });
  const member = await createUser({ role: "ORG_MEMBER" });
  await registerOrganization(member.organizationId!);
  const org = await prisma.organization.findUniqueOrThrow({
    where: { id: member.organizationId! },
    select: { id: true, name: true },
  });
  return { admin, member, org };
}

test("a visitor finds a funded project and reads its money, KPIs, grades and closing summary", async ({ page }) => {
  const { admin, member, org } = await fundedOrg();
  const project = await createRunningProject({
    organizationId: member.organizationId!,
    userId: member.id,
    adminId: admin.id,
    paidTranches: 2, // ¥30,000.00 + ¥18,000.00 of ¥60,000.00
  });
  await acceptReport(project.projectId, { actual: 3000, peopleServed: 40, daysAgo: 150 });
  await acceptReport(project.projectId, { actual: 4500, peopleServed: 35, daysAgo: 60 });
  await finalEvaluation(project.projectId, "MIDTERM", "合格", 72);
  await finalEvaluation(project.projectId, "FINAL", "良好", 84);
  await receivedRefund(project.projectId, "LEFTOVER", 120_000);
  await closeProject(project.projectId, "项目为 150 位老人提供助餐服务，建立了社区志愿者队伍。");

  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "资助项目" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "公益创投资助项目" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  const filters = page.getByRole("search", { name: "筛选资助项目" });
  await filters
    .getByLabel("创投活动")
    .selectOption({ label: `${shanghaiParts(new Date()).year - 1} 年度 · ${project.callTitle}` });
  await filters.getByLabel("项目阶段").selectOption({ label: "已结项" });
  await filters.getByRole("button", { name: "筛选" }).click();
  const row = page.getByRole("row").filter({ hasText: project.title });
  await expect(row).toContainText(org.name);
  await expect(row).toContainText("¥60,000.00");
  await expect(row).toContainText("¥48,000.00");
  await expect(row).toContainText("良好");
  await expect(page.getByText("共 1 条")).toBeVisible();

  await row.getByRole("link", { name: project.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: project.title })).toBeVisible();
  await expect(page.getByTestId("money-awarded")).toHaveText("¥60,000.00");
  await expect(page.getByTestId("money-paid")).toHaveText("¥48,000.00");
  await expect(page.getByTestId("money-returned")).toHaveText("¥1,200.00");
  await expect(page.getByTestId("project-status")).toHaveText("已结项");
  const kpi = page.getByTestId("kpi-助餐人次");
  await expect(kpi).toContainText("6000 人次");
  await expect(kpi).toContainText("4,500");
  await expect(kpi).toContainText("75%");
  await expect(page.getByTestId("people-served")).toHaveText("75");
  await expect(page.getByTestId("grade-MIDTERM")).toHaveText("合格");
  await expect(page.getByTestId("grade-FINAL")).toHaveText("良好");
  await expect(page.getByTestId("closing-summary")).toHaveText("项目为 150 位老人提供助餐服务，建立了社区志愿者队伍。");
  await expect(page.getByRole("main")).not.toContainText(member.name);
  await expectNoSeriousA11yIssues(page);

  await page.getByRole("main").getByRole("link", { name: org.name }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: org.name })).toBeVisible();
  const record = page.getByRole("region", { name: "公益创投资助项目" });
  await expect(record.getByRole("row").filter({ hasText: project.title })).toContainText("良好");
  await expect(record.getByRole("row").filter({ hasText: project.title })).toContainText("¥60,000.00");
  await expect(page.getByTestId("org-grant-ban")).toHaveCount(0);
  await expectNoSeriousA11yIssues(page);
});

test("the organization's public page shows a ban in force with its end date", async ({ page }) => {
  const { admin, member, org } = await fundedOrg();
  const project = await createRunningProject({
    organizationId: member.organizationId!,
    userId: member.id,
    adminId: admin.id,
  });
  const { endsAt } = await terminateWithBan(project.projectId, org.id);

  await page.goto(`/projects/${project.projectId}`);
  await expect(page.getByTestId("project-status")).toHaveText("已终止");
  await page.getByRole("main").getByRole("link", { name: org.name }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: org.name })).toBeVisible();
  await expect(page.getByTestId("org-grant-ban")).toHaveText(
    `该机构因项目被终止，${formatDate(endsAt)}前不得申报公益创投项目。`,
  );
  const record = page.getByRole("region", { name: "公益创投资助项目" });
  await expect(record.getByRole("row").filter({ hasText: project.title })).toContainText("已终止");
  await expectNoSeriousA11yIssues(page);
});
