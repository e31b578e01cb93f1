// npm run bench: province-scale benchmark (issue #17). Builds (or reuses) data/bench/bench.db,
// builds the app, starts server.js on it, and loads each public page and a few staff pages
// with autocannon, beside a plain node:http server sending the same bytes in the same run.
// Prints req/s, p50, p97.5, p99, errors, the ratio to the static server and the peak memory
// per worker, then times the staff algorithms. Absolute numbers depend on the machine; read
// the ratios. BENCH_DURATION (s per page), BENCH_WARMUP (s of unmeasured load before each page),
// BENCH_CONNECTIONS, BENCH_ONLY (label filter),
// BENCH_REBUILD=1, BENCH_SKIP_BUILD=1, BENCH_WORKERS (server workers), BENCH_PAGES=0 (algorithms only).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import Database from "better-sqlite3";
import { parseShanghaiDayRange } from "~/modules/admin/date-range";
import { encodeCursor } from "~/utils/paging";
import { runAlgorithms } from "./algorithms";
import { buildBenchDb } from "./build-db";
import { makeRandom, searchTerms } from "./data";
import {
  CONNECTIONS,
  DURATION,
  measure,
  WARMUP,
  peakMemoryMb,
  resetPeakMemory,
  settle,
  snapshot,
  withStaticServer,
  type Load,
  type Measured,
} from "./load";

const DB_FILE = "data/bench/bench.db";
const OUT_DIR = process.env.REMIX_OUT_DIR ?? ".build-bench";
const SESSION_SECRET = "bench-session-secret";

async function freePort() {
  const net = await import("node:net");
  return new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startServer(port: number) {
  const child = spawn("node", ["server.js"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      INSECURE_COOKIES: "1",
      PORT: String(port),
      DATABASE_URL: `file:${DB_FILE}`,
      REMIX_OUT_DIR: OUT_DIR,
      SESSION_SECRET,
      APP_ORIGIN: `http://127.0.0.1:${port}`,
      ...(process.env.BENCH_WORKERS ? { WEB_CONCURRENCY: process.env.BENCH_WORKERS } : {}),
    },
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error("server did not start");
}

/** A signed-in staff cookie, minted like the login action does. */
async function staffCookie() {
  process.env.SESSION_SECRET = SESSION_SECRET;
  const db = new Database(DB_FILE);
  const adminId = db.prepare(`SELECT id FROM User WHERE email = 'admin@yimiao.demo'`).pluck().get() as string;
  const expires = new Date(Date.now() + 86_400_000);
  db.prepare(`INSERT OR REPLACE INTO Session (id, userId, expiresAt, createdAt) VALUES ('bench-session', ?, ?, ?)`).run(
    adminId,
    expires.toISOString().replace("Z", "+00:00"),
    new Date().toISOString().replace("Z", "+00:00"),
  );
  db.close();
  const { serializeSessionCookie } = await import("~/modules/auth/auth.server");
  return (await serializeSessionCookie("bench-session", expires)).split(";")[0]!;
}

function loads(base: string, cookie: string): Array<Load & { kind: "public" | "staff" }> {
  const db = new Database(DB_FILE, { readonly: true });
  const orgId = db.prepare(`SELECT id FROM Organization WHERE status = 'REGISTERED' LIMIT 1 OFFSET 5000`).pluck().get();
  // The cursors the page links of page 4,000 (directory) and 1,800 (audit range) carry
  // to the next page: the last row of that page (decision 023).
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const cursorOf = (row: { id: string; at: string }) =>
    encodeURIComponent(encodeCursor({ key: new Date(row.at).toISOString(), id: row.id }));
  const directoryCursor = cursorOf(
    db
      .prepare(
        `SELECT id, registeredAt AS at FROM Organization WHERE status = 'REGISTERED'
         ORDER BY registeredAt DESC, id DESC LIMIT 1 OFFSET ${4000 * 20 - 1}`,
      )
      .get() as { id: string; at: string },
  );
  const auditFrom = day(-400);
  const auditTo = day(-300);
  const auditRange = parseShanghaiDayRange(auditFrom, auditTo);
  const auditCursor = cursorOf(
    db
      .prepare(
        `SELECT id, createdAt AS at FROM AuditEvent WHERE createdAt >= ? AND createdAt < ?
         ORDER BY createdAt DESC, id DESC LIMIT 1 OFFSET ${1800 * 50 - 1}`,
      )
      .get(
        auditRange.gte!.toISOString().replace("Z", "+00:00"),
        auditRange.lt!.toISOString().replace("Z", "+00:00"),
      ) as { id: string; at: string },
  );
  // The order list's completed orders (decision 028: a range of (status, createdAt, id)), page 2,001.
  const completedOrdersCursor = cursorOf(
    db
      .prepare(
        `SELECT id, createdAt AS at FROM "Order" WHERE status = 'COMPLETED'
         ORDER BY createdAt DESC, id DESC LIMIT 1 OFFSET ${2000 * 20 - 1}`,
      )
      .get() as { id: string; at: string },
  );
  db.close();
  const terms = searchTerms(makeRandom(17), 400);
  let next = 0;
  const staff = { cookie };
  const pages: Array<Load & { kind: "public" | "staff" }> = [
    { kind: "public", label: "/", url: `${base}/` },
    { kind: "public", label: "/orgs", url: `${base}/orgs` },
    { kind: "public", label: "/orgs?q=社区", url: `${base}/orgs?q=${encodeURIComponent("社区")}` },
    { kind: "public", label: "/orgs?q=阳", url: `${base}/orgs?q=${encodeURIComponent("阳")}` },
    { kind: "public", label: "/orgs?q=(no match)", url: `${base}/orgs?q=${encodeURIComponent("龘齉爨")}` },
    { kind: "public", label: "/orgs?page=4000", url: `${base}/orgs?page=4000` },
    {
      kind: "public",
      label: "/orgs page 4,001 by its link (?after=)",
      url: `${base}/orgs?page=4001&after=${directoryCursor}`,
    },
    { kind: "public", label: "/orgs/:id", url: `${base}/orgs/${orgId}` },
    { kind: "public", label: "/products", url: `${base}/products` },
    { kind: "public", label: "/grants", url: `${base}/grants` },
    { kind: "public", label: "/inspection", url: `${base}/inspection` },
    { kind: "public", label: "/audit-chain", url: `${base}/audit-chain` },
    {
      kind: "public",
      label: "/orgs?q=(400 terms)",
      url: `${base}/orgs`,
      nextPath: () => `/orgs?q=${encodeURIComponent(terms[next++ % terms.length]!)}`,
      // Sent with a cookie, as a visitor with a cart is: the anonymous page cache answers only
      // requests without any, so no term is ever answered from it, even when the 400 repeat.
      headers: { cookie: "bench_visitor=1" },
    },
    { kind: "staff", label: "/admin", url: `${base}/admin`, headers: staff },
    { kind: "staff", label: "/admin/organizations", url: `${base}/admin/organizations`, headers: staff },
    {
      kind: "staff",
      label: "/admin/organizations?q=阳光",
      url: `${base}/admin/organizations?q=${encodeURIComponent("阳光")}`,
      headers: staff,
    },
    {
      kind: "staff",
      label: "/admin/audit (date range)",
      url: `${base}/admin/audit?from=${auditFrom}&to=${auditTo}`,
      headers: staff,
    },
    {
      kind: "staff",
      label: "/admin/audit (date range, page 1,801 by its link)",
      url: `${base}/admin/audit?from=${auditFrom}&to=${auditTo}&page=1801&after=${auditCursor}`,
      headers: staff,
    },
    {
      kind: "staff",
      label: "/admin/inspection/<last year>",
      url: `${base}/admin/inspection/${new Date().getFullYear() - 1}`,
      headers: staff,
    },
    { kind: "staff", label: "/admin/products", url: `${base}/admin/products?status=LISTED`, headers: staff },
    { kind: "staff", label: "/admin/orders", url: `${base}/admin/orders`, headers: staff },
    { kind: "staff", label: "/admin/orders?status=PAID", url: `${base}/admin/orders?status=PAID`, headers: staff },
    {
      kind: "staff",
      label: "/admin/orders?status=COMPLETED (page 2,001 by its link)",
      url: `${base}/admin/orders?status=COMPLETED&page=2001&after=${completedOrdersCursor}`,
      headers: staff,
    },
  ];
  const only = process.env.BENCH_ONLY;
  return only ? pages.filter((p) => p.label.includes(only)) : pages;
}

const ms = (n: number) => `${Math.round(n)} ms`;

function row(m: Measured, staticRps: number, kind = "", peakMb?: number) {
  const ratio = staticRps > 0 ? m.rps / staticRps : 0;
  const peak = peakMb == null ? "" : `${Math.round(peakMb)} MB`;
  return `| ${m.label} | ${kind} | ${Math.round(m.rps)} | ${ms(m.p50)} | ${ms(m.p975)} | ${ms(m.p99)} | ${m.errors} | ${m.non2xx} | ${ratio >= 0.1 ? ratio.toFixed(2) : `1/${Math.round(1 / Math.max(ratio, 1e-6))}`} | ${peak} |`;
}

async function main() {
  // Before anything imports the Prisma client (the staff cookie, the algorithms).
  process.env.DATABASE_URL = `file:${DB_FILE}`;
  const bench = buildBenchDb(DB_FILE, { rebuild: process.env.BENCH_REBUILD === "1" });
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    console.log("› Building the app…");
    execFileSync("npx", ["remix", "build"], {
      // esbuild deadlocks without a standard input of its own.
      stdio: ["inherit", "ignore", "inherit"],
      env: { ...process.env, REMIX_OUT_DIR: OUT_DIR },
    });
  }
  if (process.env.BENCH_PAGES === "0") {
    console.log((await runAlgorithms(bench)).join("\n"));
    return;
  }
  const port = await freePort();
  const server = await startServer(port);
  const lines: string[] = [];
  try {
    const base = `http://127.0.0.1:${port}`;
    const cookie = await staffCookie();
    const bytes = await snapshot(`${base}/orgs`);
    const staticRun = () => withStaticServer(bytes, (url) => measure({ label: "static server, same bytes", url }));
    console.log(
      `› Static yardstick, then ${CONNECTIONS} connections × ${DURATION} s per page (after ${WARMUP} s of warm-up)…`,
    );
    const before = await staticRun();
    const results: Array<{ m: Measured; kind: string; peakMb?: number }> = [];
    // The peak over the whole run: the largest of each page's, and of what came before the first.
    let runPeakMb = 0;
    for (const load of loads(base, cookie)) {
      await settle(base);
      runPeakMb = Math.max(runPeakMb, peakMemoryMb(server.pid!).peakMb);
      const perPage = resetPeakMemory(server.pid!);
      try {
        await snapshot(load.nextPath ? `${base}${load.nextPath()}` : load.url, load.headers); // warm and check 200
        const m = await measure(load);
        const pagePeakMb = peakMemoryMb(server.pid!).peakMb;
        runPeakMb = Math.max(runPeakMb, pagePeakMb);
        results.push({ m, kind: load.kind, peakMb: perPage ? pagePeakMb : undefined });
        console.log(
          `  ${load.label}: ${Math.round(m.rps)} req/s, p97.5 ${ms(m.p975)}, errors ${m.errors}, non-2xx ${m.non2xx}`,
        );
      } catch (error) {
        console.log(`  ${load.label}: FAILED (${String(error)})`);
        const failed = { label: `${load.label} (failed: no answer within 120 s)`, rps: 0, p50: 0, p975: 0, p99: 0 };
        results.push({ m: { ...failed, errors: 1, non2xx: 0, total: 0 }, kind: load.kind });
      }
    }
    await settle(base);
    const after = await staticRun();
    const staticRps = (before.rps + after.rps) / 2;
    const memory = peakMemoryMb(server.pid!);
    memory.peakMb = Math.max(memory.peakMb, runPeakMb);
    lines.push(
      `${CONNECTIONS} connections, ${DURATION} s per page after ${WARMUP} s of warm-up, ${memory.workers} worker(s); static yardstick before ${Math.round(before.rps)} and after ${Math.round(after.rps)} req/s.`,
      "",
      "| page | kind | req/s | p50 | p97.5 | p99 | errors | non-2xx | ratio to static | peak memory per worker |",
      "|---|---|---|---|---|---|---|---|---|---|",
      row({ ...before, rps: staticRps, label: "static server, same bytes (mean)" }, staticRps),
      ...results.map(({ m, kind, peakMb }) => row(m, staticRps, kind, peakMb)),
      "",
      `Peak memory (VmHWM) per worker: ${memory.peakMb.toFixed(0)} MB${memory.primaryMb ? `; primary ${memory.primaryMb.toFixed(0)} MB` : ""}.`,
    );
  } finally {
    server.kill();
  }
  if (!process.env.BENCH_ONLY) lines.push("", ...(await runAlgorithms(bench)));
  const report = lines.join("\n");
  console.log(`\n${report}`);
  fs.writeFileSync("data/bench/latest.md", `${report}\n`);
}

await main();
