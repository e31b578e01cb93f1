// axe on the main pages of every role (#16), as the demo accounts see them.
import { prisma } from "~/utils/db.server";
import { loginAs, test } from "../playwright-utils";
import { expectNoSeriousA11yIssues } from "./axe";

const PAGES: Record<string, string[]> = {
  anonymous: [
    "/",
    "/orgs",
    "/incubation",
    "/grants",
    "/products",
    "/inspection",
    "/login",
    "/signup",
    "/orders/lookup",
    "/cart",
    "/audit-chain",
  ],
  "admin@yimiao.demo": [
    "/admin",
    "/admin/users",
    "/admin/organizations",
    "/admin/registrations",
    "/admin/inspection",
    "/admin/inspection/rectifications",
    "/admin/incubation",
    "/admin/grants",
    "/admin/products",
    "/admin/orders",
    "/admin/audit",
    "/admin/rules",
  ],
  "org@yimiao.demo": [
    "/org",
    "/org/profile",
    "/org/documents",
    "/org/inspection",
    "/org/grants",
    "/org/products",
    "/org/orders",
  ],
  "expert@yimiao.demo": ["/reviewer", "/reviewer/reviews"],
};

for (const [who, paths] of Object.entries(PAGES)) {
  test(`no serious accessibility findings on the pages of ${who}`, async ({ page }) => {
    test.setTimeout(120_000);
    if (who !== "anonymous") {
      const user = await prisma.user.findUniqueOrThrow({ where: { email: who }, select: { id: true } });
      await loginAs(page, user.id);
    }
    for (const path of paths) {
      await page.goto(path);
      await expectNoSeriousA11yIssues(page);
    }
  });
}
