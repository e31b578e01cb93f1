// Absolute links come from APP_ORIGIN, never from the request's Host header,
// and the same-origin check compares scheme and host without trusting
// X-Forwarded-* when no proxy is configured (issue #18 item 6).
import http from "node:http";
import { prisma } from "~/utils/db.server";
import { createUser, expect, test } from "../playwright-utils";

function post(baseURL: string, path: string, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(
      new URL(path, baseURL),
      { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, text }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

test("a reset asked for with Host: evil.example mails a link on APP_ORIGIN", async ({ baseURL }) => {
  const user = await createUser({ role: "REVIEWER" });
  const response = await post(
    baseURL!,
    "/forgot-password",
    { Host: "evil.example", Origin: "http://evil.example" },
    new URLSearchParams({ email: user.email }).toString(),
  );
  expect(response.status).toBeLessThan(400);
  const mail = await prisma.outboxEmail.findFirstOrThrow({
    where: { to: user.email },
    orderBy: { createdAt: "desc" },
    select: { body: true },
  });
  const link = mail.body.match(/https?:\/\/\S+\/reset-password\/\S+/)![0];
  expect(new URL(link).origin).toBe(new URL(baseURL!).origin);
  expect(mail.body).not.toContain("evil.example");
});

test("the same-origin check compares the scheme and ignores X-Forwarded-Host without TRUST_PROXY", async ({
  baseURL,
}) => {
  const host = new URL(baseURL!).host;
  const otherScheme = await post(baseURL!, "/login", { Origin: `https://${host}` }, "email=a");
  expect(otherScheme.status).toBe(403);
  expect(otherScheme.text).toContain("跨站请求已被拒绝");

  const forwarded = await post(
    baseURL!,
    "/login",
    { Origin: "http://evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "http" },
    "email=a",
  );
  expect(forwarded.status).toBe(403);

  const same = await post(baseURL!, "/login", { Origin: `http://${host}` }, "email=a");
  expect(same.status).toBe(400);
});
