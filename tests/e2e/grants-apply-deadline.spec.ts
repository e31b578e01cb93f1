import { prisma } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { createUser, expect, test } from "../playwright-utils";
import { createCall, createCompleteApplication, registerOrganization } from "./grants-apply-helpers";

test("a submission after the deadline is refused", async ({ page, login }) => {
  const member = await login({ role: "ORG_MEMBER" });
  await registerOrganization(member.organizationId!);
  const admin = await createUser({ role: "ADMIN" });
  const call = await createCall({ createdById: admin.id, opensInDays: -30, closesInDays: -1 });
  const app = await createCompleteApplication({
    callId: call.id,
    organizationId: member.organizationId!,
    userId: member.id,
    status: "DRAFT",
    title: "青少年成长护航",
  });
  const message = `申报已截止（截止时间：${formatDateTime(call.applyClosesAt)}）`;

  await page.goto(`/org/grants/${app.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "青少年成长护航" })).toBeVisible();
  await expect(page.getByTestId("deadline-block")).toHaveText(message);
  await page.getByRole("button", { name: "提交申报" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认提交申报" }).click();
  await expect(page.locator("#grant-application-error")).toHaveText(message);
  // What was on the form is still there.
  await expect(page.getByLabel("项目名称")).toHaveValue("青少年成长护航");
  const stored = await prisma.grantApplication.findUniqueOrThrow({
    where: { id: app.id },
    select: { status: true, submittedAt: true },
  });
  expect(stored).toEqual({ status: "DRAFT", submittedAt: null });
});
