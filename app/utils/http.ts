// Small response helpers shared by loaders and actions.

/** Throws a Response with the given status when the condition is falsy. */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = { status: 400 },
): asserts condition {
  if (!condition) {
    throw new Response(message, {
      ...init,
      headers: { "Content-Type": "text/plain; charset=utf-8", ...init.headers },
    });
  }
}

/**
 * Every character a real path of ours never holds unencoded: "\\", control and
 * format characters (C0, DEL, C1, zero-width and bidi marks, lone surrogates)
 * and every Unicode space (U+3000 ideographic space, NBSP, U+2028…).
 */
const NOT_IN_A_PATH = /[\\\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Z}\s]/u;

/** Only allow same-site relative paths, so redirectTo cannot send users elsewhere. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (!to || typeof to !== "string") return fallback;
  // Browsers drop tabs, newlines and other such characters from URLs and read
  // "\\" as "/", so "/\t/evil.com", "/\u3000/evil.com" or "/\\evil.com" could
  // leave the site (or fail to encode as a header); a real path has none of them.
  if (NOT_IN_A_PATH.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  return to;
}

/**
 * A URL that fits a Location header: every character outside printable ASCII
 * percent-encoded as UTF-8 (a lone surrogate as U+FFFD). Already-encoded
 * sequences are kept, so encoding twice changes nothing.
 */
export function encodeLocation(url: string) {
  return url.replace(/[^\x21-\x7e]/gu, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return "%EF%BF%BD";
    }
  });
}

/** The server (server.js) overwrites this header with the socket or trusted-proxy address. */
export function getClientIp(request: Request): string | null {
  return request.headers.get("x-yimiao-client-ip");
}

/** Page number from ?page=, clamped to ≥ 1. */
export function getPage(url: URL, param = "page") {
  const n = Number(url.searchParams.get(param) ?? "1");
  return Number.isInteger(n) && n > 0 ? Math.min(n, 100000) : 1;
}
