import type { Page } from "@playwright/test";
import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function fillReport(page: Page) {
  await page.getByLabel("年度业务活动情况").fill("资助助学项目 6 个。");
  await page.getByLabel("是否按照章程规定的宗旨和业务范围开展活动").selectOption("是");
  await page.getByLabel("负责人、理事（会员）等人员变动情况").fill("无");
  await page.getByLabel("内设机构、分支（代表）机构变动情况").fill("无");
  await page.getByLabel("会员数（个人和单位会员合计）").fill("0");
  await page.getByLabel("专职工作人员数").fill("3");
  await page.getByLabel("党组织建立情况").selectOption("未建立党组织");
  await page.getByLabel("党员人数").fill("0");
  // 收入合计 and 费用合计 are computed from the lines (#19 item 10).
  for (const label of ["捐赠收入", "会费收入", "提供服务收入", "政府补助收入", "投资收益", "其他收入"]) {
    await page.getByLabel(label, { exact: true }).fill(label === "捐赠收入" ? "20000" : "0");
  }
  for (const label of ["业务活动成本", "管理费用", "筹资费用", "其他费用"]) {
    await page.getByLabel(label, { exact: true }).fill(label === "业务活动成本" ? "15000" : "0");
  }
  await page.getByLabel("资产合计", { exact: true }).fill("300000");
  await page.getByLabel("负债合计", { exact: true }).fill("0");
  await page.getByLabel("净资产合计", { exact: true }).fill("300000");
}

async function setUp(
  login: (i: { role: "ORG_MEMBER"; organizationName: string }) => Promise<{ organizationId: string | null }>,
  year: number,
  type: string,
  deadline: Date,
) {
  const member = await login({ role: "ORG_MEMBER", organizationName: `年检测试${type}${year}-${Date.now()}` });
  const orgId = member.organizationId!;
  await prisma.organization.update({
    where: { id: orgId },
    data: { type, status: "REGISTERED", registeredAt: new Date("2016-05-01T00:00:00+08:00") },
  });
  // upsert: a retry finds the first attempt's round.
  const round = await prisma.inspectionRound.upsert({
    where: { year },
    create: { year, deadline, foundationDeadline: deadline },
    update: {},
    select: { id: true },
  });
  return prisma.inspectionReport.create({
    data: { roundId: round.id, organizationId: orgId, year, status: "PENDING" },
    select: { id: true },
  });
}

test("a foundation must upload its audit report before submitting", async ({ page, login }) => {
  const report = await setUp(login, 2098, "FOUNDATION", new Date(Date.now() + 20 * 86_400_000));
  await page.goto(`/org/inspection/${report.id}`);
  await expect(page.getByRole("heading", { name: "2098年度工作报告" })).toBeVisible();
  await fillReport(page);
  await page.getByRole("button", { name: "提交年度报告" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认提交年度报告" }).click();
  await expect(page.getByText("基金会须上传审计报告")).toBeVisible();

  await page
    .getByLabel("年度审计报告（基金会必须上传）")
    .setInputFiles({ name: "2098年度审计报告.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "提交年度报告" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认提交年度报告" }).click();
  await expect(page.getByText("年度报告已提交，请等待登记管理机关审查。")).toBeVisible();
  const files = await prisma.attachment.findMany({
    where: { subjectType: "InspectionReport", subjectId: report.id },
    select: { originalName: true },
  });
  expect(files).toEqual([{ originalName: "2098年度审计报告.pdf" }]);
});

test("after the deadline submission is refused with a clear message", async ({ page, login }) => {
  const report = await setUp(login, 2099, "SOCIAL_SERVICE", new Date(Date.now() - 86_400_000));
  await page.goto("/org/inspection");
  await expect(page.getByRole("row", { name: /2099年度/ })).toContainText("（已过期）");
  await page.goto(`/org/inspection/${report.id}`);
  await fillReport(page);
  await page.getByRole("button", { name: "提交年度报告" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认提交年度报告" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "2099年度报告的提交截止日期" })).toContainText(
    "已过，不能再提交。请联系登记管理机关。",
  );
  const after = await prisma.inspectionReport.findUniqueOrThrow({ where: { id: report.id }, select: { status: true } });
  expect(after.status).toBe("PENDING");
});
