import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The browser tests run against their own database and upload folder, so the
// demo database in data/ is never touched. Workers inherit these variables.
// E2E_TAG keeps parallel runs (e.g. two developers in one checkout) apart.
const tag = process.env.E2E_TAG ?? "main";
process.env.DATABASE_URL = `file:./tests/.data/e2e-${tag}.db`;
process.env.UPLOAD_DIR = `tests/.data/e2e-uploads-${tag}`;
process.env.SESSION_SECRET = "e2e-session-secret-not-for-production";
// One id per run, set in the runner and inherited by its workers: the automatic axe check
// (tests/e2e/axe.ts) checks each page pattern once in the run. A new run clears the last ones.
if (!process.env.E2E_RUN_ID) {
  process.env.E2E_RUN_ID = String(Date.now());
  for (const dir of fs.existsSync("tests/.data") ? fs.readdirSync("tests/.data") : []) {
    if (dir.startsWith(`axe-${tag}-`)) fs.rmSync(`tests/.data/${dir}`, { recursive: true, force: true });
  }
}
process.env.PLAYWRIGHT_PORT ??= execFileSync(process.execPath, [
  "-e",
  "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
])
  .toString()
  .trim();

const port = Number(process.env.PLAYWRIGHT_PORT);
// Fixed per run so the app server (started before any spec) knows where the stand-in listens.
process.env.STRIPE_STANDIN_PORT ??= "12111";

export default defineConfig({
  testDir: "./tests/e2e",
  outputDir: `test-results/${tag}`,
  // Multi-role journeys take 10–15 s alone but over 30 s when the 2 shared cores are busy
  // (seen in CI at load 20+); 60 s still stops a hung test well inside the run's budget.
  timeout: 60_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI
    ? [["list"]]
    : [["list"], ["html", { open: "never", outputFolder: `playwright-report/${tag}` }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: `http://localhost:${port}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      // Links in mail and Stripe return URLs are built from this, never from the Host header.
      APP_ORIGIN: `http://localhost:${port}`,
      NODE_ENV: "production",
      INSECURE_COOKIES: "1",
      DATABASE_URL: process.env.DATABASE_URL,
      UPLOAD_DIR: process.env.UPLOAD_DIR,
      SESSION_SECRET: process.env.SESSION_SECRET,
      // Online payment talks to the Stripe stand-in (tests/support/stripe-stand-in.ts) that the
      // showroom specs start on this port; checkout still defaults to offline payment.
      STRIPE_SECRET_KEY: "sk_test_standin",
      STRIPE_WEBHOOK_SECRET: "whsec_standin",
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_API_PORT: process.env.STRIPE_STANDIN_PORT,
      STRIPE_API_PROTOCOL: "http",
      ...(process.env.REMIX_OUT_DIR ? { REMIX_OUT_DIR: process.env.REMIX_OUT_DIR } : {}),
    },
  },
});
