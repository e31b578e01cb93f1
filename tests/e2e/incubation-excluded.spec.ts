import { shanghaiParts } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";

test("an organization that failed last year's annual inspection sees why and cannot apply", async ({ page, login }) => {
  const member = await login({ role: "ORG_MEMBER" });
  const orgId = member.organizationId!;
  await prisma.organization.update({
    where: { id: orgId },
    data: { status: "REGISTERED", registeredAt: new Date("2022-06-01T00:00:00+08:00") },
  });
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
      conclusionReason: "财务收支未纳入单位账户核算",
    },
  });

  await page.goto("/org/incubation");
  await expect(page.getByRole("heading", { level: 1, name: "孵化基地" })).toBeVisible();
  const notice = page.getByTestId("eligibility");
  await expect(notice).toContainText("本机构暂不能申请入驻孵化基地");
  await expect(notice).toContainText(`${lastYear}年度年检结论为不合格`);
  await expect(page.getByLabel("入驻计划")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "提交入驻申请" })).toHaveCount(0);

  // The server refuses a hand-made submission too.
  const response = await page.request.post("/org/incubation", {
    form: { plan: "入驻后在社区开展独居老人探访和助餐服务，建立二十人的志愿者队伍。", needs: "SPACE" },
  });
  expect(response.status()).toBe(403);
  expect(await prisma.incubationApplication.count({ where: { organizationId: orgId } })).toBe(0);
});
