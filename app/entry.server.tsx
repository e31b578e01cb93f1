import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/utils/nonce";
import { dropNul } from "~/utils/nul-filter.server";

const ABORT_DELAY = 5_000;

/**
 * Renders the document whole and sends it in one piece (decision 030). No route defers data
 * (no `defer`, `<Await>` or `<Suspense>`), so the shell is the whole page and streaming it only
 * passed each chunk through three stream conversions; one buffer is cheaper and gets a length.
 * A route that starts deferring data needs the shell streamed again (`onShellReady`).
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";

  return new Promise<Response>((resolve, reject) => {
    // Cleared once the page is rendered: a pending timer would keep the render alive for 5 s.
    const timer = setTimeout(() => abort(), ABORT_DELAY);
    let shellRendered = false;
    const chunks: Buffer[] = [];
    const html = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
      final(callback) {
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        resolve(new Response(dropNul(Buffer.concat(chunks)), { headers: responseHeaders, status: responseStatusCode }));
        callback();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          clearTimeout(timer);
          pipe(html);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Before the shell, onShellError rejects and Remix logs it (handleError).
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
