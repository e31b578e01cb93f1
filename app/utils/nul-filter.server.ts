/**
 * React 18.3's renderToPipeableStream flushes its whole 2 KB view buffer when
 * a multi-byte character does not fit at the end, so the 1–2 unused bytes go
 * out as NUL (facebook/react#31134). Inside an attribute the browser turns
 * them into U+FFFD, e.g. an <option value> that no longer matches its schema.
 * NUL never belongs in HTML, so dropping it from the rendered page restores the
 * intended bytes.
 */
export function dropNul(html: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  return html.includes(0) ? html.filter((byte) => byte !== 0) : html;
}
