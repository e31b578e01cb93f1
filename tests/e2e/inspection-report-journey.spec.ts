import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";

// A year no seed data or other spec uses.
const YEAR = 2095;

test("an organization files its annual report, fixes a finance mismatch, gets 基本合格 and files its rectification", async ({
  page,
  login,
}) => {
  const member = await login({ role: "ORG_MEMBER", organizationName: `年检测试社会工作服务中心${Date.now()}` });
  const orgId = member.organizationId!;
  const org = await prisma.organization.update({
    where: { id: orgId },
    data: { status: "REGISTERED", registeredAt: new Date("2015-03-01T00:00:00+08:00") },
    select: { name: true },
  });
  // upsert: a retry finds the first attempt's round.
  const round = await prisma.inspectionRound.upsert({
    where: { year: YEAR },
    create: {
      year: YEAR,
      deadline: new Date(Date.now() + 30 * 86_400_000),
      foundationDeadline: new Date(Date.now() + 10 * 86_400_000),
    },
    update: {},
    select: { id: true },
  });
  const report = await prisma.inspectionReport.create({
    data: { roundId: round.id, organizationId: orgId, year: YEAR, status: "PENDING" },
    select: { id: true },
  });

  // The organization opens its report from the 年检 page.
  await page.goto("/org/inspection");
  await page
    .getByRole("row", { name: new RegExp(`${YEAR}年度`) })
    .getByRole("link", { name: "填报" })
    .click();
  await expect(page.getByRole("heading", { name: `${YEAR}年度工作报告` })).toBeVisible();

  await page.getByLabel("年度业务活动情况").fill("开展社区为老服务 36 场，服务 820 人次。");
  await page.getByLabel("是否按照章程规定的宗旨和业务范围开展活动").selectOption("是");
  await page.getByLabel("负责人、理事（会员）等人员变动情况").fill("无");
  await page.getByLabel("内设机构、分支（代表）机构变动情况").fill("无");
  await page.getByLabel("会员数（个人和单位会员合计）").fill("0");
  await page.getByLabel("专职工作人员数").fill("6");
  await page.getByLabel("党组织建立情况").selectOption("未建立党组织，已选派党建工作指导员");
  await page.getByLabel("党员人数").fill("2");

  // A draft keeps what was typed so far.
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("草稿已保存。")).toBeVisible();
  await expect(page.getByLabel("专职工作人员数")).toHaveValue("6");
  await expect(page.getByRole("complementary", { name: "填报进度" })).toContainText("0/15");

  const money: Record<string, string> = {
    捐赠收入: "1000",
    会费收入: "0",
    提供服务收入: "500",
    政府补助收入: "0",
    投资收益: "0",
    其他收入: "0",
    业务活动成本: "1200",
    管理费用: "200",
    筹资费用: "0",
    其他费用: "0",
    资产合计: "5100",
    负债合计: "1000",
    净资产合计: "4000",
  };
  for (const [label, value] of Object.entries(money)) await page.getByLabel(label, { exact: true }).fill(value);
  // 收入合计 and 费用合计 are computed from the lines, never typed (#19 item 10).
  await expect(page.getByTestId("total-incomeTotal")).toHaveText("¥1,500.00");
  await expect(page.getByTestId("total-expenseTotal")).toHaveText("¥1,400.00");

  await page.getByRole("button", { name: "提交年度报告" }).click();
  const assetsTotal = page.getByLabel("资产合计", { exact: true });
  await expect(assetsTotal).toHaveAttribute("aria-invalid", "true");
  await expect(assetsTotal).toHaveAccessibleDescription("资产合计 ¥5,100.00 不等于负债合计与净资产合计之和 ¥5,000.00");
  // Only the wrong line is flagged.
  await expect(page.getByLabel("负债合计", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("净资产合计", { exact: true })).not.toHaveAttribute("aria-invalid", "true");

  await assetsTotal.fill("5000");
  await expect(page.getByText("不等于负债合计与净资产合计之和")).toHaveCount(0);
  await page.getByRole("button", { name: "提交年度报告" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认提交年度报告" }).click();
  await expect(page.getByText("年度报告已提交，请等待登记管理机关审查。")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`${YEAR}年度`) })).toContainText("已提交");

  // Staff conclude 基本合格, with a reason.
  const admin = await createUser({ role: "ADMIN" });
  await loginAs(page, admin.id);
  await page.goto(`/admin/inspection/${YEAR}`);
  await page.getByRole("link", { name: org.name }).click();
  await expect(page.getByRole("heading", { name: `${org.name} · ${YEAR}年度报告` })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("¥1,500.00");
  await page.getByLabel("年检结论").selectOption({ label: "基本合格" });
  await page.getByRole("button", { name: "确认结论" }).click();
  await expect(page.getByText("结论为「基本合格」时必须填写理由和整改要求")).toBeVisible();
  await page.getByLabel("理由和整改要求").fill("财务制度不健全，请建立支出审批制度。");
  await page.getByRole("button", { name: "确认结论" }).click();
  await expect(page.getByText("已作出年检结论，并通知了该组织。")).toBeVisible();

  // The organization files its rectification report.
  await loginAs(page, member.id);
  await page.goto("/org/inspection");
  await expect(page.getByRole("row", { name: new RegExp(`${YEAR}年度`) })).toContainText("基本合格");
  await page.getByRole("link", { name: "提交整改报告" }).click();
  await expect(page.getByRole("heading", { name: `${YEAR}年度年检整改` })).toBeVisible();
  await expect(page.getByText("财务制度不健全，请建立支出审批制度。")).toBeVisible();
  await page.getByLabel("整改报告", { exact: true }).fill("已制定《财务支出审批制度》，经理事会审议通过并执行。");
  await page.getByRole("button", { name: "提交整改报告" }).click();
  await expect(page.getByText("整改报告已提交，请等待登记管理机关审核。")).toBeVisible();

  // Staff accept it.
  await loginAs(page, admin.id);
  await page.goto("/admin/inspection/rectifications");
  const item = page.getByRole("listitem").filter({ hasText: org.name });
  await expect(item).toContainText("已制定《财务支出审批制度》");
  await item.getByRole("button", { name: "整改通过" }).click();
  await expect(page.getByText("整改已通过，已通知该组织。")).toBeVisible();
  const rectification = await prisma.rectification.findFirstOrThrow({
    where: { reportId: report.id },
    select: { status: true },
  });
  expect(rectification.status).toBe("ACCEPTED");

  // The public announcement shows the conclusion.
  await page.goto(`/inspection/${YEAR}`);
  await expect(page.getByRole("heading", { name: `${YEAR}年度社会组织年检结果公告` })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(org.name) })).toContainText("基本合格");
});
