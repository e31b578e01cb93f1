// 待办 on the home pages (#16): counts read from the database, each line linking to its list.
import { prisma } from "~/utils/db.server";
import { loginAs, test, expect } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";

test("staff see registrations to decide with a count and a link to the list", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  const queue = page.getByTestId("work-queue");
  await expect(async () => {
    const count = await prisma.registrationApplication.count({ where: { status: { in: ["SUBMITTED", "ACCEPTED"] } } });
    await page.goto("/admin");
    await expect(queue.getByTestId("queue-line").filter({ hasText: "登记/备案申请待决定" })).toContainText(
      `${count} 项`,
    );
  }).toPass();
  await expectNoSeriousA11yIssues(page);
  await queue.getByRole("link", { name: "登记/备案申请待决定" }).click();
  await expect(page).toHaveURL(/\/admin\/registrations\?status=SUBMITTED/);
});

test("the demo expert sees the open review tasks with the soonest due date", async ({ page }) => {
  const expert = await prisma.user.findUniqueOrThrow({ where: { email: "expert@yimiao.demo" }, select: { id: true } });
  await loginAs(page, expert.id);
  await expect(async () => {
    const open = await prisma.reviewAssignment.count({
      where: { reviewerId: expert.id, status: { in: ["ASSIGNED", "DRAFTED"] } },
    });
    await page.goto("/reviewer");
    const line = page.getByTestId("queue-line").filter({ hasText: "评审任务待完成" });
    if (open === 0) await expect(page.getByTestId("work-queue")).toContainText("暂无待完成的评审任务");
    else await expect(line).toContainText(`${open} 项`);
  }).toPass();
  await expectNoSeriousA11yIssues(page);
});

test("an organization sees its annual report due, linking to the report", async ({ page, login }) => {
  const member = await login({ role: "ORG_MEMBER" });
  const year = 2090 + Math.floor(Math.random() * 8);
  const deadline = new Date(Date.now() + 20 * 86_400_000);
  const round = await prisma.inspectionRound.upsert({
    where: { year },
    create: { year, deadline, foundationDeadline: deadline },
    update: {},
    select: { id: true },
  });
  const report = await prisma.inspectionReport.create({
    data: { roundId: round.id, organizationId: member.organizationId!, year, status: "PENDING" },
    select: { id: true },
  });
  await page.goto("/org");
  const line = page.getByTestId("queue-line").filter({ hasText: "年度工作报告待提交" });
  await expect(line).toContainText("1 项");
  await expectNoSeriousA11yIssues(page);
  await line.getByRole("link", { name: `${year}年度工作报告` }).click();
  await expect(page).toHaveURL(new RegExp(`/org/inspection/${report.id}$`));
});
