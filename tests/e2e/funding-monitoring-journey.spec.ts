// #13 item 8: staff plan a monitoring visit and record its findings and requested actions
// with a reply due date; the organization replies on its 督导 tab; staff find the reply
// in the cross-project list and close the visit. The project is arranged in the database.
import { toDateInput } from "~/utils/dates";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";
import { createProjectInDelivery } from "./funding-delivery-helpers";

test("a monitoring visit is planned, recorded, answered and closed", async ({ page }) => {
  const admin = await createUser({ role: "ADMIN" });
  const member = await createUser({ role: "ORG_MEMBER" });
  const project = await createProjectInDelivery({
    adminId: admin.id,
    organizationId: member.organizationId!,
    userId: member.id,
  });
  const today = toDateInput(new Date());

  // Staff plan a visit for today from the project's 督导 tab.
  await loginAs(page, admin.id);
  await page.goto(`/admin/projects/${project.id}`);
  await page.getByRole("link", { name: "督导", exact: true }).click();
  await expect(page.getByRole("heading", { name: "安排督导走访" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  const plan = page.getByRole("form", { name: "安排督导走访" });
  await plan.getByLabel("计划走访日期").fill(today);
  await plan.getByLabel("督导重点").fill("助餐点食品安全台账与服务对象签到记录");
  await plan.getByRole("button", { name: "安排督导" }).click();
  const card = page.locator("[data-testid^='visit-card-']").filter({ hasText: "督导走访（计划）" });
  await expect(card.getByTestId("visit-status")).toHaveText("已安排");
  await expect(card).toContainText("助餐点食品安全台账与服务对象签到记录");

  // Recording it: the reply due date must come after the visit; what was typed stays.
  const record = card.getByRole("form", { name: "记录督导结果" });
  await expect(record.getByLabel("走访日期")).toHaveValue(today);
  await record.getByLabel("督导发现").fill("食品留样记录缺少 11 月 3 日至 5 日三天，签到表个别老人无签名。");
  await record.getByLabel("整改要求").fill("补齐留样记录并说明原因；签到表由服务对象本人或家属签字。");
  await record.getByLabel("回复期限").fill(today);
  await record.getByRole("button", { name: "记录督导结果" }).click();
  await expect(record.getByText("回复期限须晚于走访日期")).toBeVisible();
  await expect(record.getByLabel("督导发现")).toHaveValue(
    "食品留样记录缺少 11 月 3 日至 5 日三天，签到表个别老人无签名。",
  );
  const due = toDateInput(new Date(Date.now() + 14 * 86_400_000));
  await record.getByLabel("回复期限").fill(due);
  await record.getByRole("button", { name: "记录督导结果" }).click();
  const recorded = page.locator("[data-testid^='visit-card-']").filter({ hasText: "督导发现" });
  await expect(recorded.getByTestId("visit-status")).toHaveText("待机构回复");
  await expectNoSeriousA11yIssues(page);

  // The organization reads the findings on its 督导 tab and replies.
  await page.context().clearCookies();
  await loginAs(page, member.id);
  await page.goto(`/org/projects/${project.id}`);
  await page.getByRole("link", { name: "督导", exact: true }).click();
  const orgCard = page.locator("[data-testid^='visit-card-']").first();
  await expect(orgCard).toContainText("补齐留样记录并说明原因");
  await expect(orgCard.getByTestId("visit-status")).toHaveText("待机构回复");
  await expectNoSeriousA11yIssues(page);
  await orgCard.getByLabel("回复督导意见").fill("已补");
  await orgCard.getByRole("button", { name: "提交回复" }).click();
  await expect(orgCard.getByText("回复内容至少 10 个字")).toBeVisible();
  await orgCard
    .getByLabel("回复督导意见")
    .fill("留样记录已补齐（当日负责人休假未交接），签到表已由本人或家属补签，并增加每日复核。");
  await orgCard.getByRole("button", { name: "提交回复" }).click();
  await expect(orgCard.getByTestId("visit-status")).toHaveText("机构已回复");
  await expect(orgCard.getByTestId("visit-reply")).toContainText("签到表已由本人或家属补签");

  // Staff find the reply in the cross-project list and close the visit.
  await page.context().clearCookies();
  await loginAs(page, admin.id);
  await page.goto("/admin/projects/visits?status=REPLIED");
  await expect(page.getByRole("heading", { name: "项目督导" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await page.getByRole("link", { name: new RegExp(project.title) }).click();
  const replied = page.locator("[data-testid^='visit-card-']").filter({ hasText: "机构回复" });
  await expect(replied.getByTestId("visit-reply")).toContainText("增加每日复核");
  await replied.getByRole("button", { name: "关闭督导" }).click();
  await expect(replied.getByTestId("visit-status")).toHaveText("已关闭");
  await expectNoSeriousA11yIssues(page);
});
