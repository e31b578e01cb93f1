import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";

test("an organization member opening the admin area gets the Chinese 403 page", async ({ page, login }) => {
  await login({ role: "ORG_MEMBER" });
  for (const path of ["/admin", "/admin/users", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
  }
});

test("admin actions refuse a member even when posted directly", async ({ page, login }) => {
  const member = await login({ role: "ORG_MEMBER" });
  // page.request shares the logged-in cookies. The admin layout's loader does not
  // protect an action, and the status alone can mislead, so check that nothing changed.
  const response = await page.request.post(`/admin/users/${member.id}`, {
    form: { intent: "disable", reason: "越权尝试" },
  });
  expect(response.status()).toBe(403);
  const email = `intruder-${crypto.randomBytes(4).toString("hex")}@test.yimiao.local`;
  const created = await page.request.post("/admin/users/new-reviewer", {
    form: { name: "越权专家", email, phone: "13912345678", password: "Intruder123", expertiseTags: "为老" },
  });
  expect(created.status()).toBe(403);

  expect(await prisma.user.findUnique({ where: { id: member.id }, select: { status: true } })).toEqual({
    status: "ACTIVE",
  });
  expect(await prisma.user.count({ where: { email } })).toBe(0);
  expect(await prisma.auditEvent.count({ where: { entityId: member.id, action: "user.disable" } })).toBe(0);
});
