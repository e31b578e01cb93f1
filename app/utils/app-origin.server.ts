// Where this deployment is reached (docs/decisions/, "Body limits and APP_ORIGIN").
// Every absolute link the app hands out — password-reset and staff reset
// links, Stripe return URLs, links in mail — is built from APP_ORIGIN, never
// from the request's Host header, which the caller controls (an anonymous
// POST /forgot-password with "Host: evil.example" must not mail a link to
// evil.example). Unset, it is the local address the server listens on.

/** The configured origin ("https://yimiao.example"), or http://localhost:$PORT when unset. */
export function appOrigin(): string {
  const configured = process.env.APP_ORIGIN?.trim();
  if (!configured) return `http://localhost:${process.env.PORT ?? 3000}`;
  const url = new URL(configured);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`APP_ORIGIN must be http(s): ${configured}`);
  return url.origin;
}

/** An absolute link to one of our paths ("/reset-password/…"). */
export function appUrl(path: string): string {
  return new URL(path, appOrigin()).href;
}
