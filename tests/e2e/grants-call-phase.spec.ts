import { publicityEndOf } from "~/modules/grants/calls/phase";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { createUser, expect, test } from "../playwright-utils";
import { createCall } from "./grants-apply-helpers";

const DAY = 86_400_000;

// #11: the phase shown is the call's real state. The calendar may say 公示, but
// a call is in publicity only once its shortlist has been published.
test("the public call page shows 公示 as the current phase only while a published shortlist is in publicity", async ({
  page,
}) => {
  const admin = await createUser({ role: "ADMIN" });
  const call = await createCall({ createdById: admin.id, opensInDays: -60, closesInDays: -30 });
  // The calendar is in its publicity window: review ended yesterday, publicity lasts 7 days.
  await prisma.grantCall.update({
    where: { id: call.id },
    data: {
      screeningEndsAt: new Date(Date.now() - 10 * DAY),
      reviewEndsAt: new Date(Date.now() - DAY),
      publicityDays: 7,
      signingEndsAt: new Date(Date.now() + 30 * DAY),
    },
  });

  const main = page.getByRole("main");
  const currentStep = main.getByRole("list", { name: "活动进度" }).locator('[aria-current="step"]');

  // No shortlist published: still in review, and the planned publicity dates are shown as a plan.
  await page.goto(`/grants/${call.id}`);
  await expect(page.getByRole("heading", { level: 1, name: call.title })).toBeVisible();
  await expect(currentStep).toHaveCount(1);
  await expect(currentStep).toContainText("专家评审（当前阶段）");
  await expect(currentStep).not.toContainText("公示");
  await expect(main.getByTestId("phase-badge")).toHaveText("专家评审");
  const publicityStep = main.getByRole("listitem").filter({ hasText: /^公示/ });
  await expect(publicityStep).toContainText("计划");
  await expect(publicityStep).not.toContainText("当前阶段");
  await expect(main.getByRole("link", { name: "查看拟入围项目公示" })).toHaveCount(0);

  // The shortlist is published today: publicity runs from now until its own end.
  const now = new Date();
  const endsAt = publicityEndOf(now, 7);
  await prisma.grantCall.update({
    where: { id: call.id },
    data: { reviewStage: "PUBLICIZED", publicityStartsAt: now, publicityEndsAt: endsAt },
  });
  await page.reload();
  await expect(currentStep).toContainText("公示（当前阶段）");
  await expect(main.getByTestId("phase-badge")).toHaveText("公示");
  await expect(main.getByTestId("actual-publicity")).toHaveText(`实际 ${formatDate(now)} 至 ${formatDate(endsAt)}`);
  await expect(main.getByRole("link", { name: "查看拟入围项目公示" })).toBeVisible();

  // Past its own end the call moves on to signing, and objections are no longer invited.
  await prisma.grantCall.update({
    where: { id: call.id },
    data: { publicityStartsAt: new Date(Date.now() - 9 * DAY), publicityEndsAt: new Date(Date.now() - DAY) },
  });
  await page.reload();
  await expect(currentStep).toContainText("签约（当前阶段）");
  await expect(main.getByTestId("phase-badge")).toHaveText("签约");
  await expect(main.getByText("拟入围项目公示期已结束，立项名单确认后将公布。")).toBeVisible();
});
