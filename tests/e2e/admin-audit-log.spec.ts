import crypto from "node:crypto";
import { recordAudit } from "~/modules/audit/audit.server";
import { sealAuditChain } from "~/modules/audit/chain.server";
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";

test("an administrator filters the audit log by action, object and Shanghai dates, and the URL can be shared", async ({
  page,
  browser,
  login,
}) => {
  const admin = await login({ role: "ADMIN", name: `审计员${crypto.randomBytes(2).toString("hex")}` });
  const entityId = `audit-e2e-${crypto.randomBytes(4).toString("hex")}`;
  await prisma.auditEvent.createMany({
    data: [
      // 23:30 on 1 March in Shanghai (still 1 March in UTC too)
      {
        actorId: admin.id,
        action: "user.disable",
        entityType: "User",
        entityId,
        fromState: "ACTIVE",
        toState: "DISABLED",
        reason: "三月一日晚停用",
        ip: "10.0.0.8",
        createdAt: new Date("2026-03-01T15:30:00Z"),
      },
      // 00:30 on 2 March in Shanghai, though still 1 March in UTC
      {
        actorId: admin.id,
        action: "user.enable",
        entityType: "User",
        entityId,
        fromState: "DISABLED",
        toState: "ACTIVE",
        reason: "三月二日凌晨启用",
        createdAt: new Date("2026-03-01T16:30:00Z"),
      },
      {
        actorId: null,
        action: "user.lock",
        entityType: "User",
        entityId,
        toState: "LOCKED",
        createdAt: new Date("2026-03-01T10:00:00Z"),
      },
    ],
  });
  // Backdated rows written directly are chained like imported history, so the shared chain stays intact.
  await sealAuditChain(prisma);

  await page.goto("/admin");
  await page.getByRole("navigation", { name: "民政局管理后台导航" }).getByRole("link", { name: "审计日志" }).click();
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();

  await page.getByLabel("对象类型").selectOption({ label: "账号" });
  await page.getByLabel("对象编号").fill(entityId);
  await page.getByLabel("开始日期").fill("2026-03-01");
  await page.getByLabel("结束日期").fill("2026-03-01");
  await page.getByRole("button", { name: "查询" }).click();

  await expect(page).toHaveURL(/from=2026-03-01/);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("停用账号");
  await expect(rows.nth(0)).toContainText(admin.name);
  await expect(rows.nth(0)).toContainText("正常 → 已停用");
  await expect(rows.nth(0)).toContainText("三月一日晚停用");
  await expect(rows.nth(0)).toContainText("10.0.0.8");
  await expect(rows.nth(0)).toContainText("2026年3月1日 23:30");
  await expect(rows.nth(1)).toContainText("系统");
  await expect(page.getByText("三月二日凌晨启用")).toHaveCount(0);

  await page.getByLabel("操作", { exact: true }).selectOption({ label: "停用账号" });
  await page.getByLabel("操作人").fill(admin.email);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/action=user\.disable/);
  await expect(rows).toHaveCount(1);

  // A colleague opening the same address sees the same filtered list.
  const shared = page.url();
  const colleague = await browser.newContext();
  const colleaguePage = await colleague.newPage();
  const other = await createUser({ role: "ADMIN" });
  await loginAs(colleaguePage, other.id);
  await colleaguePage.goto(shared);
  await expect(colleaguePage.locator("tbody tr")).toHaveCount(1);
  await expect(colleaguePage.getByLabel("对象编号")).toHaveValue(entityId);
  await expect(colleaguePage.locator("tbody tr").first()).toContainText("三月一日晚停用");
  await colleague.close();
});

test("the audit log names each object as people call it and links to its page", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  const org = await prisma.organization.create({
    data: {
      name: `审计对象测试服务中心${crypto.randomBytes(2).toString("hex")}`,
      type: "SOCIAL_SERVICE",
      status: "REGISTERED",
    },
    select: { id: true, name: true },
  });
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId: null,
      action: "organization.update_profile",
      entityType: "Organization",
      entityId: org.id,
      reason: "修改联系电话",
    }),
  );

  await page.goto(`/admin/audit?entityType=Organization&entityId=${org.id}`);
  const row = page.locator("tbody tr").first();
  await expect(row).toContainText("修改联系电话");
  await expect(row).not.toContainText(org.id);
  await row.getByRole("link", { name: org.name }).click();
  await expect(page).toHaveURL(`/admin/organizations/${org.id}`);
  await expect(page.getByRole("heading", { name: org.name })).toBeVisible();
});

test("the audit log's actor and object links open their pages within the app, without reloading it", async ({
  page,
  login,
}) => {
  const admin = await login({ role: "ADMIN", name: `审计链接${crypto.randomBytes(2).toString("hex")}` });
  const org = await prisma.organization.create({
    data: {
      name: `审计链接测试中心${crypto.randomBytes(2).toString("hex")}`,
      type: "SOCIAL_SERVICE",
      status: "REGISTERED",
    },
    select: { id: true, name: true },
  });
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId: admin.id,
      action: "organization.update_profile",
      entityType: "Organization",
      entityId: org.id,
      reason: "修改办公地址",
    }),
  );
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  const openLog = async () => {
    await page.goto(`/admin/audit?entityType=Organization&entityId=${org.id}`);
    await page.waitForFunction(
      () =>
        (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized,
    );
    // A full page load would drop this mark; a navigation inside the app keeps it.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  };
  const stayedInApp = () => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument);

  await openLog();
  await page.locator("tbody tr").first().getByRole("link", { name: org.name }).click();
  await expect(page).toHaveURL(`/admin/organizations/${org.id}`);
  await expect(page.getByRole("heading", { name: org.name })).toBeVisible();
  expect(await stayedInApp()).toBe(true);

  await openLog();
  await page.locator("tbody tr").first().getByRole("link", { name: admin.name }).click();
  await expect(page).toHaveURL(`/admin/users/${admin.id}`);
  await expect(page.getByRole("main").getByText(admin.email).first()).toBeVisible();
  expect(await stayedInApp()).toBe(true);
  await page.goBack();
  await expect(page.locator("tbody tr").first()).toContainText("修改办公地址");
  expect(errors).toEqual([]);
});

test("the staff menu opens the audit log within the app and marks it as the current page", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  await page.goto("/admin");
  await page.waitForFunction(
    () =>
      (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized,
  );
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  const menu = page.getByRole("navigation", { name: "民政局管理后台导航" });
  await expect(menu.getByRole("link", { name: "管理概览" })).toHaveAttribute("aria-current", "page");
  await menu.getByRole("link", { name: "审计日志" }).click();
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "审计日志" })).toHaveAttribute("aria-current", "page");
  await expect(menu.getByRole("link", { name: "管理概览" })).not.toHaveAttribute("aria-current", "page");
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
