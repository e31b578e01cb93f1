import { shanghaiParts } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { createUser, expect, test } from "../playwright-utils";
import { createCall, registerOrganization } from "./grants-apply-helpers";

test("an organization that failed last year's inspection is told it is not eligible", async ({ page, login }) => {
  const member = await login({ role: "ORG_MEMBER" });
  const orgId = member.organizationId!;
  await registerOrganization(orgId);
  const admin = await createUser({ role: "ADMIN" });
  const call = await createCall({ createdById: admin.id });
  const lastYear = shanghaiParts(new Date()).year - 1;
  const round = await prisma.inspectionRound.upsert({
    where: { year: lastYear },
    create: {
      year: lastYear,
      deadline: new Date(`${lastYear + 1}-05-31T23:59:59+08:00`),
      foundationDeadline: new Date(`${lastYear + 1}-03-31T23:59:59+08:00`),
    },
    update: {},
    select: { id: true },
  });
  await prisma.inspectionReport.create({
    data: {
      roundId: round.id,
      organizationId: orgId,
      year: lastYear,
      status: "CONCLUDED",
      conclusion: "UNQUALIFIED",
      conclusionReason: "财务制度不健全",
    },
  });

  await page.goto("/org/grants");
  await expect(page.getByRole("heading", { level: 1, name: "公益创投" })).toBeVisible();
  const card = page.getByRole("article", { name: call.title });
  await expect(card.getByTestId("eligibility")).toContainText("本机构暂不符合申报条件");
  await expect(card.getByTestId("eligibility")).toContainText(`${lastYear}年度年检结论为不合格`);
  await expect(card.getByRole("button", { name: "开始申报" })).toHaveCount(0);

  // The server refuses a hand-made request too.
  const response = await page.request.post("/org/grants", { form: { callId: call.id } });
  expect(response.status()).toBe(403);
  expect(await prisma.grantApplication.count({ where: { organizationId: orgId } })).toBe(0);
});
