import ExcelJS from "exceljs";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { createUser, expect, loginAs, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";
import { freshEditionYear, lastYearRound, makeEligible } from "./directory-helpers";

test.describe.configure({ mode: "serial" });

test("publicity with an objection, publication, the public finds the organization and downloads the list, a removal shows publicly", async ({
  page,
}) => {
  const year = await freshEditionYear("publish");
  const admin = await createUser({ role: "ADMIN" });
  const orgName = `测试目录助老服务中心${year}${Date.now() % 100000}`;
  const member = await createUser({ role: "ORG_MEMBER", organizationName: orgName });
  const orgId = member.organizationId!;
  await makeEligible(orgId, { street: "淳化街道", staff: 3 });
  const day = 86_400_000;
  const edition = await prisma.directoryEdition.create({
    data: {
      year,
      title: `${year}年度政府购买服务推荐性目录`,
      status: "OPEN",
      applyOpensAt: new Date(Date.now() - 20 * day),
      applyClosesAt: new Date(Date.now() + 10 * day),
      serviceAreas: JSON.stringify(["为老", "助残", "社区治理"]),
      publicityDays: 7,
      createdById: admin.id,
    },
    select: { id: true, title: true },
  });
  // An application staff already passed, with the 3A marker.
  const entry = await prisma.directoryEntry.create({
    data: {
      editionId: edition.id,
      organizationId: orgId,
      route: "APPLIED",
      status: "PASSED",
      street: "淳化街道",
      capability: "专职社工 3 名，为辖区老人提供助餐、探访和康复服务。",
      markerGrade: true,
      submittedAt: new Date(Date.now() - 5 * day),
      decidedAt: new Date(Date.now() - 2 * day),
      areas: { create: [{ area: "为老" }] },
    },
    select: { id: true },
  });

  // Staff close applications and publish the proposed list.
  await loginAs(page, admin.id);
  await page.goto(`/admin/directory/${edition.id}`);
  await page.getByRole("button", { name: "截止申报" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认截止申报" }).click();
  await expect(page.getByTestId("edition-status")).toHaveText("审核中");
  await page.getByRole("button", { name: "发布公示" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认发布公示" }).click();
  await expect(page.getByTestId("edition-status")).toHaveText("公示中");

  // The public objects through the shared objection form.
  await page.context().clearCookies();
  await page.goto(`/directory/${edition.id}/publicity`);
  await expect(page.getByRole("heading", { level: 1, name: "拟列入名单公示" })).toBeVisible();
  await expect(page.getByRole("link", { name: orgName, exact: true })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await page.getByRole("link", { name: `对“${orgName}”提出异议` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "提出异议" })).toBeVisible();
  await expect(page.getByLabel("异议机构")).toHaveValue(entry.id);
  await page.getByLabel("姓名").fill("王先生");
  await page.getByLabel("联系方式").fill("13912345678");
  await page.getByLabel("异议内容及理由").fill("该中心去年的助餐点曾停业三个月，服务能力说明与实际情况不符，请核实。");
  await expectNoSeriousA11yIssues(page);
  await page.waitForTimeout(3100);
  await page.getByRole("button", { name: "提交异议" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "异议处理情况" })).toBeVisible();
  await expect(page.getByTestId("objection-status")).toHaveText("已受理");
  await expect(page.getByText(`异议机构：${orgName}`)).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  const statusUrl = page.url();

  // Staff dismiss it with a reply the objector reads.
  await loginAs(page, admin.id);
  await page.goto(`/admin/directory/${edition.id}#objections`);
  const objection = page.getByRole("article", { name: `异议：${orgName}` });
  await objection.getByLabel("处理结果").selectOption("DISMISSED");
  await objection.getByLabel("答复意见（异议人可见）").fill("经核实，停业系场地装修，已于当年恢复服务。");
  await objection.getByRole("button", { name: "提交处理" }).click();
  await expect(page.getByText("已作出“异议不成立”的处理。")).toBeVisible();
  await page.context().clearCookies();
  await page.goto(statusUrl);
  await expect(page.getByTestId("objection-reply")).toHaveText("经核实，停业系场地装修，已于当年恢复服务。");

  // The publicity period ends; staff publish.
  await prisma.directoryEdition.update({
    where: { id: edition.id },
    data: { publicityEndsAt: new Date(Date.now() - 60_000) },
  });
  await loginAs(page, admin.id);
  await page.goto(`/admin/directory/${edition.id}`);
  await page.getByRole("button", { name: "发布目录" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认发布目录" }).click();
  await expect(page.getByTestId("edition-status")).toHaveText("已发布");

  // The public finds it with filters and by name, and downloads the list.
  await page.context().clearCookies();
  await page.goto("/directory");
  await expect(page.getByRole("heading", { level: 1, name: edition.title })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  const search = page.getByRole("search", { name: "筛选目录" });
  await search.getByLabel("机构名称").fill(orgName.slice(2, 8));
  await search.getByLabel("服务领域").selectOption("为老");
  await search.getByLabel("优先标识").selectOption("grade");
  await search.getByLabel("街道").selectOption("淳化街道");
  await search.getByRole("button", { name: "筛选" }).click();
  // The filtered page has loaded (the unfiltered one shows the row too, and a choice made while
  // the filter is still loading is reset when it arrives).
  await expect(page).toHaveURL(/[?&]street=/);
  const row = page.getByTestId("directory-row").filter({ hasText: orgName });
  await expect(row).toContainText("3A 及以上");
  await expect(row).toContainText("淳化街道");
  await search.getByLabel("服务领域").selectOption("助残");
  await search.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByText("没有符合条件的机构，请调整筛选条件。")).toBeVisible();
  await page.goto(`/directory?q=${encodeURIComponent(orgName)}`);
  const href = await page.getByTestId("directory-export").getAttribute("href");
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download.body()) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("推荐性目录")!;
  expect(sheet.getRow(1).getCell(2).value).toBe("社会组织名称");
  expect(sheet.getRow(2).getCell(2).value).toBe(orgName);
  expect(sheet.getRow(2).getCell(6).value).toBe("淳化街道");
  await page.goto(`/orgs/${orgId}`);
  await expect(page.getByTestId("org-directory")).toContainText(`列入 ${year} 年度推荐性目录`);
  await expect(page.getByTestId("org-directory")).toContainText("3A 及以上");

  // Staff remove it during the year: the date and reason are public.
  await loginAs(page, admin.id);
  await page.goto(`/admin/directory/${edition.id}?status=LISTED`);
  const card = page.getByRole("article", { name: orgName });
  await card.getByText("移出目录").first().click();
  await card.getByLabel("移出理由（公开显示）").fill("被有关部门依法责令停止活动");
  await card.getByRole("button", { name: "移出目录", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认移出目录" }).click();
  await expect(page.getByText("已移出，移出日期和理由已公开，机构已收到通知。")).toBeVisible();
  await page.context().clearCookies();
  await page.goto(`/directory/${edition.id}`);
  await expect(page.getByTestId("removed-list")).toContainText(`${orgName}`);
  await expect(page.getByTestId("removed-list")).toContainText("原因：被有关部门依法责令停止活动");
  await expect(page.getByTestId("directory-row").filter({ hasText: orgName })).toHaveCount(0);
  await expectNoSeriousA11yIssues(page);
  await page.goto(`/orgs/${orgId}`);
  await expect(page.getByTestId("org-directory")).toContainText("移出，原因：被有关部门依法责令停止活动");
});

test("a later 不合格 annual inspection takes a listed organization off the public directory with the date and reason", async ({
  page,
}) => {
  const year = await freshEditionYear("removal");
  const admin = await createUser({ role: "ADMIN" });
  const orgName = `测试目录移出服务社${year}${Date.now() % 100000}`;
  const member = await createUser({ role: "ORG_MEMBER", organizationName: orgName });
  const orgId = member.organizationId!;
  await makeEligible(orgId, { street: "东山街道", staff: 3 });
  // Listed in a published edition; the year's annual report (last year's, in the round now
  // running) is filed and waits for staff. makeEligible concluded the report before it.
  const edition = await prisma.directoryEdition.create({
    data: {
      year,
      title: `${year}年度政府购买服务推荐性目录`,
      status: "PUBLISHED",
      applyOpensAt: new Date(Date.now() - 90 * 86_400_000),
      applyClosesAt: new Date(Date.now() - 60 * 86_400_000),
      serviceAreas: JSON.stringify(["为老", "社区治理"]),
      publicityStartsAt: new Date(Date.now() - 50 * 86_400_000),
      publicityEndsAt: new Date(Date.now() - 43 * 86_400_000),
      publishedAt: new Date(Date.now() - 40 * 86_400_000),
      createdById: admin.id,
      entries: {
        create: {
          organizationId: orgId,
          route: "APPLIED",
          status: "LISTED",
          street: "东山街道",
          capability: "为辖区老人提供助餐和探访服务。",
          submittedAt: new Date(Date.now() - 70 * 86_400_000),
          decidedAt: new Date(Date.now() - 55 * 86_400_000),
          listedAt: new Date(Date.now() - 40 * 86_400_000),
          areas: { create: [{ area: "为老" }] },
        },
      },
    },
    select: { id: true, title: true },
  });
  const round = await lastYearRound();
  await prisma.inspectionReport.updateMany({
    where: { organizationId: orgId, roundId: round.id },
    data: { status: "SUBMITTED", conclusion: null, concludedAt: null, submittedAt: new Date() },
  });
  const report = await prisma.inspectionReport.findFirstOrThrow({
    where: { organizationId: orgId, roundId: round.id },
    select: { id: true },
  });

  // Listed before the inspection (read signed in: nothing can serve an older page).
  await loginAs(page, admin.id);
  await page.goto(`/directory/${edition.id}?q=${encodeURIComponent(orgName)}`);
  await expect(page.getByTestId("directory-row").filter({ hasText: orgName })).toBeVisible();

  // Staff conclude the report 不合格.
  await page.goto(`/admin/inspection/reports/${report.id}`);
  await expect(page.getByRole("heading", { name: `${orgName} · ${round.year}年度报告` })).toBeVisible();
  await page.getByLabel("年检结论").selectOption({ label: "不合格" });
  await page.getByLabel("理由和整改要求").fill("未按规定召开理事会，财务收支未纳入单位账户。");
  await page.getByRole("button", { name: "确认结论" }).click();
  await expect(page.getByText("已作出年检结论，并通知了该组织。")).toBeVisible();

  // The public directory shows it removed, with the date and the reason, at once.
  const removed = await prisma.directoryEntry.findFirstOrThrow({
    where: { editionId: edition.id, organizationId: orgId },
    select: { removedAt: true },
  });
  const reason = `${round.year}年度年检结论为不合格`;
  await page.goto(`/directory/${edition.id}`);
  await expect(page.getByTestId("removed-list")).toContainText(
    `${orgName}：${formatDate(removed.removedAt)}移出，原因：${reason}`,
  );
  await page.goto(`/directory/${edition.id}?q=${encodeURIComponent(orgName)}`);
  await expect(page.getByTestId("directory-row").filter({ hasText: orgName })).toHaveCount(0);
  await page.goto(`/orgs/${orgId}`);
  await expect(page.getByTestId("org-directory")).toContainText(
    `${formatDate(removed.removedAt)}移出，原因：${reason}`,
  );

  // The organization is told.
  await loginAs(page, member.id);
  await page.goto("/notifications");
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: `已移出${edition.title}` })
      .filter({ hasText: `移出原因：${reason}` }),
  ).toBeVisible();
});
