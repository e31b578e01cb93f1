import { prisma } from "~/utils/db.server";
import { createUser, expect, test } from "../playwright-utils";
import { createCall, registerOrganization } from "./grants-apply-helpers";
import { pdf } from "./registration-helpers";

test("an organization drafts an application, comes back to it, fixes an over-cap budget and submits", async ({
  page,
  login,
}) => {
  const member = await login({ role: "ORG_MEMBER" });
  await registerOrganization(member.organizationId!);
  const admin = await createUser({ role: "ADMIN" });
  const call = await createCall({ createdById: admin.id });

  await page.goto(`/org/grants?call=${call.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "公益创投" })).toBeVisible();
  const card = page.getByRole("article", { name: call.title });
  await expect(card).toHaveAttribute("data-highlighted", "true");
  await expect(card.getByTestId("eligibility")).toContainText("本机构符合申报条件");
  await card.getByRole("button", { name: "开始申报" }).click();
  await expect(page).toHaveURL(/\/org\/grants\/[^/?]+$/);
  await expect(page.getByRole("button", { name: "保存草稿" })).toBeVisible();

  await page.getByLabel("项目名称").fill("银龄暖心助餐计划");
  await page.getByLabel("项目类别").selectOption("为老");
  await page.getByLabel("项目开始日期").fill("2027-01-01");
  await page.getByLabel("项目结束日期").fill("2027-12-31");
  await page.getByRole("textbox", { name: "服务区域", exact: true }).fill("江宁区东山街道");
  await page.getByRole("textbox", { name: "服务社区", exact: true }).fill("竹山社区、上坊社区");
  await page.getByRole("textbox", { name: "受益对象", exact: true }).fill("辖区独居和空巢老人");
  await page.getByRole("textbox", { name: "受益人数", exact: true }).fill("150");
  await page
    .getByRole("textbox", { name: "需求分析", exact: true })
    .fill("辖区 60 岁以上老人占比 24%，独居老人就餐困难。");
  await page.getByRole("textbox", { name: "项目目标", exact: true }).fill("为 150 名老人提供助餐和每周探访。");
  await page.getByLabel("里程碑1名称").fill("项目启动与需求评估");
  await page.getByLabel("里程碑1日期").fill("2027-01-15");
  await page.getByRole("button", { name: "添加里程碑" }).click();
  await page.getByLabel("里程碑2名称").fill("中期总结");
  await page.getByLabel("里程碑2日期").fill("2027-06-30");
  await page.getByLabel("指标1名称").fill("助餐服务人次");
  await page.getByLabel("指标1目标值").fill("6000 人次");
  await page.getByLabel("成员1姓名").fill("王芳");
  await page.getByLabel("成员1岗位").fill("项目主管");
  await page.getByLabel("成员1是否持证社工").selectOption("yes");
  await page.getByLabel("成员1证书等级").selectOption("SOCIAL_WORKER");
  await page.getByLabel("预算1科目").selectOption("ACTIVITY");
  await page.getByLabel("预算1用途说明").fill("助餐补贴");
  await page.getByLabel("预算1申请资助（元）").fill("120000");
  await page.getByLabel("预算1自有资金（元）").fill("30000");
  await page.getByLabel("预算1配套资金（元）").fill("0");
  // The totals are computed from the lines as they are typed (#19 item 10).
  await expect(page.getByTestId("total-requestedTotal")).toHaveText("¥120,000.00");
  await expect(page.getByTestId("total-ownTotal")).toHaveText("¥30,000.00");
  // The rule is shown at the field while typing, before any submission.
  await expect(page.getByTestId("live-requestedTotal")).toHaveText(
    "申请资助金额 ¥120,000.00 超过单个项目上限 ¥100,000.00",
  );
  await page.getByLabel("项目计划书").setInputFiles(pdf("项目计划书.pdf"));
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status")).toContainText("草稿已保存");

  // Leave, then come back through the list.
  const nav = page.getByRole("navigation", { name: "社会组织工作台导航" });
  await nav.getByRole("link", { name: "年检", exact: true }).click();
  await expect(page).toHaveURL(/\/org\/inspection$/);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("银龄暖心助餐计划");
  await nav.getByRole("link", { name: "公益创投", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "公益创投" })).toBeVisible();
  const mine = page.getByRole("table", { name: "本机构的申报" });
  await expect(mine.getByRole("row", { name: /银龄暖心助餐计划/ })).toContainText("草稿");
  await mine.getByRole("link", { name: "银龄暖心助餐计划" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "银龄暖心助餐计划" })).toBeVisible();
  await expect(page.getByLabel("里程碑2名称")).toHaveValue("中期总结");
  await expect(page.getByLabel("预算1申请资助（元）")).toHaveValue("120000");
  await expect(page.getByLabel("成员1证书等级")).toHaveValue("SOCIAL_WORKER");
  await expect(page.getByText("已上传：")).toContainText("项目计划书.pdf");
  // The budget holds a break of the call's rules, so its section is not done (#19 item 10).
  await expect(page.getByTestId("progress-count")).toHaveText("9");

  // Submitting is refused at the field; nothing typed is lost.
  await page.getByRole("button", { name: "提交申报" }).click();
  const error = page.locator(`[id$="requestedTotal-error"]`);
  await expect(error).toHaveText("申请资助金额 ¥120,000.00 超过单个项目上限 ¥100,000.00");
  await expect(page.getByRole("textbox", { name: "需求分析", exact: true })).toHaveValue(
    "辖区 60 岁以上老人占比 24%，独居老人就餐困难。",
  );

  await page.getByLabel("预算1申请资助（元）").fill("90000");
  await expect(error).toHaveCount(0);
  await page.getByRole("button", { name: "提交申报" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认提交申报" }).click();
  await expect(page.getByRole("status")).toContainText("申报已提交");
  await expect(page.getByTestId("grant-status")).toHaveText("已提交");
  // Locked: the read-only view, no form.
  await expect(page.getByRole("button", { name: "保存草稿" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "预算" })).toContainText("¥90,000.00");

  const stored = await prisma.grantApplication.findFirstOrThrow({
    where: { callId: call.id, organizationId: member.organizationId! },
    select: {
      status: true,
      requestedFen: true,
      autoChecks: true,
      _count: { select: { milestones: true, budgetLines: true } },
    },
  });
  expect(stored).toMatchObject({
    status: "SUBMITTED",
    requestedFen: 9_000_000,
    _count: { milestones: 2, budgetLines: 1 },
  });
  expect(JSON.parse(stored.autoChecks!).passed).toBe(true);
});
