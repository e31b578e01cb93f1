// Overload is answered, not queued (issue #17 item 5, server/overload.js): past the running
// and queued requests a worker allows, a request gets 503 with Retry-After at once; a queued
// request that waited too long gets the same; a client that leaves the queue frees its
// place; and the worker serves normally again once the load is gone.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, expect, test } from "vitest";

const MAX_WAIT_MS = 1_500;
let server: Server;
let base = "";
/** Requests the app has started and not yet answered: each waits for its release. */
const running: Array<() => void> = [];

beforeAll(async () => {
  // Read by the module when it loads: one running request, one queued.
  process.env.MAX_ACTIVE_REQUESTS = "1";
  process.env.MAX_QUEUED_REQUESTS = "1";
  process.env.MAX_QUEUE_WAIT_MS = String(MAX_WAIT_MS);
  const { overloadGate } = (await import("../../server/overload.js")) as {
    overloadGate: express.RequestHandler;
  };
  const app = express();
  app.use(overloadGate);
  app.get("/slow", (_req, res) => {
    running.push(() => res.send("done"));
  });
  app.get("/fast", (_req, res) => {
    res.send("fast");
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const release of running.splice(0)) release();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function until(condition: () => boolean) {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

async function timedFetch(path: string, init?: RequestInit) {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, init);
  return { response, ms: performance.now() - started, body: await response.text() };
}

test("past the queue: 503 with Retry-After at once; a queued request that waits too long: the same", async () => {
  const first = fetch(`${base}/slow`); // runs, and holds the only slot
  await until(() => running.length === 1);
  const queued = timedFetch("/fast"); // waits for the slot

  // The queue is full: answered at once, not after any wait.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const refused = await timedFetch("/fast");
  expect(refused.response.status).toBe(503);
  expect(refused.response.headers.get("retry-after")).toBe("2");
  expect(refused.response.headers.get("cache-control")).toBe("no-store");
  expect(refused.body).toBe("服务器繁忙，请稍后再试。");
  expect(refused.ms).toBeLessThan(MAX_WAIT_MS - 500);

  // The queued request is refused when its wait runs out, with the same answer.
  const waited = await queued;
  expect(waited.response.status).toBe(503);
  expect(waited.response.headers.get("retry-after")).toBe("2");
  expect(waited.ms).toBeGreaterThanOrEqual(MAX_WAIT_MS - 50);

  running.shift()!();
  expect((await first).status).toBe(200);
  // The slot is free again: served at once.
  const after = await timedFetch("/fast");
  expect(after.response.status).toBe(200);
  expect(after.body).toBe("fast");
});

test("a queued request is served when the slot frees in time, and one whose client left frees its place", async () => {
  const first = fetch(`${base}/slow`);
  await until(() => running.length === 1);

  // A client gives up while queued: its place in the queue is freed…
  const leaving = new AbortController();
  const left = fetch(`${base}/fast`, { signal: leaving.signal }).catch((error: Error) => error);
  await new Promise((resolve) => setTimeout(resolve, 50));
  leaving.abort();
  expect(await left).toBeInstanceOf(Error);
  await new Promise((resolve) => setTimeout(resolve, 50));

  // …so the next request queues instead of being refused, and runs when the slot frees.
  const queued = timedFetch("/fast");
  await new Promise((resolve) => setTimeout(resolve, 100));
  running.shift()!();
  const served = await queued;
  expect(served.response.status).toBe(200);
  expect(served.body).toBe("fast");
  expect((await first).status).toBe(200);
});
