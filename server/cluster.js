// One worker per core (issue #17 item 4). The primary only forks and restarts workers;
// every worker runs the whole app on the same port (node:cluster shares the socket) and
// opens its own SQLite connection (WAL: readers in every worker, writes one at a time
// under BEGIN IMMEDIATE and the busy timeout, app/utils/db.server.ts). The app keeps no
// state a worker must share: rate limits and lockouts are rows in the database, caches are
// per worker and dropped on any committed write (app/utils/short-cache.server.ts), and
// there is no scheduler. WEB_CONCURRENCY sets the number of workers (1: no cluster).
import cluster from "node:cluster";
import os from "node:os";

// A worker's young generation (V8's semi-spaces) is 8 MB instead of the default 16 MB, so
// up to 16 requests rendering at once promote less short-lived garbage into the old
// generation, which V8 lets grow several times its live size before collecting. Measured
// on the benchmark database under 32 connections, one worker: peak resident memory 317 MB
// with the default, about 200 MB with this (decision 029). Flags on the primary's command line come later and win.
const WORKER_V8_FLAGS = ["--max-semi-space-size=8"];

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
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
    cluster.fork();
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
