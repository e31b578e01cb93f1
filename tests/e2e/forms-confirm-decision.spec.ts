// Issue #19 item 9: an irreversible decision asks first, says what will happen
// and gives the focus to the safe choice; as a dialog with JavaScript, as a
// second page without it.
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";

async function acceptedApplication() {
  const member = await createUser({ role: "ORG_MEMBER" });
  const name = `江宁区确认测试社会工作服务中心${member.id.slice(-6)}`;
  const data = {
    orgType: "SOCIAL_SERVICE",
    proposedName: name,
    address: "南京市江宁区东山街道竹山路100号",
    area: "南京市江宁区",
    areaCode: "320115",
    purpose: "为社区居民提供专业社会工作服务。",
    scope: "个案服务；志愿者培训。",
    category: "公益慈善类",
    legalRepresentative: "陈晓",
    persons: [{ name: "陈晓", title: "主任", phone: "13800000003" }],
    capitalFen: 3_000_000,
  };
  const now = new Date();
  const application = await prisma.registrationApplication.create({
    data: {
      organizationId: member.organizationId!,
      kind: "REGISTRATION",
      orgType: "SOCIAL_SERVICE",
      proposedName: name,
      status: "ACCEPTED",
      data: JSON.stringify(data),
      submissions: 1,
      firstSubmittedAt: now,
      submittedAt: now,
      dueAt: new Date(now.getTime() + 30 * 86_400_000),
      createdById: member.id,
    },
    select: { id: true },
  });
  return { id: application.id, name };
}

const WHAT_HAPPENS = "将赋予统一社会信用代码，并将申请中的登记事项载入该组织的登记信息，不可撤回。";

test("准予登记 asks in a dialog with the focus on 取消; cancelling changes nothing", async ({ page, login }) => {
  const application = await acceptedApplication();
  await login({ role: "ADMIN" });
  await page.goto(`/admin/registrations/${application.id}`);
  await expect(page.getByRole("heading", { level: 1, name: application.name })).toBeVisible();

  await page.getByRole("button", { name: "准予登记" }).click();
  const dialog = page.getByRole("dialog", { name: "确认准予登记？" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(WHAT_HAPPENS);
  await expect(dialog.getByRole("button", { name: "取消" })).toBeFocused();
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  expect((await prisma.registrationApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
    "ACCEPTED",
  );

  await page.getByRole("button", { name: "准予登记" }).click();
  await dialog.getByRole("button", { name: "确认准予登记" }).click();
  await expect(page.getByRole("status")).toHaveText("已准予登记并赋予统一社会信用代码。");
});

test("without JavaScript, 准予登记 shows a second page that says what will happen", async ({ browser }) => {
  const application = await acceptedApplication();
  const admin = await createUser({ role: "ADMIN" });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await loginAs(page, admin.id);
  await page.goto(`/admin/registrations/${application.id}`);

  await page.getByRole("button", { name: "准予登记" }).click();
  await expect(page.getByRole("heading", { name: "确认准予登记？" })).toBeVisible();
  await expect(page.getByText(WHAT_HAPPENS)).toBeVisible();
  await expect(page.getByRole("link", { name: "取消" })).toBeFocused();
  expect((await prisma.registrationApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
    "ACCEPTED",
  );

  await page.getByRole("button", { name: "确认准予登记" }).click();
  await expect(page.getByRole("status")).toHaveText("已准予登记并赋予统一社会信用代码。");
  await context.close();
});

async function incubationApplication() {
  const member = await createUser({ role: "ORG_MEMBER" });
  const organization = await prisma.organization.findUniqueOrThrow({
    where: { id: member.organizationId! },
    select: { id: true, name: true },
  });
  const incubation = await prisma.incubationApplication.create({
    data: {
      organizationId: organization.id,
      plan: "入驻后开展社区为老服务，每月组织两次志愿者培训。",
      needs: JSON.stringify(["SPACE", "TRAINING"]),
      firstCheckDueAt: new Date(Date.now() + 7 * 86_400_000),
      createdById: member.id,
    },
    select: { id: true },
  });
  return { id: incubation.id, name: organization.name };
}

const REJECTION_HAPPENS = "将作出初审不通过的决定并把理由告知该社会组织，本次入驻申请随之结束，不可撤回。";

test("初审不通过 of an incubation application asks first, as a dialog and without JavaScript", async ({
  page,
  browser,
  login,
}) => {
  const incubation = await incubationApplication();
  const statusOf = async () =>
    (await prisma.incubationApplication.findUniqueOrThrow({ where: { id: incubation.id } })).status;
  await login({ role: "ADMIN" });
  await page.goto(`/admin/incubation/${incubation.id}`);
  await expect(page.getByRole("heading", { level: 1, name: incubation.name })).toBeVisible();
  await page.getByLabel("初审意见").fill("入驻计划与基地服务方向不符");
  await page.getByRole("button", { name: "初审不通过" }).click();
  const dialog = page.getByRole("dialog", { name: "确认初审不通过？" });
  await expect(dialog).toContainText(REJECTION_HAPPENS);
  await expect(dialog.getByRole("button", { name: "取消" })).toBeFocused();
  await expectNoSeriousA11yIssues(page);
  await dialog.getByRole("button", { name: "取消" }).click();
  expect(await statusOf()).toBe("APPLIED");

  // Without JavaScript the same press shows a second page; 取消 keeps the application as it was.
  const admin = await createUser({ role: "ADMIN" });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await loginAs(noScript, admin.id);
  await noScript.goto(`/admin/incubation/${incubation.id}`);
  await noScript.getByLabel("初审意见").fill("入驻计划与基地服务方向不符");
  await noScript.getByRole("button", { name: "初审不通过" }).click();
  await expect(noScript.getByRole("heading", { name: "确认初审不通过？" })).toBeVisible();
  await expect(noScript.getByText(REJECTION_HAPPENS)).toBeVisible();
  await expect(noScript.getByRole("link", { name: "取消" })).toBeFocused();
  expect(await statusOf()).toBe("APPLIED");
  await noScript.getByRole("button", { name: "确认初审不通过" }).click();
  await expect(noScript.getByRole("status")).toHaveText("已记录初审结果，并已通知该社会组织。");
  await expect(noScript.getByTestId("incubation-status")).toHaveText("未通过");
  expect(await statusOf()).toBe("REJECTED");
  await context.close();
});
