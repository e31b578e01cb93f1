import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createCookieSessionStorage } from "@remix-run/node";

// A session secret is generated into data/ on first run so the app needs no
// configuration; production deployments should set SESSION_SECRET. Other
// server-side signatures (e.g. the objection form's timestamp) reuse it.
export function loadSessionSecret(): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = path.resolve("data", "session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const secret = crypto.randomBytes(32).toString("hex");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

export const SESSION_COOKIE_NAME = "yimiao_session";

export const sessionStorage = createCookieSessionStorage({
  cookie: {
    name: SESSION_COOKIE_NAME,
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
    secrets: [loadSessionSecret()],
  },
});
