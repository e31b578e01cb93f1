// #12 item 5: an organization registered for less than 2 full years is told why before it
// starts, and cannot start.
import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";
import { openRound, registeredYearsAgo, smallRatingScheme } from "./rating-helpers";

test("an organization registered for one year sees why it cannot apply", async ({ page, login }) => {
  const scheme = await smallRatingScheme();
  const title = `等级评估条件测试${scheme.suffix}`;
  const round = await openRound(scheme.id, title);
  const member = await login({ role: "ORG_MEMBER" });
  await registeredYearsAgo(member.organizationId!, 1);

  await page.goto("/org/rating");
  await expect(page.getByRole("heading", { level: 1, name: "等级评估" })).toBeVisible();
  const item = page.getByTestId("rating-round").filter({ hasText: title });
  await expect(item.getByTestId("ineligible")).toContainText("本组织暂不符合申请条件");
  await expect(item.getByTestId("ineligible")).toContainText("登记未满 2 个完整年度");
  await expect(item.getByRole("button", { name: "开始自评" })).toHaveCount(0);

  // The server refuses a hand-made start too.
  const response = await page.request.post("/org/rating", { form: { intent: "start", roundId: round.id } });
  expect(response.status()).toBe(409);
  expect(await prisma.ratingApplication.count({ where: { organizationId: member.organizationId! } })).toBe(0);
});
