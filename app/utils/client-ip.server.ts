import crypto from "node:crypto";
import { getClientIp } from "~/utils/http";
import { loadSessionSecret } from "~/utils/session.server";

/** SHA-256 of the client address with the server secret, so raw IPs are never stored. */
export function hashClientIp(request: Request) {
  const ip = getClientIp(request) || "unknown";
  return crypto.createHash("sha256").update(`${ip}|${loadSessionSecret()}`).digest("hex");
}
