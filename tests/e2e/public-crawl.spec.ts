// Every public page is reachable by links from the home page (#16): a bounded crawl
// from / follows same-origin links as an anonymous visitor and must reach every route
// pattern of app/routes/_public.*, except the pages only a secret link or a
// purchase leads to (listed with why).
import fs from "node:fs";
import { expect, test } from "../playwright-utils";

const MAX_PAGES = 400;

/** Pages no public link may lead to, by route file. */
const NOT_LINKED: Record<string, string> = {
  "_public.reset-password.$token": "opened from the reset e-mail",
  "_public.grants.objections.$token": "the objector's secret link, shown once after filing",
  "_public.grants.evaluation-objections.$token": "the objector's secret link to an evaluation objection",
  "_public.directory.objections.$token": "the objector's secret link to a directory objection",
  "_public.directory.$editionId_.objection":
    "the directory's objection form, linked from its publicity page only while the proposed list is in publicity (the demo's editions are open or published)",
  "_public.orders.$orderNo.success": "reached by paying for an order",
  "_public.checkout": "reached from a cart with something in it",
  "_public.notifications": "a signed-in person's notifications",
};

/** "_public.grants.$callId_.objection" → /^\/grants\/[^/]+\/objection$/ */
function routePattern(route: string) {
  const segments = route
    .replace(/^_public\.?/, "")
    .split(".")
    .filter((s) => s !== "_index" && s !== "")
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s.startsWith("$") ? "[^/]+" : s.replace(/[-]/g, "\\-")));
  return new RegExp(`^/${segments.join("/")}$`);
}

function publicRoutes() {
  return fs
    .readdirSync("app/routes")
    .filter((name) => name.startsWith("_public.") && !name.endsWith(".test.tsx"))
    .map((name) => name.replace(/\.tsx$/, ""))
    .filter((name) => !(name in NOT_LINKED));
}

function linksOf(html: string) {
  return [...html.matchAll(/href="([^"]+)"/g)]
    .map((m) => m[1]!.replace(/&amp;/g, "&"))
    .filter((href) => href.startsWith("/") && !href.startsWith("//"))
    .map((href) => href.split(/[?#]/)[0]!)
    .filter((path) => !/^\/(build|files|admin|org|reviewer|logout)(\/|$)/.test(path) && !/\.\w+$/.test(path));
}

test("a crawl from the home page reaches every public page", async ({ request }) => {
  test.setTimeout(180_000);
  const seen = new Set<string>(["/"]);
  const queue = ["/"];
  while (queue.length > 0 && seen.size <= MAX_PAGES) {
    const path = queue.shift()!;
    const response = await request.get(path);
    if (!response.ok() || !(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    for (const link of linksOf(await response.text())) {
      if (!seen.has(link)) {
        seen.add(link);
        queue.push(link);
      }
    }
  }
  const missed = publicRoutes().filter((route) => ![...seen].some((path) => routePattern(route).test(path)));
  expect(missed).toEqual([]);
});
