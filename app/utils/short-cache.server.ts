// Short-lived, per-process cache of values read from the database (issue #17): the home
// figures, the directory's totals and filter lists. An entry lives a few seconds at most
// and is dropped as soon as anything is committed to the database by any process: SQLite's
// `PRAGMA data_version`, read on a connection of its own, changes whenever another
// connection (this worker's Prisma connection included) commits. So a write is seen by
// the next request in every worker, and the TTL only bounds how long a value is kept
// when nothing changes. Tests reset their database by copying files, which the pragma
// does not see, so the cache is off under vitest (and with SHORT_CACHE=off).
import Database from "better-sqlite3";
import { DEFAULT_DATABASE_URL } from "./db.server";

type Entry = { version: number; expires: number; value: Promise<unknown> };

const MAX_ENTRIES = 500;
const entries = new Map<string, Entry>();
/**
 * `PRAGMA data_version` prepared once on its own connection: the pragma is evaluated each time
 * the statement runs, and better-sqlite3's `pragma()` would compile it anew on every call
 * (about 1 % of a cached page's CPU, decision 039).
 */
let watcher: Database.Statement | null = null;

export function cacheEnabled() {
  return !process.env.VITEST && process.env.SHORT_CACHE !== "off";
}

/** A number that changes whenever a transaction is committed to the database by anyone. */
export function dataVersion(): number {
  if (!watcher) {
    const file = (process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL).replace(/^file:/, "");
    watcher = new Database(file, { readonly: true, fileMustExist: true }).prepare("PRAGMA data_version").pluck();
  }
  return watcher.get() as number;
}

/** `load()`'s value, shared by the requests of the next `ttlMs` while the database is unchanged. */
export async function shortCached<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  if (!cacheEnabled()) return load();
  const version = dataVersion();
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.version === version && hit.expires > now) return hit.value as Promise<T>;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  const value = load();
  entries.set(key, { version, expires: now + ttlMs, value });
  // A failed read is not kept.
  value.catch(() => entries.get(key)?.value === value && entries.delete(key));
  return value;
}
