import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set by server.js for the Content-Security-Policy. */
    cspNonce?: string;
  }
  // Single fetch is on (remix.config.js), so loader data keeps Dates, BigInts…
  interface Future {
    v3_singleFetch: true;
  }
}
