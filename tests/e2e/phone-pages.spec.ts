// Phones (#16 item 5): every page a person reaches by links, as each role, fits a 375 px
// screen without scrolling sideways, and the lists people use on the go are cards with
// tap targets of at least 44 px. A bounded crawl per role from its home page, one visit
// per page pattern (tests/e2e/axe.ts pagePattern), with axe on each page it visits.
import type { Page } from "@playwright/test";
import { prisma } from "~/utils/db.server";
import { expect, loginAs, test } from "../playwright-utils";
import { isCheckablePath, pagePattern, seriousA11yIssues } from "./axe";

const WIDTH = 375;
/** Enough for every page pattern of a role with room to spare; bounds the crawl's time. */
const MAX_PATTERNS = 90;

type Role = { who: string; home: string; area: RegExp; lists: string[] };

// lists: page patterns whose list (DataTable) must be cards on a phone, with rows when the
// demo data gives it some.
const ROLES: Role[] = [
  { who: "anonymous", home: "/", area: /^\/(?!(admin|org|reviewer)(\/|$))/, lists: ["/inspection/:n", "/rating/:id"] },
  {
    who: "org@yimiao.demo",
    home: "/org",
    area: /^\/org(\/|$)/,
    lists: [
      "/org/grants",
      "/org/inspection",
      "/org/products",
      "/org/orders",
      "/org/documents",
      "/org/registration",
      "/org/rating",
      "/org/rating/certificates",
    ],
  },
  { who: "expert@yimiao.demo", home: "/reviewer", area: /^\/reviewer(\/|$)/, lists: ["/reviewer/reviews"] },
  {
    who: "admin@yimiao.demo",
    home: "/admin",
    area: /^\/admin(\/|$)/,
    lists: [
      "/admin",
      "/admin/registrations",
      "/admin/inspection/:n",
      "/admin/grants/:id/applications",
      "/admin/orders",
      "/admin/organizations",
      "/admin/incubation",
    ],
  },
];

/** Same-origin links of the page inside the role's area, without query or fragment. */
async function linksOf(page: Page, area: RegExp) {
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>("a[href]")].map((a) => a.getAttribute("href")!),
  );
  return hrefs
    .filter((href) => href.startsWith("/") && !href.startsWith("//"))
    .map((href) => href.split(/[?#]/)[0]!)
    .filter((path) => area.test(path) && isCheckablePath(path) && !/\.\w+$/.test(path));
}

/** How far the page reaches past the screen's right edge (0 when nothing scrolls sideways). */
function sidewaysOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** What makes the page's list (a DataTable in card layout) not a phone list: rows laid out as rows, or small targets. */
function cardProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const table = document.querySelector("main table.table-cards");
    if (!table) {
      if (document.querySelector("main table")) problems.push("is a table without a card layout");
      return { hasRows: false, problems };
    }
    const row = table.querySelector("tbody > tr");
    if (!row) return { hasRows: false, problems };
    if (getComputedStyle(row).display === "table-row") problems.push("its rows are table rows, not cards");
    for (const el of table.querySelectorAll<HTMLElement>("tbody a[href], tbody button, tbody select")) {
      const box = el.getBoundingClientRect();
      if (box.height > 1 && box.height < 44)
        problems.push(`“${el.textContent?.trim().slice(0, 20)}” is ${box.height}px high`);
    }
    return { hasRows: true, problems };
  });
}

for (const role of ROLES) {
  test(`every page ${role.who} reaches fits a ${WIDTH} px phone; lists are cards`, async ({ page }) => {
    test.setTimeout(600_000);
    await page.setViewportSize({ width: WIDTH, height: 800 });
    if (role.who !== "anonymous") {
      const user = await prisma.user.findUniqueOrThrow({ where: { email: role.who }, select: { id: true } });
      await loginAs(page, user.id);
    }
    const seen = new Set<string>([pagePattern(role.home)]);
    const queue = [role.home];
    const visited: string[] = [];
    const findings: string[] = [];
    const cardLists = new Set<string>();
    while (queue.length > 0 && visited.length < MAX_PATTERNS) {
      const path = queue.shift()!;
      const response = await page.goto(path).catch(() => null); // a download is no page
      if (!response?.ok() || !response.headers()["content-type"]?.startsWith("text/html")) continue;
      await page.waitForLoadState("load");
      const pattern = pagePattern(new URL(page.url()).pathname);
      visited.push(pattern);
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) findings.push(`${path}: scrolls ${overflow}px sideways`);
      if (role.lists.includes(pattern)) {
        const { hasRows, problems } = await cardProblems(page);
        if (hasRows) cardLists.add(pattern);
        findings.push(...problems.map((p) => `${path}: the list ${p}`));
      }
      findings.push(...(await seriousA11yIssues(page)).map((issue) => `${path}: axe ${issue}`));
      for (const link of await linksOf(page, role.area)) {
        const linkPattern = pagePattern(link);
        if (!seen.has(linkPattern)) {
          seen.add(linkPattern);
          queue.push(link);
        }
      }
    }
    expect(findings, `pages visited: ${visited.join(" ")}`).toEqual([]);
    // The crawl reached the role's lists, and found them as cards.
    for (const list of role.lists) expect(visited, `the crawl reaches ${list}`).toContain(list);
    if (role.lists.length)
      expect(cardLists.size, "lists with rows in the demo data").toBeGreaterThan(role.lists.length / 2);
  });
}
