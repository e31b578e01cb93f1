// The anonymous page cache's store (server/page-cache.js) is bounded by bytes, and keeps
// nothing a write or the clock has outdated (issue #17, peak memory per worker).
import { expect, test } from "vitest";
import { createPageStore } from "../../server/page-cache.js";

type Page = { body: Buffer; cacheable: boolean };
const page = (kb: number, cacheable = true): Page => ({ body: Buffer.alloc(kb * 1024), cacheable });

function put(store: ReturnType<typeof createPageStore>, key: string, value: Page | null, expires: number) {
  const entry = store.add(key, { expires, page: Promise.resolve(value) });
  store.settled(key, entry, value);
  return entry;
}

test("past its byte budget the store drops the oldest pages first", () => {
  const store = createPageStore({ maxBytes: 300 * 1024 });
  store.fresh("/", 1, 0);
  put(store, "/a", page(100), 10_000);
  put(store, "/b", page(100), 10_000);
  put(store, "/c", page(100), 10_000);
  expect(store.bytes).toBe(300 * 1024);
  put(store, "/d", page(150), 10_000);
  expect(store.fresh("/a", 1, 1)).toBeUndefined();
  expect(store.fresh("/b", 1, 1)).toBeUndefined();
  expect(store.fresh("/c", 1, 1)).toBeDefined();
  expect(store.fresh("/d", 1, 1)).toBeDefined();
  expect(store.bytes).toBe(250 * 1024);
  // A page larger than the whole budget is not kept either.
  put(store, "/huge", page(400), 10_000);
  expect(store.size).toBe(0);
  expect(store.bytes).toBe(0);
});

test("a committed write drops every page; expired pages go at the next sweep", () => {
  const store = createPageStore({ maxBytes: 10 * 1024 * 1024 });
  store.fresh("/", 7, 0);
  put(store, "/a", page(10), 5_000);
  put(store, "/b", page(10), 60_000);
  expect(store.fresh("/b", 7, 100)).toBeDefined();
  // The database changed: nothing rendered before may be served, and nothing is held.
  expect(store.fresh("/b", 8, 200)).toBeUndefined();
  expect(store.size).toBe(0);
  expect(store.bytes).toBe(0);

  put(store, "/a", page(10), 5_000);
  put(store, "/b", page(10), 60_000);
  // A request for another URL after the TTL sweeps the expired page away.
  expect(store.fresh("/other", 8, 6_000)).toBeUndefined();
  expect(store.size).toBe(1);
  expect(store.bytes).toBe(10 * 1024);
  expect(store.fresh("/b", 8, 6_000)).toBeDefined();
});

test("answers that must not be kept, and failed renders, leave nothing behind", () => {
  const store = createPageStore({ maxBytes: 10 * 1024 * 1024 });
  store.fresh("/", 1, 0);
  put(store, "/private", page(10, false), 5_000);
  put(store, "/failed", null, 5_000);
  expect(store.size).toBe(0);
  expect(store.bytes).toBe(0);
  // A render still running is shared by the requests that arrive meanwhile.
  const pending = store.add("/slow", { expires: 5_000, page: new Promise(() => {}) });
  expect(store.fresh("/slow", 1, 10)).toBe(pending);
});
