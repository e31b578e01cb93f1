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
  // page.request shares the logged-in cookies; the action must check the role itself.
  const response = await page.request.post(`/admin/users/${member.id}`, {
    form: { intent: "disable", reason: "越权尝试" },
  });
  expect(response.status()).toBe(403);
  const created = await page.request.post("/admin/users/new-reviewer", {
    form: { name: "越权专家", email: "intruder@test.yimiao.local", phone: "13912345678", password: "Intruder123", expertiseTags: "为老" },
  });
  expect(created.status()).toBe(403);
});
