// A project ended by a final 不合格 (decision 026: no clawback is created by itself) can still have
// its paid money clawed back by staff from its 结项 tab: refused above what was paid, then asked for,
// and the organization sees what it owes, why and by when, and each receipt staff record.
// The project, its passed mid-term and the failed final result are built in the database.
import { addDays, toDateInput } from "~/utils/dates";
import { formatDate } from "~/utils/format";
import { expect, loginAs, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";
import { finalScored, projectInMidterm } from "./evaluation-helpers";

test("staff claw money back from a project a final 不合格 ended, and the organization sees what it owes", async ({
  page,
}) => {
  const { admin, member, project } = await projectInMidterm();
  await finalScored(project.projectId, 52, "不合格", true); // ¥48,000.00 of ¥60,000.00 paid

  await loginAs(page, admin.id);
  await page.goto(`/admin/projects/${project.projectId}/closing`);
  await expect(page.getByRole("heading", { level: 1, name: project.title })).toBeVisible();
  await expect(page.getByTestId("project-status")).toHaveText("已终止");
  await expect(page.getByRole("main")).toContainText("终期评估不合格");

  const clawback = page.getByRole("form", { name: "追回已拨付资金" });
  await expect(clawback).toContainText("不超过已拨付的 ¥48,000.00");
  const due = addDays(new Date(), 30);
  await clawback.getByLabel("追回原因").fill("终期评估核实部分服务未开展，按未完成比例追回");
  await clawback.getByLabel("追回金额（元）").fill("50000");
  await clawback.getByLabel("退回期限").fill(toDateInput(due));
  await clawback.getByRole("button", { name: "追回资金" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认追回资金" }).click();
  await expect(clawback.getByText("追回金额不能超过已拨付的 ¥48,000.00")).toBeVisible();
  await expect(clawback.getByLabel("追回原因")).toHaveValue("终期评估核实部分服务未开展，按未完成比例追回");
  await expectNoSeriousA11yIssues(page);

  await clawback.getByLabel("追回金额（元）").fill("12345.5");
  await clawback.getByRole("button", { name: "追回资金" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认追回资金" }).click();
  await expect(page.getByText("已要求该机构退回已拨付资金，已通知该机构。")).toBeVisible();
  const owed = page.getByTestId("refund-CLAWBACK");
  await expect(owed).toContainText("终期评估核实部分服务未开展，按未完成比例追回");
  await expect(owed.getByTestId("refund-outstanding")).toHaveText("¥12,345.50");
  await expect(owed).toContainText(formatDate(due));
  await expect(clawback).toContainText("不超过尚可追回的 ¥35,654.50（已拨付 ¥48,000.00）");

  // The repayment arrives in part; staff record it as for any refund.
  const receipt = page.getByRole("form", { name: "登记收款：终止追回" });
  await receipt.getByLabel("收款金额（元）").fill("2345.50");
  await receipt.getByLabel("收款日期").fill(toDateInput(new Date()));
  await receipt.getByLabel("收款凭证号").fill("ZH-2026-017");
  await receipt.getByRole("button", { name: "登记收款" }).click();
  await expect(page.getByText("已登记收款。")).toBeVisible();
  await expect(owed.getByTestId("refund-outstanding")).toHaveText("¥10,000.00");
  await expectNoSeriousA11yIssues(page);

  await page.context().clearCookies();
  await loginAs(page, member.id);
  await page.goto("/notifications");
  await expect(page.getByRole("main")).toContainText(`请退回「${project.title}」已拨付资金 ¥12,345.50`);
  await page.goto(`/org/projects/${project.projectId}/closing`);
  await expect(page.getByRole("main")).toContainText("请按期退回下列款项");
  const mine = page.getByTestId("refund-CLAWBACK");
  await expect(mine).toContainText("终期评估核实部分服务未开展，按未完成比例追回");
  await expect(mine).toContainText("¥12,345.50");
  await expect(mine.getByTestId("refund-outstanding")).toHaveText("¥10,000.00");
  await expect(mine).toContainText(formatDate(due));
  await expect(mine).toContainText("ZH-2026-017");
  await expect(page.getByRole("form", { name: "追回已拨付资金" })).toHaveCount(0);
});
