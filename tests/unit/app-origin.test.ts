import { afterEach, expect, test } from "vitest";
import { appOrigin, appUrl } from "~/utils/app-origin.server";
import { prisma } from "~/utils/db.server";
import { createTestUser } from "./helpers/users";

afterEach(() => {
  delete process.env.APP_ORIGIN;
  delete process.env.PORT;
});

test("APP_ORIGIN is the origin of every absolute link", () => {
  process.env.APP_ORIGIN = "https://yimiao.example/some/path";
  expect(appOrigin()).toBe("https://yimiao.example");
  expect(appUrl("/reset-password/abc")).toBe("https://yimiao.example/reset-password/abc");
});

test("unset, it is the local address", () => {
  process.env.PORT = "4123";
  expect(appOrigin()).toBe("http://localhost:4123");
});

test("a non-http APP_ORIGIN is a configuration error", () => {
  process.env.APP_ORIGIN = "ftp://yimiao.example";
  expect(() => appOrigin()).toThrow();
});

test("POST /forgot-password with Host: evil.example stores a link on APP_ORIGIN", async () => {
  process.env.APP_ORIGIN = "https://yimiao.example";
  const user = await createTestUser({ role: "REVIEWER" });
  const { action } = await import("~/routes/_public.forgot-password");
  await action({
    request: new Request("http://evil.example/forgot-password", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Host: "evil.example" },
      body: new URLSearchParams({ email: user.email }),
    }),
    params: {},
    context: {},
  });
  const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: user.email }, select: { body: true } });
  expect(mail.body).toMatch(/https:\/\/yimiao\.example\/reset-password\/\S+/);
  expect(mail.body).not.toContain("evil.example");
});
