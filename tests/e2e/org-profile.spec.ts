// One public profile per organization (#15 item 7): /orgs/:id gathers registration, grade
// and validity, directory status by year, annual inspection results, incubation, funded
// projects and credit records, each block linked to the page its facts are published on.
import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";

test("an organization's public page gathers every public record, each block linked to its source page", async ({
  page,
}) => {
  // The demo organization: graded, listed in last year's directory, inspected, funded.
  const org = await prisma.organization.findUniqueOrThrow({
    where: { name: "江宁区阳光社会工作服务中心" },
    select: { id: true, name: true, uscc: true },
  });
  const [inspection, project] = await Promise.all([
    prisma.inspectionReport.findFirstOrThrow({
      where: { organizationId: org.id, status: "CONCLUDED" },
      orderBy: { year: "desc" },
      select: { year: true },
    }),
    prisma.grantProject.findFirstOrThrow({
      where: { organizationId: org.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, title: true },
    }),
  ]);

  await page.goto(`/orgs/${org.id}`);
  await expect(page.getByRole("heading", { level: 1, name: org.name })).toBeVisible();
  const main = page.getByRole("main");
  const blocks: Array<[name: string, testId: string | null, href: string | RegExp | null]> = [
    ["登记信息", "registered-source", /^\/orgs\?q=/],
    ["变更记录", "changes-source", /^\/orgs\?q=/],
    ["信用信息", null, null],
    ["评估等级记录", "grades-source", "/rating"],
    ["政府购买服务推荐性目录", "directory-source", "/directory"],
    ["年检结果", "inspections-source", "/inspection"],
    ["公益创投资助项目", "funded-projects-source", "/projects"],
    ["孵化基地入驻记录", "incubation-source", "/incubation"],
  ];
  for (const [name, testId, href] of blocks) {
    const block = main.getByRole("region", { name, exact: true });
    await expect(block).toBeVisible();
    if (testId && href) await expect(block.getByTestId(testId).getByRole("link")).toHaveAttribute("href", href);
  }
  await expect(page.getByTestId("org-grade")).toContainText("有效期");

  // Each line leads to the public page it came from.
  await main
    .getByRole("region", { name: "年检结果", exact: true })
    .getByRole("link", { name: new RegExp(`^${inspection.year} 年度\\s*年检结果公告$`) })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: `${inspection.year}年度社会组织年检结果公告` }),
  ).toBeVisible();

  await page.goBack();
  await main.getByRole("link", { name: project.title }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: project.title })).toBeVisible();

  await page.goto(`/orgs/${org.id}`);
  await page.getByTestId("org-directory").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/directory\/[^/]+$/);
  await expect(page.getByRole("link", { name: org.name }).first()).toBeVisible();

  await page.goto(`/orgs/${org.id}`);
  await page.getByTestId("registered-source").getByRole("link", { name: "社会组织名录" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs\\?q=${org.uscc}`));
  await expect(page.getByRole("list", { name: "社会组织列表" }).getByRole("link", { name: org.name })).toBeVisible();
});

test("a grade from a rating round links that round's announcement; the others keep the block's link", async ({
  page,
}) => {
  // Seeded through the announcement of last year's round (rating-results).
  const announced = await prisma.organizationGrade.findFirstOrThrow({
    where: { round: { status: "ANNOUNCED" } },
    orderBy: { announcedAt: "asc" },
    select: { organization: { select: { id: true, name: true } }, round: { select: { id: true, title: true } } },
  });
  const round = announced.round!;
  await page.goto(`/orgs/${announced.organization.id}`);
  await expect(page.getByRole("heading", { level: 1, name: announced.organization.name })).toBeVisible();
  const grades = page.getByRole("main").getByRole("region", { name: "评估等级记录", exact: true });
  const link = grades.getByRole("link", { name: `${round.title}结果公告` });
  await expect(link).toHaveAttribute("href", `/rating/${round.id}`);
  await expect(grades.getByTestId("grades-source").getByRole("link")).toHaveAttribute("href", "/rating");
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: round.title })).toBeVisible();
  await expect(page.getByRole("link", { name: announced.organization.name }).first()).toBeVisible();

  // The demo organization's grade was entered by staff (no round): only the block's link.
  const demo = await prisma.organization.findUniqueOrThrow({
    where: { name: "江宁区阳光社会工作服务中心" },
    select: { id: true, grades: { select: { roundId: true } } },
  });
  expect(demo.grades.length).toBeGreaterThan(0);
  expect(demo.grades.every((g) => g.roundId === null)).toBe(true);
  await page.goto(`/orgs/${demo.id}`);
  const demoGrades = page.getByRole("main").getByRole("region", { name: "评估等级记录", exact: true });
  await expect(demoGrades.getByRole("listitem").first()).toBeVisible();
  await expect(demoGrades.getByRole("link")).toHaveCount(1);
  await expect(demoGrades.getByRole("link")).toHaveAttribute("href", "/rating");
});
