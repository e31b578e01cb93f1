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

/** Only allow same-site relative paths, so redirectTo cannot send users elsewhere. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (!to || typeof to !== "string") return fallback;
  // Browsers drop tabs and newlines from URLs and read "\" as "/", so
  // "/\t/evil.com" or "/\\evil.com" would leave the site; a real path has neither.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  return to;
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
