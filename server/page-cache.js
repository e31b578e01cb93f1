// HTTP caching of public pages for anonymous visitors (issue #17 item 3).
//
// A GET of a public page (PUBLIC_PAGES, or its `.data` request) from a visitor who sends
// no cookie at all is rendered once and the bytes are kept in this worker for PAGE_CACHE_MS
// (5 s); concurrent misses share one render. Any transaction committed to the database by
// any process drops every entry at the next request: SQLite's `PRAGMA data_version`, read
// on a connection of our own, changes on each commit by another connection (the app's
// included). Answers carry an ETag (a hash of the bytes without the CSP nonce) and
// `Cache-Control: public, no-cache` with `Vary: Cookie`, so browsers and proxies revalidate
// every time and get 304 while the page is unchanged.
//
// Never cached: anything with a cookie (signed-in pages, carts, the buyer's order
// cookie), pages not listed below (forms with a signed stamp such as the objection form,
// orders, login), answers other than 200, answers that set a cookie or say no-store/private.
// A cached page keeps the CSP nonce it was rendered with for its few seconds; its bytes are
// fixed, and the write that could change them also drops it.
import crypto from "node:crypto";
import { createRequestHandler } from "@remix-run/node";
import Database from "better-sqlite3";

const TTL_MS = Number(process.env.PAGE_CACHE_MS ?? 5_000);
// Bounded by bytes, not by entries: a directory page is ~100 kB, so 2,000 entries were up
// to 200 MB per worker, and entries that had expired or been outdated by a write stayed in
// memory until the next request for the same URL (a search with a new term per request
// left one per term). Now outdated entries go at the first request after a write,
// expired ones at least once per TTL, and the oldest go first past the byte budget.
const MAX_BYTES = Number(process.env.PAGE_CACHE_BYTES ?? 8 * 1024 * 1024);
const PUBLIC_PAGES = [
  /^\/$/,
  /^\/orgs(\/[^/]+)?$/,
  /^\/products(\/[^/]+)?$/,
  /^\/grants(\/[^/]+)?$/,
  /^\/grants\/[^/]+\/publicity$/,
  /^\/inspection(\/\d{4})?$/,
  /^\/rating(\/[^/]+)?$/,
  /^\/audit-chain$/,
  /^\/projects(\/[^/]+)?$/,
  /^\/open-data$/,
  /^\/open-data\/[^/]+\/projects\.(json|csv)$/,
];
const DROPPED_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "connection"]);

/** The page a path shows: `/orgs.data` is the data of `/orgs`, `/_root.data` that of `/`. */
function pagePath(pathname) {
  if (!pathname.endsWith(".data")) return pathname;
  const page = pathname.slice(0, -".data".length);
  return page === "/_root" ? "/" : page;
}

export function isCacheable(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (req.get("cookie") || req.get("authorization")) return false;
  return PUBLIC_PAGES.some((pattern) => pattern.test(pagePath(req.path)));
}

/**
 * The entries of one worker: URL → { expires, page (a promise of the rendered page), bytes }. Oldest
 * first (a Map keeps insertion order; a re-rendered URL is deleted and set again).
 */
export function createPageStore({ maxBytes = MAX_BYTES } = {}) {
  const entries = new Map();
  let bytes = 0;
  let lastVersion;
  let nextSweep = 0;

  function remove(key, entry) {
    if (entries.get(key) !== entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  return {
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
    /** The live entry for `key`, or undefined; drops what a write or the clock has outdated. */
    fresh(key, version, now) {
      if (version !== lastVersion) {
        // Every entry was rendered before this commit: none can be served again.
        entries.clear();
        bytes = 0;
        lastVersion = version;
      } else if (now >= nextSweep) {
        for (const [k, entry] of entries) if (entry.expires <= now) remove(k, entry);
        nextSweep = now + TTL_MS;
      }
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires > now) return entry;
      remove(key, entry);
      return undefined;
    },
    add(key, entry) {
      entry.bytes = 0;
      entries.set(key, entry);
      return entry;
    },
    /** A render has settled: counts its bytes, or drops it when it must not be kept. */
    settled(key, entry, page) {
      if (entries.get(key) !== entry) return;
      if (!page?.cacheable) return remove(key, entry);
      entry.bytes = page.body.length;
      bytes += entry.bytes;
      for (const [k, oldest] of entries) {
        if (bytes <= maxBytes) break;
        remove(k, oldest);
      }
    },
  };
}

export function createPageCache({ build, mode, databaseFile, cspHeader }) {
  const handle = createRequestHandler(build, mode);
  const store = createPageStore();
  let watcher = null;
  const dataVersion = () => {
    watcher ??= new Database(databaseFile, { readonly: true, fileMustExist: true });
    return watcher.pragma("data_version", { simple: true });
  };

  async function render(req, nonce) {
    const url = `${req.protocol}://${req.get("host")}${req.originalUrl}`;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const response = await handle(new Request(url, { method: "GET", headers }), { cspNonce: nonce });
    const body = Buffer.from(await response.arrayBuffer());
    const cacheControl = response.headers.get("cache-control") ?? "";
    const cacheable =
      response.status === 200 && !response.headers.has("set-cookie") && !/no-store|private/.test(cacheControl);
    const etag = `"${crypto.createHash("sha1").update(body.toString("latin1").replaceAll(nonce, "")).digest("base64url")}"`;
    return { status: response.status, headers: [...response.headers], body, nonce, etag, cacheable };
  }

  function send(req, res, page) {
    for (const [name, value] of page.headers) if (!DROPPED_HEADERS.has(name)) res.append(name, value);
    if (!page.cacheable) return res.status(page.status).send(page.body);
    res.setHeader("Content-Security-Policy", cspHeader(page.nonce));
    res.setHeader("ETag", page.etag);
    res.setHeader("Cache-Control", "public, no-cache");
    res.setHeader("Vary", "Cookie");
    const tags = (req.get("if-none-match") ?? "").split(",").map((t) => t.trim().replace(/^W\//, ""));
    if (tags.includes(page.etag)) return res.status(304).end();
    return res.status(page.status).send(page.body);
  }

  return async function pageCache(req, res, next) {
    if (!isCacheable(req)) return next();
    const key = req.originalUrl;
    const version = dataVersion();
    const now = Date.now();
    let entry = store.fresh(key, version, now);
    if (!entry) {
      entry = store.add(key, { expires: now + TTL_MS, page: render(req, res.locals.cspNonce) });
      const added = entry;
      added.page.then(
        (page) => store.settled(key, added, page),
        () => store.settled(key, added, null),
      );
    }
    try {
      send(req, res, await entry.page);
    } catch (error) {
      next(error);
    }
  };
}
