// Production and test HTTP server: Express in front of the Remix build.
// It adds what Remix leaves to the host: security headers with a per-request
// CSP nonce, refusal of cross-origin mutations, compression and static files.
import crypto from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { runPrimary } from "./server/cluster.js";
import { overloadGate } from "./server/overload.js";
import { createPageCache } from "./server/page-cache.js";

// In a cluster's primary, fork the workers and serve nothing here (server/cluster.js).
if (runPrimary()) await new Promise(() => {});

const outDir = process.env.REMIX_OUT_DIR;
const BUILD_PATH = path.resolve(outDir ? `${outDir}/index.js` : "build/index.js");
const ASSETS_DIR = outDir ? `${outDir}/assets` : "public/build";
const port = Number(process.env.PORT ?? 3000);
const isProduction = process.env.NODE_ENV === "production";

function cspHeader(nonce) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${isProduction ? "" : " ws:"}`,
    "form-action 'self' https://checkout.stripe.com",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
app.use(compression());

app.use((req, res, next) => {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  // The app reads the client address from this header only; never trust the caller's copy.
  req.headers["x-yimiao-client-ip"] = req.ip ?? "";
  res.setHeader("Content-Security-Policy", cspHeader(nonce));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (isProduction && req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  next();
});

// Request bodies (docs/decisions/, "Body limits and APP_ORIGIN"). A body the app
// will not read to its end — refused for its announced size here, or answered
// (a redirect, a 403, a 413) before it was read — leaves bytes on the
// connection that would stall the next request on it: such a response closes
// the connection instead. Sizes are checked again while the body streams in
// (app/utils/request-body.server.ts), since a chunked body announces none.
const MAX_FORM_BYTES = 1024 * 1024;
const MAX_UPLOAD_BYTES = 60 * 1024 * 1024;
app.use((req, res, next) => {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    if (!req.complete && !res.headersSent) res.setHeader("Connection", "close");
    return writeHead.apply(this, args);
  };
  const length = Number(req.get("content-length") ?? 0);
  const multipart = (req.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  if (length > (multipart ? MAX_UPLOAD_BYTES : MAX_FORM_BYTES)) {
    res.status(413).type("text/plain; charset=utf-8").send("提交的内容过大，请删减后再试");
    return;
  }
  next();
});

// Mutations must come from our own pages. Browsers send Origin (and
// Sec-Fetch-Site) on every POST; server-to-server callers such as the Stripe
// webhook send neither and are authenticated by their own signature. Origin
// must match scheme and host: the configured APP_ORIGIN, or the address this
// request reached, read from X-Forwarded-Proto/-Host only when TRUST_PROXY
// says a proxy sets them (otherwise anyone could send those headers).
const trustProxy = Boolean(process.env.TRUST_PROXY);
const configuredOrigin = process.env.APP_ORIGIN ? new URL(process.env.APP_ORIGIN).origin : null;
if (isProduction && !configuredOrigin) {
  console.warn("APP_ORIGIN is not set: links in mail and Stripe return to http://localhost:" + port);
}

function requestOrigin(req) {
  const forwardedHost = trustProxy ? req.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const host = forwardedHost || req.get("host");
  try {
    return new URL(`${req.protocol}://${host}`).origin; // req.protocol honours X-Forwarded-Proto only under trust proxy
  } catch {
    return null;
  }
}

function isSameOrigin(req) {
  if (req.get("sec-fetch-site") === "cross-site") return false;
  const origin = req.get("origin");
  if (origin === undefined) return true;
  if (origin === "null") return false;
  let claimed;
  try {
    claimed = new URL(origin).origin;
  } catch {
    return false;
  }
  return claimed === configuredOrigin || claimed === requestOrigin(req);
}

app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  if (!isSameOrigin(req)) {
    res.status(403).type("text/plain; charset=utf-8").send("跨站请求已被拒绝");
    return;
  }
  next();
});

app.use("/build", express.static(ASSETS_DIR, { immutable: true, maxAge: "1y" }));
// public/ holds a few files, each with an extension; a page's path has none, so it skips the
// file lookup (a stat on every request, decision 030).
const publicFiles = express.static("public", { maxAge: "1h" });
app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));

const build = await import(BUILD_PATH);
const mode = isProduction ? "production" : "development";
// Past a bounded queue, 503 at once (server/overload.js); static files above skip it.
app.use(overloadGate);
// Public pages for visitors without cookies, from a few seconds' cache with ETag and 304.
const databaseFile = (process.env.DATABASE_URL ?? "file:./data/dev.db").replace(/^file:/, "");
app.use(createPageCache({ build, mode, databaseFile, cspHeader }));
app.all(
  "*",
  createRequestHandler({
    build,
    mode,
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }),
  }),
);

app.listen(port, () => {
  console.log(`益苗 is listening on http://localhost:${port}`);
});
