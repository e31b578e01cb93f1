// Load generation for the benchmark: autocannon against one URL, the static
// yardstick (a plain node:http server answering every request with the same
// bytes), and the peak memory of a server process and its cluster workers.
import fs from "node:fs";
import http from "node:http";
import autocannon, { type RawRequest } from "autocannon";

export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
/** Seconds measured per page: the issue's own measurement ran 10 s per page. */
export const DURATION = Number(process.env.BENCH_DURATION ?? 10);
/**
 * Seconds of the same load, on the same connection count, before each measured run (the
 * static yardstick's too). A server in service has run each page's code in every worker
 * long before. V8 keeps compiling a route's hot code on background threads for its first
 * few thousand requests: one worker's CPU per uncached search fell from 6.1 to 3.5 ms over
 * its first 15 s of load, so a 2 s warm-up measured a worker still compiling (decision
 * 038, then 039).
 */
export const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);

export type Measured = {
  label: string;
  rps: number;
  p50: number;
  p975: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
};

export type Load = {
  label: string;
  url: string;
  headers?: Record<string, string>;
  /** A different path on every request (e.g. a search term each time). */
  nextPath?: () => string;
};

export async function measure(load: Load): Promise<Measured> {
  const requests = load.nextPath
    ? [{ setupRequest: (request: RawRequest) => ({ ...request, path: load.nextPath!() }) }]
    : undefined;
  const result = await autocannon({
    url: load.url,
    connections: CONNECTIONS,
    duration: DURATION,
    timeout: 10,
    headers: load.headers,
    requests,
    ...(WARMUP > 0 ? { warmup: { connections: CONNECTIONS, duration: WARMUP } } : {}),
  });
  return {
    label: load.label,
    rps: result.requests.average,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

/** Waits until the server answers /healthz again, so one page's backlog does not count against the next. */
export async function settle(base: string) {
  for (let i = 0; i < 60; i++) {
    try {
      if ((await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) })).ok) return;
    } catch {
      // still busy
    }
  }
}

/** One response's bytes and type, to replay from the static server. */
export async function snapshot(url: string, headers?: Record<string, string>) {
  const response = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(120_000) });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return { body: Buffer.from(await response.arrayBuffer()), type: response.headers.get("content-type") ?? "text/html" };
}

/** The yardstick: a plain node:http server sending `page` to every request. */
export async function withStaticServer<T>(page: { body: Buffer; type: string }, run: (url: string) => Promise<T>) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": page.type, "Content-Length": page.body.length });
    res.end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  try {
    return await run(`http://127.0.0.1:${port}/`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

function statusKb(pid: number, field: "VmHWM" | "VmRSS") {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * Starts each serving process's peak (VmHWM) again from its resident memory now (Linux:
 * writing 5 to clear_refs), so the peak read after a page is that page's. Returns false
 * where the kernel refuses it (the table then shows the peak so far).
 */
export function resetPeakMemory(serverPid: number) {
  const workers = childrenOf(serverPid);
  try {
    for (const pid of workers.length > 0 ? workers : [serverPid]) fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/** Peak resident memory (MB) of the server's serving processes: the workers, or the process itself. */
export function peakMemoryMb(serverPid: number) {
  const workers = childrenOf(serverPid);
  const pids = workers.length > 0 ? workers : [serverPid];
  return {
    workers: pids.length,
    peakMb: Math.max(...pids.map((pid) => statusKb(pid, "VmHWM"))) / 1024,
    primaryMb: workers.length > 0 ? statusKb(serverPid, "VmHWM") / 1024 : 0,
  };
}
