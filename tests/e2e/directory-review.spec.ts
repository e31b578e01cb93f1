import { expect, loginAs, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";
import { freshEditionYear, makeEligible } from "./directory-helpers";

test.describe.configure({ mode: "serial" });

test("staff open an edition; one organization sees the condition it fails, another applies, is returned and passed", async ({
  page,
  login,
}) => {
  const year = await freshEditionYear("review");
  // An organization without last year's annual report: told before it applies.
  const failing = await login({ role: "ORG_MEMBER" });
  await makeEligible(failing.organizationId!, { street: "东山街道", staff: 1 });

  await login({ role: "ADMIN" });
  await page.goto("/admin/directory");
  await expect(page.getByRole("heading", { level: 1, name: "政府购买服务推荐性目录" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  const create = page.getByRole("region", { name: "新建年度目录（草稿）" });
  await create.getByLabel("目录年度").fill(String(year));
  await create.getByLabel("目录名称").fill(`${year}年度政府购买服务推荐性目录`);
  await create.getByLabel("服务领域").fill("为老、助残、社区治理");
  await create.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${year}年度政府购买服务推荐性目录` })).toBeVisible();
  await expect(page.getByTestId("edition-status")).toHaveText("草稿");
  await expectNoSeriousA11yIssues(page);
  await page.getByRole("button", { name: "开放申报" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认开放申报" }).click();
  await expect(page.getByTestId("edition-status")).toHaveText("申报中");
  const editionUrl = page.url().split("?")[0]!;

  // The failing organization: 1 full-time staff where 2 are needed.
  await loginAs(page, failing.id);
  await page.goto("/org/directory");
  await expect(page.getByRole("heading", { level: 1, name: "政府购买服务推荐性目录" })).toBeVisible();
  await expect(page.getByTestId("condition-staff")).toContainText("✗ 不满足");
  await expect(page.getByTestId("condition-staff")).toContainText("专职工作人员 1 人");
  await expect(page.getByRole("button", { name: "提交申报" })).toHaveCount(0);
  await expectNoSeriousA11yIssues(page);

  // An eligible organization applies.
  const orgName = `测试目录申报中心${year}${Date.now() % 100000}`;
  const applicant = await login({ role: "ORG_MEMBER", organizationName: orgName });
  await makeEligible(applicant.organizationId!, { street: "秣陵街道", staff: 3 });
  await page.goto("/org/directory");
  await expect(page.getByTestId("condition-staff")).toContainText("✓ 满足");
  await page.getByLabel("为老").check();
  await page.getByLabel("服务能力说明").fill("本中心有专职社工 3 名，连续五年为辖区独居老人提供助餐和探访服务。");
  await page.getByRole("button", { name: "提交申报" }).click();
  await expect(page.getByText("申报已提交，请等待区民政局审核。")).toBeVisible();

  // Staff return it for correction: the reason is required at the field.
  await login({ role: "ADMIN" });
  await page.goto(`${editionUrl}?status=SUBMITTED`);
  const card = page.getByRole("article", { name: orgName });
  await expect(card.getByTestId("condition-annualReport")).toContainText("✓ 满足");
  await expect(card.getByTestId("condition-grade")).toContainText("尚未评估");
  await expectNoSeriousA11yIssues(page);
  await card.getByLabel("审核结果", { exact: true }).selectOption("RETURNED");
  await card.getByRole("button", { name: "提交审核结果", exact: true }).click();
  await expect(card.getByText("请写明需要补正的内容")).toBeVisible();
  await card.getByLabel(/审核意见/).fill("请补充服务场地和服务对象人数");
  await card.getByRole("button", { name: "提交审核结果", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认提交审核结果" }).click();
  await expect(page.getByText("已退回补正，机构已收到通知。")).toBeVisible();

  // The organization corrects and resubmits; staff pass it.
  await loginAs(page, applicant.id);
  await page.goto("/org/directory");
  await expect(page.getByText("补正要求：请补充服务场地和服务对象人数")).toBeVisible();
  await page.getByLabel("服务能力说明").fill("本中心有专职社工 3 名、服务场地 200 平方米，每年服务独居老人约 150 人。");
  await page.getByRole("button", { name: "提交申报" }).click();
  await expect(page.getByText("申报已提交，请等待区民政局审核。")).toBeVisible();

  await login({ role: "ADMIN" });
  await page.goto(`${editionUrl}?status=SUBMITTED`);
  const again = page.getByRole("article", { name: orgName });
  await again.getByLabel("审核结果", { exact: true }).selectOption("PASSED");
  await again.getByRole("button", { name: "提交审核结果", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认提交审核结果" }).click();
  await expect(page.getByText("已审核通过，列入拟列入名单。")).toBeVisible();
  await page.goto(`${editionUrl}?status=PASSED`);
  await expect(page.getByRole("article", { name: orgName }).getByTestId("entry-status")).toHaveText("拟列入");
});
