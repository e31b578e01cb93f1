import { addMonths, addWorkingDays, parseDateInput, toDateInput } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { createUser, expect, loginAs, test } from "../playwright-utils";

const PLAN = "入驻后在社区开展独居老人探访和助餐服务，建立二十人的志愿者队伍，完善理事会和财务制度。";

test("an organization applies, is admitted, gets seed funding and graduates, and the public sees it", async ({
  page,
  login,
  browser,
}) => {
  const member = await login({ role: "ORG_MEMBER" });
  const orgId = member.organizationId!;
  const org = await prisma.organization.update({
    where: { id: orgId },
    data: { status: "REGISTERED", registeredAt: new Date("2025-03-01T00:00:00+08:00") },
    select: { name: true },
  });

  // ── The organization applies ──────────────────────────────────────────
  await page.goto("/org");
  await page.getByRole("navigation", { name: "社会组织工作台导航" }).getByRole("link", { name: "孵化基地" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "孵化基地" })).toBeVisible();
  await expect(page.getByTestId("eligibility")).toContainText("本机构符合申请入驻条件");

  await page.getByRole("button", { name: "提交入驻申请" }).click();
  await expect(page.getByText("请填写入驻计划")).toBeVisible();
  await expect(page.getByText("请至少选择一项需要的支持")).toBeVisible();

  await page.getByLabel("入驻计划").fill(PLAN);
  await page.getByLabel("办公场地").check();
  await page.getByLabel("种子资金").check();
  await page.getByRole("button", { name: "提交入驻申请" }).click();
  await expect(page.getByRole("status")).toContainText("入驻申请已提交");

  const application = await prisma.incubationApplication.findFirstOrThrow({
    where: { organizationId: orgId },
    select: { appliedAt: true, firstCheckDueAt: true, needs: true },
  });
  expect(application.needs).toBe('["SPACE","SEED_FUNDING"]');
  const dueText = formatDate(addWorkingDays(application.appliedAt, 5));
  const history = page.getByRole("region", { name: "入驻记录" });
  await expect(history).toContainText("已申请");
  await expect(history).toContainText(`初审截止${dueText}`);
  // One application at a time: the form is gone and the reason is given.
  await expect(page.getByRole("button", { name: "提交入驻申请" })).toHaveCount(0);
  await expect(page.getByTestId("eligibility")).toContainText("已有一份入驻申请正在办理中");

  // ── Staff handle it in their own browser ──────────────────────────────
  const admin = await createUser({ role: "ADMIN" });
  const staffContext = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const staff = await staffContext.newPage();
  await loginAs(staff, admin.id);
  await staff.goto("/admin");
  await staff.getByRole("navigation", { name: "民政局管理后台导航" }).getByRole("link", { name: "孵化基地" }).click();
  await expect(staff.getByRole("heading", { level: 1, name: "孵化基地" })).toBeVisible();
  const row = staff.getByRole("row").filter({ hasText: org.name });
  await expect(row).toContainText(dueText);
  await expect(row).not.toContainText("已超期");
  await row.getByRole("link", { name: org.name }).click();
  await expect(staff.getByRole("heading", { level: 1, name: org.name })).toBeVisible();
  const status = staff.getByTestId("incubation-status");
  await expect(status).toHaveText("已申请");

  // 初审: rejecting needs a reason; then pass.
  await staff.getByRole("button", { name: "初审不通过" }).click();
  await expect(staff.getByText("初审不通过须填写理由")).toBeVisible();
  await staff.getByLabel("初审意见").fill("材料齐全，符合入驻条件");
  await staff.getByRole("button", { name: "初审通过" }).click();
  await expect(status).toHaveText("初审通过");

  // 评审
  await staff.getByLabel("评审意见").fill("服务对象明确，同意入驻");
  await staff.getByRole("button", { name: "评审通过" }).click();
  await expect(status).toHaveText("评审通过（待签协议）");

  // 入驻协议 with dates: a one-year term starting today.
  const start = toDateInput(new Date());
  const end = toDateInput(addMonths(parseDateInput(start)!, 12));
  await staff.getByLabel("协议编号").fill("JNFH-E2E-001");
  await staff.getByLabel("孵化开始日期").fill(start);
  await staff.getByLabel("孵化结束日期").fill(end);
  await staff.getByRole("button", { name: "签订入驻协议" }).click();
  await expect(status).toHaveText("在孵");
  const progress = staff.getByRole("region", { name: "办理进度" });
  await expect(progress).toContainText("JNFH-E2E-001");
  await expect(progress).toContainText(`${formatDate(parseDateInput(start))} 至 ${formatDate(parseDateInput(end))}`);

  // A service: seed funding of ¥5,000.00.
  await staff.getByLabel("服务类型").selectOption({ label: "种子资金" });
  await staff.getByLabel("服务内容").fill("首期种子资金，用于独居老人探访项目");
  await staff.getByLabel("种子资金金额（元）").fill("5,000.00");
  await staff.getByRole("button", { name: "记录服务" }).click();
  await expect(staff.getByRole("status")).toHaveText("服务已记录。");
  const services = staff.getByRole("region", { name: "已提供的服务" });
  await expect(services.getByRole("row").filter({ hasText: "首期种子资金，用于独居老人探访项目" })).toContainText(
    "¥5,000.00",
  );
  await expect(staff.getByTestId("seed-funding-total")).toHaveText("¥5,000.00");

  // 期满评审: 出壳 needs a reason.
  await staff.getByRole("radio", { name: /^出壳/ }).check();
  await staff.getByRole("button", { name: "提交期满评审" }).click();
  await expect(staff.getByText("请填写评审意见")).toBeVisible();
  await staff.getByLabel("评审意见").fill("治理结构健全，已能独立运营，同意出壳");
  await staff.getByRole("button", { name: "提交期满评审" }).click();
  await expect(status).toHaveText("已出壳");
  await expect(progress).toContainText("出壳");
  await expect(staff.getByRole("region", { name: "操作记录" })).toContainText("治理结构健全，已能独立运营，同意出壳");
  await staffContext.close();

  // ── The organization sees the outcome ─────────────────────────────────
  await page.goto("/org/incubation");
  await expect(page.getByRole("heading", { level: 1, name: "孵化基地" })).toBeVisible();
  await expect(history).toContainText("已出壳");
  await expect(history).toContainText("治理结构健全，已能独立运营，同意出壳");
  await expect(history).toContainText("种子资金合计 ¥5,000.00");
  // Having graduated, it may apply again (nothing open any more).
  await expect(page.getByTestId("eligibility")).toContainText("本机构符合申请入驻条件");

  // ── The public incubation page lists it under graduated ────────────────
  await page.getByRole("banner").getByRole("link", { name: "孵化基地" }).click();
  await expect(page).toHaveURL(/\/incubation$/);
  await expect(page.getByRole("heading", { level: 1, name: "孵化基地" })).toBeVisible();
  const graduated = page.getByRole("region", { name: "已出壳机构" });
  await expect(graduated.getByRole("link", { name: org.name })).toHaveAttribute("href", `/orgs/${orgId}`);
  await expect(graduated.getByRole("listitem").filter({ hasText: org.name })).toContainText(
    `${formatDate(parseDateInput(start))} 入驻`,
  );
  await expect(page.getByRole("region", { name: "在孵机构" }).getByRole("link", { name: org.name })).toHaveCount(0);
});
