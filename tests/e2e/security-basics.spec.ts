import type { ConsoleMessage, Page } from "@playwright/test";
import { createUser, expect, test, TEST_PASSWORD } from "../playwright-utils";

/** Collects console errors and uncaught page errors for the life of the page. */
function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error" || message.type() === "warning")
      errors.push(`[console.${message.type()}] ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`[pageerror] ${error.message}`));
  return errors;
}

const cspErrors = (errors: string[]) => errors.filter((e) => /Content[- ]Security[- ]Policy|CSP/i.test(e));

/** Waits until Remix has hydrated the page, so clicks are handled by React, not by a native submit. */
async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const router = (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter;
    return router?.state.initialized === true;
  });
  await page.waitForLoadState("networkidle");
}

test.describe("security headers", () => {
  test("the login page sends a nonce-based CSP and anti-framing/sniffing headers", async ({ request }) => {
    const response = await request.get("/login");
    expect(response.status()).toBe(200);
    const headers = response.headers();

    const csp = headers["content-security-policy"];
    expect(csp).toBeTruthy();
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce, `no script nonce in: ${csp}`).toBeTruthy();
    const scriptSrc = /script-src ([^;]*)/.exec(csp)![1];
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-powered-by"]).toBeUndefined();

    // Every script in the page carries this response's nonce.
    const html = await response.text();
    const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scriptTags.length).toBeGreaterThan(0);
    for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);

    // A fresh nonce per response.
    const again = (await request.get("/login")).headers()["content-security-policy"];
    expect(again).not.toBe(csp);
  });

  test("/login and /signup load without CSP violations and the login form is hydrated", async ({ page }) => {
    const errors = watchErrors(page);

    const signup = await page.goto("/signup");
    expect(signup?.headers()["content-security-policy"]).toContain("'nonce-");
    await waitForHydration(page);

    const login = await page.goto("/login");
    expect(login?.status()).toBe(200);
    await waitForHydration(page);

    // Submitting the empty form shows the client-side error without any request.
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() !== "GET") posts.push(`${r.method()} ${r.url()}`);
    });
    let navigations = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("请填写电子邮箱")).toBeVisible();
    expect(posts).toEqual([]);
    expect(navigations).toBe(0);
    await expect(page).toHaveURL(/\/login$/);

    expect(cspErrors(errors), errors.join("\n")).toEqual([]);
    expect(
      errors.filter((e) => e.startsWith("[pageerror]")),
      errors.join("\n"),
    ).toEqual([]);
  });
});

test("an inline script without the nonce is blocked (and reported as a CSP violation)", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/login");
  await waitForHydration(page);
  // Playwright inserts a plain <script> element; the page's CSP must refuse to run it.
  await page.addScriptTag({ content: "window.__injected = true;" }).catch(() => undefined);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await expect.poll(() => cspErrors(errors).length).toBeGreaterThan(0);
});

test.describe("cross-site request refusal", () => {
  test("a POST to /login from another origin gets 403", async ({ request }) => {
    const user = await createUser({ role: "ADMIN" });
    const form = { email: user.email, password: TEST_PASSWORD };

    const crossOrigin = await request.post("/login", {
      form,
      headers: { Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(crossOrigin.status()).toBe(403);
    expect(crossOrigin.headers()["set-cookie"]).toBeUndefined();
    expect(await crossOrigin.text()).toContain("跨站请求已被拒绝");

    const crossSite = await request.post("/login", {
      form,
      headers: { "Sec-Fetch-Site": "cross-site" },
      maxRedirects: 0,
    });
    expect(crossSite.status()).toBe(403);

    const nullOrigin = await request.post("/login", { form, headers: { Origin: "null" }, maxRedirects: 0 });
    expect(nullOrigin.status()).toBe(403);

    // Remix's data endpoint is covered too.
    const data = await request.post("/login.data", {
      form,
      headers: { Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(data.status()).toBe(403);

    // The same request from our own origin is let through (and logs in).
    const baseURL = test.info().project.use.baseURL!;
    const sameOrigin = await request.post("/login", {
      form,
      headers: { Origin: new URL(baseURL).origin, "Sec-Fetch-Site": "same-origin" },
      maxRedirects: 0,
    });
    expect(sameOrigin.status()).toBe(302);
    expect(sameOrigin.headers()["location"]).toBe("/admin");
  });

  test("a POST to /login without an email field answers 400, not 500", async ({ request }) => {
    const response = await request.post("/login", { form: { password: "whatever1" }, maxRedirects: 0 });
    expect(response.status()).toBe(400);
  });
});

test.describe("session cookie", () => {
  test("logging in through the form sets an HttpOnly, SameSite=Lax session cookie", async ({ page }) => {
    const user = await createUser({ role: "ADMIN" });
    await page.goto("/login");
    await waitForHydration(page);
    await page.getByLabel("电子邮箱").fill(user.email);
    await page.getByLabel("密码").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/admin$/);

    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === "yimiao_session");
    expect(session, JSON.stringify(cookies)).toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe("Lax");
    expect(session!.path).toBe("/");
    // About 14 days, not a browser-session cookie and not forever.
    const days = (session!.expires * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13);
    expect(days).toBeLessThan(15);

    // Scripts in the page cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain("yimiao_session");
  });
});
