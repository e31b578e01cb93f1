import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set by server.js for the Content-Security-Policy. */
    cspNonce?: string;
  }
}
