// shortCached (app/utils/short-cache.server.ts): requests that miss together share one load —
// the audit log's bounded count and /admin's figures are read once per worker, not once per
// concurrent request — and a commit by any connection drops the value. Off under vitest by
// default (databases are reset by copying files), so this test turns it on for itself.
import { afterEach, beforeEach, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { shortCached } from "~/utils/short-cache.server";

let vitest: string | undefined;
beforeEach(() => {
  vitest = process.env.VITEST;
  delete process.env.VITEST;
});
afterEach(() => {
  process.env.VITEST = vitest;
});

test("concurrent misses share one load, and a commit makes the next request load again", async () => {
  const key = `short-cache-test:${Math.random()}`;
  let loads = 0;
  let finish: (value: number) => void = () => undefined;
  const load = () => {
    loads++;
    return new Promise<number>((resolve) => (finish = resolve));
  };
  // Three requests arrive before the first load has answered.
  const waiting = [shortCached(key, 10_000, load), shortCached(key, 10_000, load), shortCached(key, 10_000, load)];
  finish(42);
  expect(await Promise.all(waiting)).toEqual([42, 42, 42]);
  expect(loads).toBe(1);
  expect(await shortCached(key, 10_000, () => Promise.resolve(7))).toBe(42);

  await prisma.user.create({ data: { email: `cache-${Math.random()}@example.com`, name: "缓存", role: "ADMIN" } });
  expect(await shortCached(key, 10_000, () => Promise.resolve(7))).toBe(7);
});
