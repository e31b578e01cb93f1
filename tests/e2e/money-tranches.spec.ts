// Money (#13 items 4-5): after countersigning, staff record the first payment; the second
// tranche cannot be released before its gate (the page says why, a forged POST is refused);
// the call's ledger and the organization's tab show the payment.
import ExcelJS from "exceljs";
import { meetTrancheGates } from "~/modules/funding/tranches.server";
import { toDateInput } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { createConfirmedCall, createProjectInCall, markSigned } from "../support/funding-fixtures";
import { expectNoSeriousA11yIssues } from "./axe";

async function countersignedProject(staffId: string) {
  const member = await createUser({ role: "ORG_MEMBER" });
  const call = await createConfirmedCall({ createdById: staffId, poolFen: 50_000_000 });
  const project = await createProjectInCall({
    callId: call.id,
    organizationId: member.organizationId!,
    userId: member.id,
    staffId,
    awardFen: 8_000_001,
  });
  // What countersigning does for the money: the project is signed and the signing gate is met.
  const signedAt = new Date(Date.now() - 2 * 86_400_000);
  await markSigned(project.id, signedAt);
  await prisma.$transaction((tx) =>
    meetTrancheGates(tx, {
      projectId: project.id,
      trigger: "SIGNING",
      at: signedAt,
      actor: { id: staffId, role: "ADMIN" },
      reason: "双方签订协议",
    }),
  );
  const tranches = await prisma.grantTranche.findMany({
    where: { projectId: project.id },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  return { member, call, projectId: project.id, tranches: tranches.map((t) => t.id) };
}

test("staff record the first payment after countersigning; the second tranche is refused before its gate", async ({
  page,
  login,
}) => {
  const staff = await login({ role: "ADMIN" });
  const { member, call, projectId, tranches } = await countersignedProject(staff.id);
  const voucher = `PZ${Date.now()}`;

  await page.goto(`/admin/projects/${projectId}/tranches`);
  await expect(page.getByRole("heading", { name: "拨付", exact: true })).toBeVisible();
  const table = page.getByRole("table", { name: "拨付计划与拨付记录" });
  await expect(table.locator('[data-tranche="1"]')).toContainText("¥40,000.00");
  await expect(table.locator('[data-tranche="1"]')).toContainText("待拨付");
  await expect(table.locator('[data-tranche="3"]')).toContainText("¥16,000.01");
  await expect(page.getByTestId("tranche-2-problem")).toHaveText(
    "暂不能登记拨付：拨付条件「中期评估合格后」尚未达成，不能拨付",
  );
  await expect(page.getByRole("region", { name: /第 2 笔/ }).getByRole("button", { name: "登记拨付" })).toHaveCount(0);
  await expectNoSeriousA11yIssues(page);

  const first = page.getByRole("region", { name: /第 1 笔/ });
  await expect(first.getByLabel("拨付日期")).toHaveValue(toDateInput(new Date()));
  await first.getByLabel("凭证号").fill(voucher);
  await first.getByLabel("收款账户").fill("中国银行南京东山支行 6217 8800 0000 1234");
  await first.getByRole("button", { name: "登记拨付" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认登记拨付" }).click();
  await expect(page.getByText("拨付已登记，已通知申报机构。")).toBeVisible();
  await expect(table.locator('[data-tranche="1"]')).toContainText("已拨付");
  await expect(table.locator('[data-tranche="1"]')).toContainText(`凭证号 ${voucher}`);
  await expectNoSeriousA11yIssues(page);

  // A hand-made POST for the second tranche gets the gate's refusal, and nothing moves.
  const forged = await page.request.post(`/admin/projects/${projectId}/tranches`, {
    form: {
      intent: "pay",
      trancheId: tranches[1]!,
      paidOn: toDateInput(new Date()),
      voucherNo: `${voucher}-2`,
      receivingAccount: "中国银行南京东山支行 6217 8800 0000 1234",
      confirmed: "pay",
    },
  });
  expect(forged.status()).toBe(409);
  expect(await forged.text()).toContain("拨付条件「中期评估合格后」尚未达成，不能拨付");
  const second = await prisma.grantTranche.findUniqueOrThrow({ where: { id: tranches[1]! }, select: { status: true } });
  expect(second.status).toBe("PLANNED");

  // The call's ledger counts the payment, and the register lists it.
  await page.goto(`/admin/grants/${call.id}`);
  const ledger = page.getByTestId("call-ledger");
  await expect(ledger.locator('[data-line="pool"]')).toContainText("¥500,000.00");
  await expect(ledger.locator('[data-line="awarded"]')).toContainText("¥80,000.01");
  await expect(ledger.locator('[data-line="paid"]')).toContainText("¥40,000.00");
  await expect(ledger.locator('[data-line="available"]')).toContainText("¥419,999.99");
  await expect(page.getByRole("img", { name: /资金台账/ })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出拨付登记簿（Excel）" }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const register = workbook.getWorksheet("拨付登记")!;
  expect(register.rowCount).toBe(4);
  expect(register.getRow(2).getCell(15).value).toBe(voucher);

  await page.getByRole("link", { name: /立项项目（1 个）/ }).click();
  await expect(page.getByRole("heading", { name: "立项项目", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "立项项目" })).toContainText("执行中");
  await expectNoSeriousA11yIssues(page);

  // The organization reads the same tranches, without staff's forms.
  await page.context().clearCookies();
  await loginAs(page, member.id);
  await page.goto(`/org/projects/${projectId}/tranches`);
  await expect(page.getByRole("table", { name: "拨付计划与拨付记录" }).locator('[data-tranche="1"]')).toContainText(
    "已拨付",
  );
  await expect(page.getByRole("button", { name: "登记拨付" })).toHaveCount(0);
  await expectNoSeriousA11yIssues(page);
});
