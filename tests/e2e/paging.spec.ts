import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { sealAuditChain } from "~/modules/audit/chain.server";
import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";

// #19: the page size reached the browser as undefined ("第 1 / NaN 页", React
// hydration errors #418/#423, no 下一页). Lists page through in the browser.

/** Hydration and other React errors seen by the page (console and uncaught). */
function collectReactErrors(page: Page) {
  const errors: string[] = [];
  const isReactError = (text: string) => /#418|#423|#425|hydrat|Minified React error/i.test(text);
  page.on("console", (msg) => {
    if (msg.type() === "error" && isReactError(msg.text())) errors.push(msg.text());
  });
  page.on("pageerror", (error) => {
    if (isReactError(String(error))) errors.push(String(error));
  });
  return errors;
}

const two = (n: number) => String(n).padStart(2, "0");

test("45 notifications page through 第 1 / 3 页 to the last items", async ({ page, login }) => {
  const errors = collectReactErrors(page);
  const user = await login({ role: "ORG_MEMBER" });
  const start = Date.now() - 60 * 60_000;
  // Newest first: 通知 45 … 26 on page 1, 25 … 6 on page 2, 5 … 1 on page 3.
  await prisma.notification.createMany({
    data: Array.from({ length: 45 }, (_, i) => ({
      userId: user.id,
      title: `分页测试通知 ${two(i + 1)}`,
      createdAt: new Date(start + i * 1000),
    })),
  });

  const nav = page.getByRole("navigation", { name: "分页" });
  const items = page.getByRole("main").getByRole("listitem").filter({ hasText: "分页测试通知" });
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "通知" })).toBeVisible();
  await expect(nav).toContainText("共 45 条，第 1 / 3 页");
  await expect(items).toHaveCount(20);
  await expect(items.first()).toContainText("分页测试通知 45");
  await expect(nav.getByRole("link", { name: "上一页" })).toHaveCount(0);

  // The first click counts, even right after the page loads.
  await nav.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/[?&]page=2\b/);
  await expect(nav).toContainText("共 45 条，第 2 / 3 页");
  await expect(items.first()).toContainText("分页测试通知 25");

  await nav.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/[?&]page=3\b/);
  await expect(nav).toContainText("共 45 条，第 3 / 3 页");
  await expect(items).toHaveCount(5);
  await expect(items.first()).toContainText("分页测试通知 05");
  await expect(items.last()).toContainText("分页测试通知 01");
  await expect(nav.getByRole("link", { name: "下一页" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "上一页" })).toBeVisible();

  // Loaded directly (server-rendered, then hydrated), page 3 is the same.
  await page.goto("/notifications?page=3");
  await expect(nav).toContainText("共 45 条，第 3 / 3 页");
  await expect(items).toHaveCount(5);
  await expect(page.getByText(/NaN/)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("the staff's call list shows a real page count and its first 下一页 click works", async ({ page, login }) => {
  const errors = collectReactErrors(page);
  const admin = await login({ role: "ADMIN" });
  // Enough draft calls for two pages, in a year long past so they sort last
  // and never push another spec's call off the first page.
  const suffix = crypto.randomBytes(3).toString("hex");
  const day = (n: number) => new Date(Date.UTC(2001, 0, n));
  await prisma.grantCall.createMany({
    data: Array.from({ length: 21 }, (_, i) => ({
      title: `分页测试活动${suffix}-${two(i + 1)}`,
      year: 2001,
      description: "",
      poolFen: 100_000n,
      perProjectCapFen: 10_000,
      maxGrantSharePct: 60,
      overheadCapPct: 10,
      applyOpensAt: day(1),
      applyClosesAt: day(10),
      screeningEndsAt: day(20),
      reviewEndsAt: day(30),
      signingEndsAt: day(60),
      createdById: admin.id,
    })),
  });

  const nav = page.getByRole("navigation", { name: "分页" });
  await expect(async () => {
    const pages = Math.ceil((await prisma.grantCall.count()) / 20);
    await page.goto("/admin/grants");
    await expect(nav).toContainText(`第 1 / ${pages} 页`, { timeout: 1000 });
  }).toPass();
  await expect(page.getByText(/NaN/)).toHaveCount(0);

  await nav.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/[?&]page=2\b/);
  await expect(nav).toContainText(/第 2 \/ \d+ 页/);

  // The public list pages the same way (no NaN, whatever its total).
  await page.goto("/grants");
  await expect(page.getByRole("heading", { level: 1, name: "公益创投" })).toBeVisible();
  await expect(page.getByText(/NaN/)).toHaveCount(0);
  expect(errors).toEqual([]);

  await prisma.grantCall.deleteMany({ where: { title: { startsWith: `分页测试活动${suffix}` } } });
});

test("the audit log pages through its links by the last row seen (?after=, ?before=), equal times included", async ({
  page,
  login,
}) => {
  const errors = collectReactErrors(page);
  await login({ role: "ADMIN" });
  const entityId = `paging-audit-${crypto.randomBytes(4).toString("hex")}`;
  // 120 events, three at each minute: 分页审计 120 … 071 on page 1, 070 … 021 on page 2, 020 … 001 on page 3.
  const start = Date.UTC(2026, 0, 5, 2);
  await prisma.auditEvent.createMany({
    data: Array.from({ length: 120 }, (_, i) => ({
      action: "user.lock",
      entityType: "User",
      entityId,
      reason: `分页审计 ${String(i + 1).padStart(3, "0")}`,
      createdAt: new Date(start + Math.floor(i / 3) * 60_000),
      id: `${entityId}-${String(i + 1).padStart(3, "0")}`,
    })),
  });
  await sealAuditChain(prisma);

  const nav = page.getByRole("navigation", { name: "分页" });
  const rows = page.getByRole("row").filter({ hasText: "分页审计" });
  await page.goto(`/admin/audit?entityType=User&entityId=${entityId}`);
  await expect(nav).toContainText("共 120 条，第 1 / 3 页");
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("分页审计 120");
  await expect(rows.last()).toContainText("分页审计 071");

  await nav.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/[?&]page=2\b.*[?&]after=|[?&]after=.*[?&]page=2\b/);
  await expect(nav).toContainText("共 120 条，第 2 / 3 页");
  await expect(rows.first()).toContainText("分页审计 070");
  await expect(rows.last()).toContainText("分页审计 021");

  await nav.getByRole("link", { name: "下一页" }).click();
  await expect(nav).toContainText("第 3 / 3 页");
  await expect(rows).toHaveCount(20);
  await expect(rows.last()).toContainText("分页审计 001");
  await expect(nav.getByRole("link", { name: "下一页" })).toHaveCount(0);

  await nav.getByRole("link", { name: "上一页" }).click();
  await expect(page).toHaveURL(/[?&]before=/);
  await expect(nav).toContainText("第 2 / 3 页");
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("分页审计 070");

  await nav.getByRole("link", { name: "上一页" }).click();
  await expect(page).not.toHaveURL(/after=|before=/);
  await expect(rows.first()).toContainText("分页审计 120");
  await expectNoSeriousA11yIssues(page);
  expect(errors).toEqual([]);
});

test("the staff's order list pages through its links by the last row seen, equal times included", async ({
  page,
  login,
}) => {
  const errors = collectReactErrors(page);
  await login({ role: "ADMIN" });
  // One buyer's 45 orders, three at each minute: 分页订单 45 … 26 on page 1, 25 … 06 on page 2, 05 … 01 on page 3.
  const phone = `139${String(crypto.randomInt(0, 100_000_000)).padStart(8, "0")}`;
  const suffix = crypto.randomBytes(3).toString("hex").toUpperCase();
  const start = Date.UTC(2026, 0, 5, 2);
  await prisma.order.createMany({
    data: Array.from({ length: 45 }, (_, i) => ({
      orderNo: `PG${suffix}-${two(i + 1)}`,
      buyerName: `分页订单 ${two(i + 1)}`,
      buyerPhone: phone,
      delivery: "PICKUP",
      paymentMethod: "COUNTER",
      status: "COMPLETED",
      totalFen: 1000,
      expiresAt: new Date(start),
      createdAt: new Date(start + Math.floor(i / 3) * 60_000),
    })),
  });

  const nav = page.getByRole("navigation", { name: "分页" });
  const rows = page.getByRole("row").filter({ hasText: "分页订单" });
  await page.goto(`/admin/orders?q=${phone}`);
  await expect(nav).toContainText("共 45 条，第 1 / 3 页");
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toContainText("分页订单 45");
  await expect(rows.last()).toContainText("分页订单 26");

  await nav.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/[?&]after=/);
  await expect(nav).toContainText("共 45 条，第 2 / 3 页");
  await expect(rows.first()).toContainText("分页订单 25");
  await expect(rows.last()).toContainText("分页订单 06");

  await nav.getByRole("link", { name: "下一页" }).click();
  await expect(nav).toContainText("第 3 / 3 页");
  await expect(rows).toHaveCount(5);
  await expect(rows.last()).toContainText("分页订单 01");
  await expect(nav.getByRole("link", { name: "下一页" })).toHaveCount(0);

  await nav.getByRole("link", { name: "上一页" }).click();
  await expect(page).toHaveURL(/[?&]before=/);
  await expect(nav).toContainText("第 2 / 3 页");
  await expect(rows.first()).toContainText("分页订单 25");

  await nav.getByRole("link", { name: "上一页" }).click();
  await expect(page).not.toHaveURL(/after=|before=/);
  await expect(rows.first()).toContainText("分页订单 45");
  expect(errors).toEqual([]);
  await prisma.order.deleteMany({ where: { buyerPhone: phone } });
});
