import { gradeValidity } from "~/modules/registry/grade";
import { shanghaiParts } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { createUser, expect, loginAs, test } from "../playwright-utils";

// Years no seed data or other spec uses for inspection rounds.
const YEAR = 2093;

test("a 基本合格 second year proposes a downgrade, staff confirm it, the certificate is due back and the new one prints", async ({
  page,
  login,
}) => {
  const member = await login({ role: "ORG_MEMBER", organizationName: `降级测试协会${Date.now()}` });
  const orgId = member.organizationId!;
  const org = await prisma.organization.update({
    where: { id: orgId },
    data: { status: "REGISTERED", registeredAt: new Date("2012-03-01T00:00:00+08:00"), currentGrade: 4 },
    select: { name: true },
  });
  // A 4A grade announced two years ago (Shanghai), in force today, with its certificate.
  const announcedAt = new Date(`${shanghaiParts(new Date()).year - 2}-11-20T10:00:00+08:00`);
  const grade = await prisma.organizationGrade.create({
    data: { organizationId: orgId, grade: 4, announcedAt, ...gradeValidity(announcedAt) },
    select: { id: true, validFrom: true, validTo: true },
  });
  const oldNumber = `PGT-${Date.now()}`;
  await prisma.ratingCertificate.create({
    data: {
      number: oldNumber,
      organizationId: orgId,
      gradeId: grade.id,
      grade: 4,
      issuedAt: announcedAt,
      validFrom: grade.validFrom,
      validTo: grade.validTo,
      ratingBody: "区社会组织评估委员会",
    },
  });
  for (const year of [YEAR - 1, YEAR]) {
    await prisma.inspectionRound.upsert({
      where: { year },
      create: { year, deadline: new Date(Date.now() + 30 * 86_400_000), foundationDeadline: new Date() },
      update: {},
    });
  }
  const rounds = await prisma.inspectionRound.findMany({ where: { year: { in: [YEAR - 1, YEAR] } } });
  const roundOf = (year: number) => rounds.find((r) => r.year === year)!.id;
  await prisma.inspectionReport.create({
    data: {
      roundId: roundOf(YEAR - 1),
      organizationId: orgId,
      year: YEAR - 1,
      status: "CONCLUDED",
      conclusion: "BASIC",
    },
  });
  const report = await prisma.inspectionReport.create({
    data: { roundId: roundOf(YEAR), organizationId: orgId, year: YEAR, status: "SUBMITTED", submittedAt: new Date() },
    select: { id: true },
  });

  // Staff conclude the second 基本合格.
  const admin = await createUser({ role: "ADMIN" });
  await loginAs(page, admin.id);
  await page.goto(`/admin/inspection/reports/${report.id}`);
  await expect(page.getByRole("heading", { name: `${org.name} · ${YEAR}年度报告` })).toBeVisible();
  await page.getByLabel("年检结论").selectOption({ label: "基本合格" });
  await page.getByLabel("理由和整改要求").fill("财务制度仍不健全。");
  await page.getByRole("button", { name: "确认结论" }).click();
  await expect(page.getByText("已作出年检结论，并通知了该组织。")).toBeVisible();

  // The downgrade waits for staff, who confirm it with a reason.
  await page.goto("/admin/rating/grades");
  await expect(page.getByRole("heading", { name: "等级变更与证书", level: 1 })).toBeVisible();
  const item = page.getByTestId("grade-action").filter({ hasText: org.name });
  await expect(item).toContainText("4A → 3A");
  await expect(item).toContainText(`${YEAR - 1}年度、${YEAR}年度连续两年年检基本合格`);
  await item.getByRole("button", { name: "确认变更等级" }).click();
  await expect(item.getByText("请填写理由")).toBeVisible();
  await item.getByLabel("处理理由").fill("经核实，连续两年基本合格，降低一级。");
  await item.getByRole("button", { name: "确认变更等级" }).click();
  await expect(page.getByText("已确认，评估等级已变更，已通知该组织。")).toBeVisible();

  // The old certificate is due back within 15 days.
  const returnRow = page.getByTestId("certificate-return").filter({ hasText: oldNumber });
  await expect(returnRow).toContainText("待退回");
  await returnRow.getByRole("button", { name: "登记已退回" }).click();
  await expect(page.getByText("已登记证书和牌匾退回。")).toBeVisible();
  await expect(page.getByTestId("certificate-return").filter({ hasText: oldNumber })).toContainText("已退回");

  // The organization sees its new 3A certificate and prints it.
  await loginAs(page, member.id);
  await page.goto("/org/rating/certificates");
  await expect(page.getByRole("heading", { name: "评估等级证书" })).toBeVisible();
  const fresh = await prisma.ratingCertificate.findFirstOrThrow({
    where: { organizationId: orgId, grade: 3 },
    select: { number: true },
  });
  await page.getByRole("link", { name: fresh.number }).click();
  await expect(page.getByTestId("rating-certificate-number")).toHaveText(fresh.number);
  await expect(page.getByTestId("rating-certificate-grade")).toHaveText("3A");
  await expect(page.getByRole("button", { name: "打印证书" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "打印证书" })).toBeHidden();
  await expect(page.getByTestId("rating-certificate-number")).toBeVisible();

  // The public page shows the lowered grade.
  await page.emulateMedia({ media: "screen" });
  await page.goto(`/orgs/${orgId}`);
  await expect(page.getByTestId("org-grade")).toContainText("3A");
});
