// The demo is alive on any date (#16): two demo databases seeded for days a year
// apart, each served by its own server whose clock starts on that day
// (tests/support/fake-clock.mjs). On both, the public call list shows a call in
// each of 申报中, 专家评审 and 公示, and the demo expert has tasks not yet overdue; the funded
// projects are public in each phase of the cycle (执行中, 已结项, 已终止) and the demo expert
// has a mid-term evaluation to score; last year's recommended directory is in force, with a removal.
import { spawn, type ChildProcess, execFile } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./axe";
// prisma/seed.ts DEMO_PASSWORD (importing the seed would run it)
const DEMO_PASSWORD = "Yimiao2026";

const DAYS = ["2027-06-20", "2028-06-20"];
const run = promisify(execFile);
const tag = process.env.E2E_TAG ?? "main";
const clock = path.resolve("tests/support/fake-clock.mjs");

type Server = { day: string; url: string; process: ChildProcess };
const servers: Server[] = [];

function freePort() {
  return new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function envFor(day: string, port: number): NodeJS.ProcessEnv & { DATABASE_URL: string; UPLOAD_DIR: string } {
  const base = `tests/.data/e2e-${tag}-day-${day}`;
  return {
    ...process.env,
    DATABASE_URL: `file:./${base}.db`,
    UPLOAD_DIR: `${base}-uploads`,
    SEED_TODAY: day,
    FAKE_NOW: `${day}T09:30:00+08:00`,
    NODE_OPTIONS: `--import ${clock}`,
    PORT: String(port),
    NODE_ENV: "production" as const,
    INSECURE_COOKIES: "1",
  };
}

async function waitForHealth(url: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not start`);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await Promise.all(
    DAYS.map(async (day) => {
      const port = await freePort();
      const env = envFor(day, port);
      const db = env.DATABASE_URL.replace(/^file:/, "");
      await run("rm", ["-rf", db, `${db}-wal`, `${db}-shm`, env.UPLOAD_DIR]);
      await run("npx", ["tsx", "scripts/setup-db.ts"], { env, maxBuffer: 10 * 1024 * 1024 });
      const server = spawn(process.execPath, ["server.js"], { env, stdio: "ignore" });
      const url = `http://localhost:${port}`;
      servers.push({ day, url, process: server });
      await waitForHealth(url);
    }),
  );
});

test.afterAll(() => {
  for (const s of servers) s.process.kill();
});

for (const day of DAYS) {
  test(`on ${day} the demo has a call in each phase and the expert has tasks due`, async ({ page }) => {
    const server = servers.find((s) => s.day === day)!;
    await page.clock.install({ time: new Date(`${day}T09:30:00+08:00`) });

    await page.goto(`${server.url}/grants`);
    const main = page.getByRole("main");
    for (const phase of ["申报中", "专家评审", "公示"]) {
      await expect(main.getByText(phase, { exact: true }).first()).toBeVisible();
    }

    await expectNoSeriousA11yIssues(page);

    await page.goto(`${server.url}/projects`);
    for (const stage of ["执行中", "已结项", "已终止"]) {
      await expect(main.locator('[data-testid^="project-"]').filter({ hasText: stage }).first()).toBeVisible();
    }

    // The recommended directory: last year's edition in force, one organization removed during the year.
    await page.goto(`${server.url}/directory`);
    await expect(
      page.getByRole("heading", { level: 1, name: `${Number(day.slice(0, 4)) - 1}年度政府购买服务推荐性目录` }),
    ).toBeVisible();
    await expect(page.getByTestId("removed-list")).toContainText("原因：行政处罚：");

    await page.goto(`${server.url}/login`);
    await page.getByLabel("电子邮箱").fill("expert@yimiao.demo");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/reviewer/);
    await page.goto(`${server.url}/reviewer/reviews`);
    await expect(page.getByTestId("review-task").first()).toBeVisible();
    await expect(page.getByTestId("review-status").filter({ hasText: "待评审" }).first()).toBeVisible();
    await expect(page.getByTestId("review-task").filter({ hasText: "中期评估" }).first()).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText("已逾期");
    await expectNoSeriousA11yIssues(page);
  });
}
