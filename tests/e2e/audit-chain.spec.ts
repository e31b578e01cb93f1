import crypto from "node:crypto";
import { recordAudit } from "~/modules/audit/audit.server";
import { prisma } from "~/utils/db.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { expect, test } from "../playwright-utils";

// One after the other: a full check stores the head it reached, and an event edited before
// that head is left to the next full check, so the edit test must not run beside it.
test.describe.configure({ mode: "serial" });

test("staff see the audit chain intact, and an event edited in the database shows where it broke", async ({
  page,
  login,
}) => {
  await login({ role: "ADMIN", name: `链审员${crypto.randomBytes(2).toString("hex")}` });
  const entityId = `chain-e2e-${crypto.randomBytes(4).toString("hex")}`;
  await prisma.$transaction((tx) =>
    recordAudit(tx, { actorId: null, action: "user.lock", entityType: "User", entityId, reason: "原始理由" }),
  );
  const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId }, select: { id: true, seq: true } });

  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
  await expect(page.getByTestId("audit-chain-state")).toContainText(/审计链完整（至 #\d+）/);

  // Edit the stored event behind the application's back, then put it back.
  await prisma.$executeRaw`UPDATE "AuditEvent" SET "reason" = '篡改后的理由' WHERE "id" = ${event.id}`;
  try {
    await page.reload();
    await expect(page.getByTestId("audit-chain-state")).toContainText(`审计链在 #${event.seq} 处断开`);
    await expect(page.getByTestId("audit-chain-state")).toContainText(event.id);
  } finally {
    await prisma.$executeRaw`UPDATE "AuditEvent" SET "reason" = '原始理由' WHERE "id" = ${event.id}`;
  }
  await page.reload();
  await expect(page.getByTestId("audit-chain-state")).toContainText(/审计链完整（至 #\d+）/);
});

test("anyone finds today's chain head from the public footer", async ({ page }) => {
  const entityId = `chain-day-${crypto.randomBytes(4).toString("hex")}`;
  await prisma.$transaction((tx) =>
    recordAudit(tx, { actorId: null, action: "user.lock", entityType: "User", entityId }),
  );
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "审计链每日公示" }).click();
  await expect(page.getByRole("heading", { name: "审计链每日公示" })).toBeVisible();

  const today = formatDate(new Date());
  // Other specs append events meanwhile: read today's head and reload until the page agrees.
  await expect(async () => {
    const head = await prisma.auditEvent.findFirstOrThrow({
      where: { seq: { not: null } },
      orderBy: { seq: "desc" },
      select: { seq: true, hash: true },
    });
    await page.reload();
    const row = page.getByRole("row").filter({ hasText: today });
    await expect(row).toContainText(`#${head.seq}`, { timeout: 1000 });
    await expect(row).toContainText(head.hash!, { timeout: 1000 });
  }).toPass();
});

test("staff run a full check of the chain; the page then counts from it", async ({ page, login }) => {
  await login({ role: "ADMIN", name: `校验员${crypto.randomBytes(2).toString("hex")}` });
  await page.goto("/admin/audit");
  const state = page.getByTestId("audit-chain-state");
  await expect(state).toContainText(/审计链完整（至 #\d+）/);

  const before = await prisma.auditChainCheck.count();
  await state.getByRole("button", { name: "完整校验" }).click();
  await expect.poll(() => prisma.auditChainCheck.count()).toBe(before + 1);
  const check = await prisma.auditChainCheck.findFirstOrThrow({
    orderBy: [{ checkedAt: "desc" }, { id: "desc" }],
    select: { intact: true, throughSeq: true, checkedAt: true },
  });
  expect(check.intact).toBe(true);
  await expect(page.getByTestId("audit-chain-checked")).toContainText(
    `上次完整校验：${formatDateTime(check.checkedAt)}（至 #${check.throughSeq}）`,
  );
  await expect(state).toContainText(/审计链完整（至 #\d+）/);
});
