import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";

test("the bell counts unread notifications and opening one marks it read", async ({ page, login }) => {
  const user = await login({ role: "ORG_MEMBER" });
  await prisma.notification.createMany({
    data: [
      { userId: user.id, title: "请完善机构资料", link: "/org/profile" },
      { userId: user.id, title: "系统维护通知", body: "本周六 22:00 至 23:00 系统维护。" },
    ],
  });
  await page.goto("/org");
  await expect(page.getByTestId("unread-count")).toHaveText("2");

  await page.getByRole("link", { name: /通知（2 条未读）/ }).click();
  await expect(page.getByText("您有 2 条未读通知")).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: "请完善机构资料" });
  await item.getByRole("button", { name: "查看" }).click();

  await expect(page).toHaveURL(/\/org\/profile$/);
  await expect(page.getByTestId("unread-count")).toHaveText("1");
});
