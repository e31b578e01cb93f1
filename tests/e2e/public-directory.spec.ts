import { gradeValidity } from "~/modules/registry/grade";
import { prisma } from "~/utils/db.server";
import { expect, test } from "../playwright-utils";
import { createRegisteredOrg } from "./registry-helpers";

// These tests read the seeded demo data (only the grade test adds an
// organization of its own). Other journeys may register organizations while
// these run, so figures are recounted and the page reloaded until they agree.

const PUBLIC_STATUSES = ["REGISTERED", "DEREGISTERED", "REVOKED"];

function shown(n: number) {
  return n.toLocaleString("en-US");
}

function thisYearStartInShanghai() {
  const year = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date());
  return new Date(`${year}-01-01T00:00:00+08:00`);
}

test("the home page shows real figures from the database", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "益苗" })).toBeVisible();
  await expect(async () => {
    const [registered, thisYear, reviewers, foundations, community] = await Promise.all([
      prisma.organization.count({ where: { status: "REGISTERED" } }),
      prisma.organization.count({
        where: { status: { in: PUBLIC_STATUSES }, registeredAt: { gte: thisYearStartInShanghai(), lte: new Date() } },
      }),
      prisma.user.count({ where: { role: "REVIEWER", status: "ACTIVE" } }),
      prisma.organization.count({ where: { status: "REGISTERED", type: "FOUNDATION" } }),
      prisma.organization.count({ where: { status: "REGISTERED", type: "COMMUNITY" } }),
    ]);
    // The demo data must make these figures meaningful.
    expect(registered).toBeGreaterThan(40);
    expect(reviewers).toBeGreaterThan(1);

    await page.reload();
    await expect(page.getByTestId("stat-registered")).toHaveText(shown(registered), { timeout: 1_000 });
    await expect(page.getByTestId("stat-this-year")).toHaveText(shown(thisYear), { timeout: 1_000 });
    await expect(page.getByTestId("stat-reviewers")).toHaveText(shown(reviewers), { timeout: 1_000 });
    await expect(page.getByTestId("stat-type-FOUNDATION")).toHaveText(shown(foundations), { timeout: 1_000 });
    await expect(page.getByTestId("stat-type-COMMUNITY")).toHaveText(shown(community), { timeout: 1_000 });

    // The newest registration is listed first and links to its directory page.
    const newest = await prisma.organization.findFirstOrThrow({
      where: { status: "REGISTERED" },
      orderBy: [{ registeredAt: "desc" }, { name: "asc" }],
      select: { id: true, name: true },
    });
    const first = page.getByTestId("recent-orgs").getByRole("link").first();
    await expect(first).toHaveText(newest.name, { timeout: 1_000 });
    await expect(first).toHaveAttribute("href", `/orgs/${newest.id}`, { timeout: 1_000 });
  }).toPass();

  // Entry points.
  await expect(page.getByRole("main").getByRole("link", { name: "机构注册" })).toHaveAttribute("href", "/signup");
  await expect(page.getByRole("main").getByRole("link", { name: "登录" })).toHaveAttribute("href", "/login");
});

test("a visitor finds an organization by name and by USCC and sees only its registered information", async ({
  page,
}) => {
  const org = await prisma.organization.findUniqueOrThrow({
    where: { name: "江宁区慈善基金会" },
    select: {
      id: true,
      name: true,
      uscc: true,
      legalRepresentative: true,
      purpose: true,
      address: true,
      contactPhone: true,
      contactEmail: true,
    },
  });
  expect(org.uscc).toMatch(/^53320115/);
  expect(org.contactPhone).toBeTruthy();

  await page.goto("/");
  await page.getByRole("main").getByRole("link", { name: "查询社会组织名录" }).click();
  await expect(page).toHaveURL(/\/orgs$/);
  await expect(page.getByRole("heading", { level: 1, name: "社会组织名录" })).toBeVisible();

  // Search by part of the name: every registered match, and only those.
  const byName = await prisma.organization.count({ where: { status: "REGISTERED", name: { contains: "基金会" } } });
  await page.getByLabel("名称或统一社会信用代码").fill("基金会");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/[?&]q=%E5%9F%BA%E9%87%91%E4%BC%9A/);
  await expect(page.getByTestId("directory-count")).toHaveText(`共找到 ${byName} 家社会组织`);
  const list = page.getByRole("list", { name: "社会组织列表" });
  await expect(list.getByRole("listitem")).toHaveCount(byName);
  await expect(list.getByRole("link", { name: org.name })).toBeVisible();
  for (const name of await list.getByRole("link").allTextContents()) expect(name).toContain("基金会");

  // Search by the exact code, typed in lower case with spaces.
  await page.getByLabel("名称或统一社会信用代码").fill(` ${org.uscc!.toLowerCase()} `);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("directory-count")).toHaveText("共找到 1 家社会组织");
  await list.getByRole("link", { name: org.name }).click();

  await expect(page).toHaveURL(`/orgs/${org.id}`);
  await expect(page.getByRole("heading", { level: 1, name: org.name })).toBeVisible();
  await expect(page.getByTestId("org-uscc")).toHaveText(org.uscc!);
  const info = page.getByRole("region", { name: "登记信息" });
  await expect(info).toContainText("基金会");
  await expect(info).toContainText(org.legalRepresentative!);
  await expect(info).toContainText(org.purpose!);
  await expect(info).toContainText(org.address!);
  await expect(info).toContainText("原始基金");
  await expect(info).toContainText("¥10,000,000.00");
  await expect(info).toContainText("正常");

  // Contact details are private: not on the page, and not in the data the server
  // sends for it, neither in the full document nor in the client-navigation payload.
  const rendered = await page.content();
  const documentBody = await (await page.request.get(`/orgs/${org.id}`)).text();
  const dataResponse = await page.request.get(`/orgs/${org.id}.data`);
  expect(dataResponse.ok()).toBe(true);
  const dataBody = await dataResponse.text();
  for (const body of [rendered, documentBody, dataBody]) {
    expect(body).toContain(org.name);
    expect(body).toContain(org.uscc!);
    expect(body).not.toContain(org.contactPhone!);
    expect(body).not.toContain(org.contactEmail!);
  }
});

test("filters, sorting and paging keep the query in the URL", async ({ page }) => {
  await page.goto("/orgs");
  await page.getByLabel("类型").selectOption("SOCIAL_GROUP");
  await page.getByLabel("排序").selectOption("name");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/type=SOCIAL_GROUP/);
  // Other specs register organizations meanwhile: count and reload together until they agree.
  await expect(async () => {
    const registeredGroups = await prisma.organization.count({ where: { status: "REGISTERED", type: "SOCIAL_GROUP" } });
    await page.reload();
    await expect(page.getByTestId("directory-count")).toHaveText(`共找到 ${shown(registeredGroups)} 家社会组织`, {
      timeout: 1_000,
    });
  }).toPass();
  const names = await page.getByRole("list", { name: "社会组织列表" }).getByRole("link").allTextContents();
  expect(names).toEqual([...names].sort());

  // One area of activity: the options are the division codes in use, named.
  const areaCount = await prisma.organization.count({ where: { status: "REGISTERED", areaCode: "320115" } });
  await page.goto("/orgs");
  await expect(page.getByLabel("活动地域").locator('option[value="320115"]')).toHaveText(/^.*江宁区.*（320115）$/);
  await page.getByLabel("活动地域").selectOption("320115");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/area=320115/);
  await expect(async () => {
    const now = await prisma.organization.count({ where: { status: "REGISTERED", areaCode: "320115" } });
    await page.reload();
    await expect(page.getByTestId("directory-count")).toHaveText(`共找到 ${shown(now)} 家社会组织`, { timeout: 1_000 });
  }).toPass();
  expect(areaCount).toBeGreaterThan(40);

  // All public statuses, across two pages of 20.
  await page.goto("/orgs?status=ALL");
  await expect(async () => {
    const allPublic = await prisma.organization.count({ where: { status: { in: PUBLIC_STATUSES } } });
    expect(allPublic).toBeGreaterThan(20);
    await page.reload();
    await expect(page.getByTestId("directory-count")).toHaveText(`共找到 ${shown(allPublic)} 家社会组织`, {
      timeout: 1_000,
    });
  }).toPass();
  const firstPage = await page.getByRole("list", { name: "社会组织列表" }).getByRole("link").allTextContents();
  expect(firstPage).toHaveLength(20);
  await page.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/status=ALL/);
  await expect(page).toHaveURL(/page=2/);
  const secondPage = await page.getByRole("list", { name: "社会组织列表" }).getByRole("link").allTextContents();
  expect(secondPage).toHaveLength(20);
  expect(secondPage.some((name) => firstPage.includes(name))).toBe(false);

  // A deregistered organization is not in the default (正常) list but is with 全部.
  const deregistered = await prisma.organization.findFirstOrThrow({
    where: { status: "DEREGISTERED" },
    select: { name: true },
  });
  await page.goto(`/orgs?q=${encodeURIComponent(deregistered.name)}`);
  await expect(page.getByTestId("directory-count")).toHaveText("共找到 0 家社会组织");
  await page.goto(`/orgs?status=ALL&q=${encodeURIComponent(deregistered.name)}`);
  await expect(page.getByRole("list", { name: "社会组织列表" }).getByRole("listitem")).toContainText(["已注销"]);
});

test("a visitor filters and sorts by rating grade and sees the grade in force with its validity", async ({ page }) => {
  // A grade announced last year is in force this year (1 January after the announcement).
  const year = Number(
    new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()),
  );
  const announcedAt = new Date(`${year - 1}-11-20T00:00:00+08:00`);
  const org = await createRegisteredOrg("江宁区评级公示测试服务中心");
  await prisma.organizationGrade.create({
    data: { organizationId: org.id, grade: 4, announcedAt, ...gradeValidity(announcedAt) },
  });
  await prisma.organization.update({ where: { id: org.id }, data: { currentGrade: 4 } });

  await page.goto("/orgs");
  await page.getByLabel("评估等级").selectOption({ label: "4A" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/grade=4/);
  const list = page.getByRole("list", { name: "社会组织列表" });
  await expect(async () => {
    const graded = await prisma.organization.count({ where: { status: "REGISTERED", currentGrade: 4 } });
    await page.reload();
    await expect(page.getByTestId("directory-count")).toHaveText(`共找到 ${shown(graded)} 家社会组织`, {
      timeout: 1_000,
    });
  }).toPass();
  const badges = await list.getByTestId("org-grade").allTextContents();
  expect(badges.length).toBeGreaterThan(0);
  expect(new Set(badges)).toEqual(new Set(["4A"]));

  // With the name too, it is the only one; its page shows the grade and validity.
  await page.getByLabel("名称或统一社会信用代码").fill(org.name);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("directory-count")).toHaveText("共找到 1 家社会组织");
  await list.getByRole("link", { name: org.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: org.name })).toBeVisible();
  await expect(page.getByTestId("org-grade")).toHaveText(`4A（有效期 ${year}年1月1日 至 ${year + 4}年12月31日）`);

  // Sorted by grade, the highest grades come first and ungraded organizations last.
  await page.goto("/orgs?sort=grade");
  const top = await prisma.organization.findFirstOrThrow({
    where: { status: "REGISTERED" },
    orderBy: { currentGrade: "desc" },
    select: { currentGrade: true },
  });
  await expect(list.getByRole("listitem").first().getByTestId("org-grade")).toHaveText(`${top.currentGrade}A`);
  const sortedBadges = (await list.getByTestId("org-grade").allTextContents()).map((b) => Number(b[0]));
  expect(sortedBadges).toEqual([...sortedBadges].sort((a, b) => b - a));
});

test("organizations still preparing are not public, and unknown ids are 404", async ({ page }) => {
  const preparing = await prisma.organization.findFirstOrThrow({
    where: { status: "PREPARING" },
    select: { id: true, name: true },
  });
  await page.goto(`/orgs?status=ALL&q=${encodeURIComponent(preparing.name)}`);
  await expect(page.getByTestId("directory-count")).toHaveText("共找到 0 家社会组织");

  const hidden = await page.goto(`/orgs/${preparing.id}`);
  expect(hidden?.status()).toBe(404);
  await expect(page.getByText("未找到该社会组织")).toBeVisible();

  const unknown = await page.goto("/orgs/no-such-organization");
  expect(unknown?.status()).toBe(404);
});

test("a mistyped USCC is pointed out", async ({ page }) => {
  const { uscc } = await prisma.organization.findUniqueOrThrow({
    where: { name: "江宁区老年协会" },
    select: { uscc: true },
  });
  const last = uscc!.at(-1) === "0" ? "1" : "0";
  const wrong = uscc!.slice(0, 17) + last;
  await page.goto(`/orgs?q=${wrong}`);
  await expect(page.getByRole("status")).toContainText("不是有效的统一社会信用代码");
  await expect(page.getByTestId("directory-count")).toHaveText("共找到 0 家社会组织");
});

test("the public pages fit a 375px phone screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const org = await prisma.organization.findFirstOrThrow({
    where: { status: "REGISTERED", type: "SOCIAL_SERVICE" },
    orderBy: { name: "asc" },
    select: { id: true },
  });
  for (const path of ["/", "/orgs", `/orgs/${org.id}`]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});
