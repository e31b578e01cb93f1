import crypto from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { hashPassword, serializeSessionCookie, SESSION_DAYS } from "~/modules/auth/auth.server";
import type { Role } from "~/modules/auth/roles";
import { prisma } from "~/utils/db.server";
import { checkVisitedPages } from "./e2e/axe";

export { expect };

export const TEST_PASSWORD = "Test1234pass";

function uniqueSuffix() {
  return crypto.randomBytes(4).toString("hex");
}

/** A mainland mobile number that is unique enough for one test run. */
export function randomMobile() {
  return `139${String(crypto.randomInt(0, 1e8)).padStart(8, "0")}`;
}

type NewUser = { role: Role; name?: string; email?: string; password?: string; organizationName?: string };

/** Creates a user (and, for members, an organization) straight in the test database. */
export async function createUser({ role, name, email, password = TEST_PASSWORD, organizationName }: NewUser) {
  const suffix = uniqueSuffix();
  const user = await prisma.user.create({
    data: {
      email: email ?? `${role.toLowerCase()}-${suffix}@test.yimiao.local`,
      name: name ?? `测试用户${suffix.slice(0, 4)}`,
      role,
      phone: randomMobile(),
      password: { create: { hash: await hashPassword(password) } },
      ...(role === "REVIEWER" ? { reviewerProfile: { create: { expertiseTags: '["为老"]' } } } : {}),
    },
    select: { id: true, email: true, name: true, role: true },
  });
  let organizationId: string | null = null;
  if (role === "ORG_MEMBER") {
    const org = await prisma.organization.create({
      data: {
        name: organizationName ?? `测试社会工作服务中心${suffix}`,
        type: "SOCIAL_SERVICE",
        memberships: { create: { userId: user.id, role: "OWNER" } },
      },
      select: { id: true },
    });
    organizationId = org.id;
  }
  return { ...user, organizationId, password };
}

/** Logs in by writing a session row and setting its cookie, without the login form. */
export async function loginAs(page: Page, userId: string) {
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  const session = await prisma.session.create({ data: { userId, expiresAt }, select: { id: true } });
  const setCookie = await serializeSessionCookie(session.id, expiresAt);
  const [pair] = setCookie.split(";");
  const eq = pair!.indexOf("=");
  const baseURL = test.info().project.use.baseURL!;
  await page.context().addCookies([
    {
      name: pair!.slice(0, eq),
      value: pair!.slice(eq + 1),
      url: baseURL,
      httpOnly: true,
      sameSite: "Lax",
      expires: Math.floor(expiresAt.getTime() / 1000),
    },
  ]);
}

type Fixtures = {
  /** Creates a user of the role and logs the page in as them. */
  login: (input: NewUser) => Promise<Awaited<ReturnType<typeof createUser>>>;
  /** axe on every page the test's page visits (#16 item 7): automatic, each page pattern once a run. */
  a11yOfVisitedPages: void;
};

export const test = base.extend<Fixtures>({
  a11yOfVisitedPages: [
    async ({ page }, use, testInfo) => {
      const origin = new URL(testInfo.project.use.baseURL!).origin;
      const visited: string[] = [];
      page.on("framenavigated", (frame) => {
        if (frame === page.mainFrame() && frame.url().startsWith(origin)) visited.push(frame.url());
      });
      await use();
      // A failed journey's pages are not checked: its own failure is the news.
      if (testInfo.status !== testInfo.expectedStatus || page.isClosed()) return;
      await checkVisitedPages(page, visited);
    },
    // Its own time, so checking a long journey's pages never eats the journey's timeout.
    { auto: true, timeout: 120_000 },
  ],
  login: async ({ page }, use) => {
    await use(async (input) => {
      const user = await createUser(input);
      await loginAs(page, user.id);
      return user;
    });
  },
});
