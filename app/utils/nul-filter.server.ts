import { Transform } from "node:stream";

/**
 * React 18.3's renderToPipeableStream flushes its whole 2 KB view buffer when
 * a multi-byte character does not fit at the end, so the 1–2 unused bytes go
 * out as NUL (facebook/react#31134). Inside an attribute the browser turns
 * them into U+FFFD, e.g. an <option value> that no longer matches its schema.
 * NUL never belongs in HTML, so dropping it restores the intended bytes.
 */
export function createNulFilter() {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, chunk.includes(0) ? chunk.filter((byte) => byte !== 0) : chunk);
    },
  });
}
