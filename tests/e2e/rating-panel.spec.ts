// A rating round's expert panel in the browser: staff run the automatic assignment on the shared
// card (review/auto-assign-card.tsx) with the rating kind's words; an empty choice is refused at
// the field, a valid one tops the accepted application up to k experts and the row shows them.
import { addDays } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { openRound, registeredYearsAgo, smallRatingScheme } from "./rating-helpers";

test("staff auto-assign an accepted rating application on the round's panel", async ({ page }) => {
  const scheme = await smallRatingScheme();
  const title = `专家分配测试${scheme.suffix}`;
  const round = await openRound(scheme.id, title);
  const member = await createUser({ role: "ORG_MEMBER", organizationName: `专家分配测试中心${scheme.suffix}` });
  await registeredYearsAgo(member.organizationId!, 3);
  const application = await prisma.ratingApplication.create({
    data: {
      roundId: round.id,
      organizationId: member.organizationId!,
      schemeId: scheme.id,
      status: "ACCEPTED",
      selfTotal: 38,
      submittedAt: addDays(new Date(), -1),
    },
    select: { id: true },
  });
  const expert = await createUser({ role: "REVIEWER", name: `分配专家${scheme.suffix}` });
  const admin = await createUser({ role: "ADMIN" });

  await loginAs(page, admin.id);
  await page.goto(`/admin/rating/${round.id}/panel`);
  await expect(page.getByRole("heading", { level: 1, name: "专家评估" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: `专家分配测试中心${scheme.suffix}` });
  await expect(row).toContainText("未分配");

  const auto = page.getByRole("region", { name: "自动分配评估专家" });
  for (const box of await auto.getByRole("checkbox").all()) await box.uncheck();
  await auto.getByRole("button", { name: "自动分配" }).click();
  await expect(auto.getByText("请至少选择一位评估专家")).toBeVisible();

  await auto.getByRole("checkbox", { name: new RegExp(`分配专家${scheme.suffix}`) }).check();
  await auto.getByLabel("每份申请的评估专家人数").fill("1");
  await auto.getByRole("button", { name: "自动分配" }).click();
  await expect(page.getByTestId("auto-assign-result")).toContainText("已新增 1 项评估任务");
  await expect(page.getByTestId("auto-assign-result")).toContainText("所有申请均已配满专家。");
  await expect(row).toContainText(`分配专家${scheme.suffix}`);
  const assigned = await prisma.reviewAssignment.findMany({
    where: { subjectType: "RatingApplication", subjectId: application.id },
    select: { reviewerId: true },
  });
  expect(assigned).toEqual([{ reviewerId: expert.id }]);
});
