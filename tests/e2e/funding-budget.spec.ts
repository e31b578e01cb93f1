// #13 item 7 in the browser: the organization records an expense with its voucher (a refused
// file keeps what was typed); a 12% budget change needs approval and a reason, staff approve it
// and the revised column changes. Each journey starts from a project made in the database.
import { toDateInput } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { expect, loginAs, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";
import { projectInDelivery } from "./funding-budget-helpers";
import { pdf } from "./registration-helpers";

test("the organization records an expense with its voucher; a refused file keeps what was typed", async ({ page }) => {
  const { member, project, lines } = await projectInDelivery();
  await loginAs(page, member.id);
  await page.goto(`/org/projects/${project.id}`);
  await page.getByRole("navigation", { name: "项目栏目" }).getByRole("link", { name: "预算执行" }).click();
  await expect(page.getByRole("heading", { name: "预算执行情况" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  const form = page.locator("#new-expense-heading").locator("..");
  await form.getByLabel("预算科目").selectOption({ label: "活动费（社区助餐活动）" });
  await form.getByLabel("支出日期").fill(toDateInput(new Date()));
  await form.getByLabel("支出金额（元）").fill("1200.50");
  await form.getByLabel("用途说明").fill("第一季度助餐食材采购");
  await form.getByLabel("支出凭证").setInputFiles({
    name: "发票.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("not a voucher"),
  });
  await form.getByRole("button", { name: "登记支出" }).click();
  await expect(page.getByText(/不支持文件「发票\.txt」的类型.*该文件未保存/)).toBeVisible();
  await expect(form.getByLabel("用途说明")).toHaveValue("第一季度助餐食材采购");
  await expect(form.getByLabel("支出金额（元）")).toHaveValue("1200.50");
  expect(await prisma.grantExpense.count({ where: { projectId: project.id } })).toBe(0);

  await form.getByLabel("支出凭证").setInputFiles(pdf("发票.pdf"));
  await form.getByRole("button", { name: "登记支出" }).click();
  await expect(page.getByText("支出已登记。")).toBeVisible();
  const expenses = page.getByRole("table", { name: "支出记录" });
  await expect(expenses).toContainText("第一季度助餐食材采购");
  await expect(expenses.getByRole("link", { name: "发票.pdf" })).toBeVisible();
  const activity = page.getByTestId(`budget-line-${lines[0]!.id}`);
  await expect(activity).toContainText("¥1,200.50");
  await expect(activity).toContainText("2%");
  await expectNoSeriousA11yIssues(page);

  // The voucher opens for the organization's member; anyone signed out is sent to log in.
  const href = await expenses.getByRole("link", { name: "发票.pdf" }).getAttribute("href");
  expect((await page.request.get(href!)).status()).toBe(200);
  const anonymous = await page.context().browser()!.newContext();
  const stranger = await anonymous.request.get(new URL(href!, page.url()).toString(), { maxRedirects: 0 });
  expect(stranger.headers()["location"] ?? "").toContain("/login");
  await anonymous.close();

  // Voiding takes a reason; the actual goes back to nothing.
  await expenses.getByText("作废", { exact: true }).click();
  await expenses.getByRole("button", { name: "确认作废" }).click();
  await expect(expenses.getByText("请填写作废理由")).toBeVisible();
  await expenses.getByLabel("作废理由").fill("金额录入错误");
  await expenses.getByRole("button", { name: "确认作废" }).click();
  await expect(page.getByText("支出记录已作废。")).toBeVisible();
  await expect(expenses).toContainText("作废理由：金额录入错误");
  await expect(activity).toContainText("0%");
});

test("a 12% budget change needs approval and a reason; staff approve it and the revised budget changes", async ({
  page,
}) => {
  const { member, staff, project, lines } = await projectInDelivery();
  await loginAs(page, member.id);
  await page.goto(`/org/projects/${project.id}/budget`);
  await expect(page.getByRole("heading", { name: "提出预算调整" })).toBeVisible();

  // ¥3,600 from 活动费 (6%) to 专业社工服务费 (12% of ¥30,000).
  await page.getByLabel("活动费（社区助餐活动）调整后金额（元）").fill("56400");
  await page.getByLabel("专业社工服务费（驻点社工）调整后金额（元）").fill("33600");
  await expect(page.getByTestId("change-band")).toContainText("最大调整幅度 12%：须审批并说明理由");
  await expectNoSeriousA11yIssues(page);
  await page.getByRole("button", { name: "提交预算调整" }).click();
  await expect(page.getByText("单个科目调整幅度超过 10%，须说明调整理由")).toBeVisible();
  await page.getByLabel("调整理由").fill("新增一名驻点社工，活动场地由街道免费提供");
  await page.getByRole("button", { name: "提交预算调整" }).click();
  await expect(page.getByText("预算调整已提交，等待民政局审批。")).toBeVisible();
  await expect(page.getByRole("region", { name: "预算调整" })).toContainText("待审批");
  const social = page.getByTestId(`budget-line-${lines[1]!.id}`);
  await expect(social).toContainText("¥30,000.00");
  await expect(social).not.toContainText("¥33,600.00");

  await page.context().clearCookies();
  await loginAs(page, staff.id);
  await page.goto(`/admin/projects/${project.id}/budget`);
  await expect(page.getByText("有 1 项预算调整等待审批。")).toBeVisible();
  const change = page.getByRole("region", { name: "预算调整" });
  await expect(change).toContainText("专业社工服务费（驻点社工）：¥30,000.00 → ¥33,600.00");
  await expect(change).toContainText("新增一名驻点社工");
  await expectNoSeriousA11yIssues(page);
  await change.getByLabel("批准（调整后金额写入预算）").check();
  await change.getByRole("button", { name: "提交审批" }).click();
  await expect(page.getByText("已批准预算调整，调整后金额已写入预算，已告知该社会组织。")).toBeVisible();
  const staffSocial = page.getByTestId(`budget-line-${lines[1]!.id}`);
  await expect(staffSocial).toContainText("¥30,000.00"); // planned stays
  await expect(staffSocial).toContainText("¥33,600.00"); // revised
  await expect(page.getByTestId(`budget-line-${lines[0]!.id}`)).toContainText("¥56,400.00");
  await expect(change).toContainText("已批准");
  await expectNoSeriousA11yIssues(page);

  const notice = await prisma.notification.findFirst({
    where: { userId: member.id, title: { contains: "预算调整已批准" } },
    select: { id: true },
  });
  expect(notice).not.toBeNull();
});
