// #13 item 2: staff confirm the shortlist, issue the agreement, the organization signs
// it online and the bureau countersigns; the project is in delivery, the first tranche
// payable, and both sides read the printable agreement with both signatures and the hash.
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";
import { createReviewRound } from "./review-helpers";

const DAY = 86_400_000;

test("staff confirm the list, the organization signs, staff countersign", async ({ page }) => {
  const admin = await createUser({ role: "ADMIN", name: "签约管理员" });
  const round = await createReviewRound({ adminId: admin.id, applications: 1, reviewers: 1 });
  const [app] = round.applications;
  const callId = round.call.id;
  await prisma.grantCall.update({
    where: { id: callId },
    data: {
      reviewStage: "PUBLICIZED",
      publicityStartsAt: new Date(Date.now() - 8 * DAY),
      publicityEndsAt: new Date(Date.now() - DAY),
    },
  });
  await prisma.grantApplication.update({ where: { id: app!.id }, data: { status: "SHORTLISTED" } });
  await prisma.grantAward.create({
    data: {
      callId,
      applicationId: app!.id,
      rank: 1,
      finalScore: 90,
      reviewCount: 1,
      recommended: true,
      recommendedFen: 6_000_000,
      selected: true,
      amountFen: 6_000_000,
    },
  });

  // Staff confirm the list (the existing flow) and open the project from it.
  await loginAs(page, admin.id);
  await page.goto(`/admin/grants/${callId}/publicity`);
  await page.getByRole("button", { name: "确认立项名单" }).click();
  await expect(page.getByRole("status").filter({ hasText: "立项名单已确认：1 个项目立项" })).toBeVisible();
  await page.getByRole("link", { name: new RegExp(`项目主页.*${app!.title}`) }).click();
  await expect(page.getByRole("heading", { name: app!.title })).toBeVisible();
  await expect(page.getByTestId("project-status")).toHaveText("待签约");
  await expect(page.getByRole("main")).toContainText("¥60,000.00");
  await expectNoSeriousA11yIssues(page);

  // The agreement tab: edit a variable part, read the merged text, issue it.
  await page.getByRole("navigation", { name: "项目栏目" }).getByRole("link", { name: "协议" }).click();
  await expect(page.getByRole("heading", { name: /第 1 版草稿/ })).toBeVisible();
  await expect(page.getByTestId("agreement-preview")).toContainText("人民币（大写）陆万元整");
  await expectNoSeriousA11yIssues(page);
  await page.getByLabel("其他约定").fill("乙方应在项目点醒目位置公示资助信息。");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status").filter({ hasText: "协议草稿已保存" })).toBeVisible();
  await expect(page.getByTestId("agreement-preview")).toContainText("乙方应在项目点醒目位置公示资助信息。");
  await page.getByRole("button", { name: "出具协议" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认出具协议" }).click();
  await expect(page.getByRole("status").filter({ hasText: "协议已出具" })).toBeVisible();
  await expect(page.getByTestId("open-agreement-status")).toHaveText("待机构签署");

  const project = await prisma.grantProject.findUniqueOrThrow({
    where: { applicationId: app!.id },
    select: { id: true, agreements: { select: { textHash: true } } },
  });
  const hash = project.agreements[0]!.textHash!;

  // The organization signs: the typed name must be the account's, the declaration ticked.
  const owner = app!.owner;
  await page.context().clearCookies();
  await loginAs(page, owner.id);
  await page.goto(`/org/grants/${app!.id}`);
  await page.getByRole("link", { name: "立项项目主页" }).click();
  await page.getByRole("navigation", { name: "项目栏目" }).getByRole("link", { name: "协议" }).click();
  await expect(page.getByTestId("agreement-text")).toContainText("乙方应在项目点醒目位置公示资助信息。");
  await expectNoSeriousA11yIssues(page);
  await page.getByLabel("签署人姓名").fill("别人的名字");
  await page.getByRole("button", { name: "签署协议" }).click();
  await expect(page.getByText("请勾选声明后再签署")).toBeVisible();
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "签署协议" }).click();
  await expect(page.getByText(`请输入当前登录账号的姓名（${owner.name}）`)).toBeVisible();
  await expect(page.getByLabel("签署人姓名")).toHaveValue("别人的名字");
  await page.getByLabel("签署人姓名").fill(owner.name);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "签署协议" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已签署协议，等待区民政局会签" })).toBeVisible();
  await expect(page.getByTestId("open-agreement-status")).toHaveText("待民政局会签");

  // Staff countersign.
  await page.context().clearCookies();
  await loginAs(page, admin.id);
  await page.goto(`/admin/projects/${project.id}/agreement`);
  await expect(page.getByRole("main")).toContainText(owner.email);
  await page.getByLabel("签署人姓名").fill(admin.name);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "会签协议" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已会签，协议生效" })).toBeVisible();
  await expect(page.getByTestId("project-status")).toHaveText("执行中");
  await expect(page.getByTestId("agreement-v1")).toContainText("已生效");
  await expectNoSeriousA11yIssues(page);

  // The printable agreement: both signature blocks and the hash.
  await page.getByRole("link", { name: /第 1 版/ }).click();
  await expect(page.getByTestId("agreement-hash")).toHaveText(hash);
  await expect(page.getByTestId("org-signature")).toContainText(owner.name);
  await expect(page.getByTestId("org-signature")).toContainText(owner.email);
  await expect(page.getByTestId("bureau-signature")).toContainText(admin.name);
  await expect(page.getByRole("button", { name: "打印协议" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  // What signing did: delivery, the application in progress, the signing tranche payable.
  const after = await prisma.grantProject.findUniqueOrThrow({
    where: { id: project.id },
    select: {
      status: true,
      signedAt: true,
      application: { select: { status: true } },
      tranches: { orderBy: { position: "asc" }, select: { trigger: true, status: true } },
    },
  });
  expect(after.status).toBe("IN_DELIVERY");
  expect(after.signedAt).not.toBeNull();
  expect(after.application.status).toBe("IN_PROGRESS");
  for (const t of after.tranches) expect(t.status).toBe(t.trigger === "SIGNING" ? "PAYABLE" : "PLANNED");

  // The organization reads the same document.
  await page.context().clearCookies();
  await loginAs(page, owner.id);
  await page.goto(`/org/projects/${project.id}/agreement/1`);
  await expect(page.getByTestId("agreement-hash")).toHaveText(hash);
  await expect(page.getByTestId("bureau-signature")).toContainText(admin.name);
  await expectNoSeriousA11yIssues(page);
});
