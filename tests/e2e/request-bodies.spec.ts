// Bodies the app cannot take are refused with a 4xx and a Chinese message
// (issue #18), and a refusal never leaves a keep-alive connection stuck.
import http from "node:http";
import { createUser, expect, test, TEST_PASSWORD } from "../playwright-utils";

const form = "application/x-www-form-urlencoded";

/** One raw request through a keep-alive agent: status, headers and text. */
function raw(
  baseURL: string,
  { path, headers, body, agent }: { path: string; headers: Record<string, string>; body: string; agent: http.Agent },
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const request = http.request(new URL(path, baseURL), { method: "POST", headers, agent }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

test("a body that is not a form is 415, a broken one 400, an oversized one 413 in Chinese", async ({ request }) => {
  const asText = await request.post("/login", { headers: { "Content-Type": "text/plain" }, data: "email=x" });
  expect(asText.status()).toBe(415);
  expect(await asText.text()).toContain("不支持的提交格式");

  const json = await request.post("/signup", { headers: { "Content-Type": "application/json" }, data: "{}" });
  expect(json.status()).toBe(415);

  const broken = await request.post("/login", {
    headers: { "Content-Type": "multipart/form-data; boundary=b" },
    data: '--b\r\nContent-Disposition: form-data; name="email"\r\n\r\nx',
  });
  expect(broken.status()).toBe(400);
  expect(await broken.text()).toContain("表单格式不正确");

  const huge = await request.post("/login", { headers: { "Content-Type": form }, data: "a=" + "x".repeat(2 << 20) });
  expect(huge.status()).toBe(413);
  expect(await huge.text()).toContain("提交的内容过大");
});

test("a refused body closes its connection, so the next request on it is not stuck", async ({ baseURL }) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const big = "a=" + "x".repeat(200 * 1024);
  // Refused before it is read: cross-site, and over the announced limit.
  const crossSite = await raw(baseURL!, {
    path: "/login",
    headers: { "Content-Type": form, Origin: "http://evil.example" },
    body: big,
    agent,
  });
  expect(crossSite.status).toBe(403);
  expect(crossSite.headers.connection).toBe("close");
  const started = Date.now();
  const health = await new Promise<number>((resolve, reject) => {
    http
      .get(new URL("/healthz", baseURL), { agent }, (r) => {
        r.resume();
        resolve(r.statusCode!);
      })
      .on("error", reject);
  });
  expect(health).toBe(200);
  expect(Date.now() - started).toBeLessThan(2000);
  agent.destroy();
});

test("logging in with a redirectTo holding an ideographic space lands on our own page, not a 500", async ({
  request,
}) => {
  const user = await createUser({ role: "REVIEWER" });
  const response = await request.post("/login", {
    headers: { "Content-Type": form },
    data: new URLSearchParams({
      email: user.email,
      password: TEST_PASSWORD,
      redirectTo: "/\u3000/evil.example",
    }).toString(),
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers()["location"]).toBe("/reviewer");
});
