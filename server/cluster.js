// One worker per core (issue #17 item 4). The primary only forks and restarts workers;
// every worker runs the whole app on the same port (node:cluster shares the socket) and
// opens its own SQLite connection (WAL: readers in every worker, writes one at a time
// under BEGIN IMMEDIATE and the busy timeout, app/utils/db.server.ts). The app keeps no
// state a worker must share: rate limits and lockouts are rows in the database, caches are
// per worker and dropped on any committed write (app/utils/short-cache.server.ts), and
// there is no scheduler. WEB_CONCURRENCY sets the number of workers (1: no cluster).
import cluster from "node:cluster";
import os from "node:os";

// V8 flags of every worker (decision 029, 032). Under load a worker's live heap is about 50 MB,
// but V8 lets the old generation grow to several times what survived the last full
// collection before it collects again (a factor of up to 4, chosen from its own speed
// measurements), so a worker's heap reached 200-260 MB of mostly garbage and its resident
// memory 320-390 MB. `--heap-growing-percent=50` fixes that factor at 1.5: the heap stays
// near 80-110 MB, the peak near 230 MB, and full collections cost about 0.01 ms more per
// cached page and 0.5 ms more per staff page (measured with one worker on the benchmark
// database, decision 032). The young generation's semi-spaces are 16 MB: with up to 16
// requests rendering at once, a smaller one is scavenged several times during a request and
// promotes its garbage (8 MB cost 7-15 % of the throughput of every uncached page, decision
// 032 "Revisited"). MALLOC_ARENA_MAX=2 keeps glibc from giving every allocating thread an
// arena whose freed pages stay resident; that and SQLite's 4 MB cache (db.server.ts) pay for it.
// No `--max-old-space-size`: a cap turns a large legitimate request into a crashed worker.
// Flags on the primary's command line come later and win.
const WORKER_V8_FLAGS = ["--max-semi-space-size=16", "--heap-growing-percent=50"];

const WORKER_ENV = { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2" };

export function workerCount() {
  const configured = Number(process.env.WEB_CONCURRENCY);
  return Number.isInteger(configured) && configured > 0 ? configured : os.availableParallelism();
}

/** In the primary of a cluster: forks the workers and returns true; in a worker or alone: false. */
export function runPrimary() {
  const count = workerCount();
  if (count <= 1 || !cluster.isPrimary) return false;
  let stopping = false;
  cluster.setupPrimary({ execArgv: [...WORKER_V8_FLAGS, ...process.execArgv] });
  for (let i = 0; i < count; i++) cluster.fork(WORKER_ENV);
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
    cluster.fork(WORKER_ENV);
  });
  const stop = (signal) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(0), 3_000).unref();
    cluster.on("exit", () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  console.log(`益苗: ${count} workers`);
  return true;
}
