// The one place the app reads a request body (docs/DEVELOPING.md, "Request bodies").
// Every action reads its form with `readForm`, uploads with `parseUploadForm`
// (attachments/uploads.server.ts, built on `readForm`), the Stripe webhook its
// payload with `readText`. A body the app cannot take is answered here with a
// 4xx, never a 500: a Content-Type that is not a form → 415; a body that is not
// what its Content-Type says → 400; more than the limit → 413. The limit is
// checked on Content-Length before reading and again while the body streams in
// (a chunked body announces no length). server.js refuses announced lengths
// before Remix runs and closes connections whose body was left unread.
// Control characters are removed from every text field here, once, so no
// stored name or reason keeps a NUL or an escape sequence.
import { stripControls } from "./text";

/** Non-upload forms and webhook payloads: far more than any form here sends. */
export const MAX_FORM_BYTES = 1024 * 1024;

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"] as const;
type FormType = (typeof FORM_TYPES)[number];

function refusal(status: 400 | 413 | 415, message: string) {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export const tooLarge = () => refusal(413, "提交的内容过大，请删减后再试");
const unsupported = () => refusal(415, "不支持的提交格式，请通过页面上的表单提交");
const unparsable = () => refusal(400, "表单格式不正确，请刷新页面后重新提交");

/** The media type of the body, lower case, without parameters ("" when absent). */
export function mediaTypeOf(request: Request) {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * Reads the whole body, refusing it with a 413 as soon as it passes `maxBytes`
 * (announced or streamed). A body cut off by the client is a 400.
 */
async function readCapped(request: Request, maxBytes: number): Promise<Blob> {
  const announced = request.headers.get("Content-Length");
  if (announced !== null && !(Number(announced) <= maxBytes)) {
    throw Number(announced) > maxBytes ? tooLarge() : unparsable();
  }
  if (!request.body) return new Blob([]);
  const reader = (request.body as ReadableStream<Uint8Array<ArrayBuffer>>).getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
    try {
      step = await reader.read();
    } catch {
      throw unparsable();
    }
    if (step.done) break;
    received += step.value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(step.value);
  }
  return new Blob(chunks);
}

/**
 * The submitted form of a POST. `multipart` says which of the two form
 * encodings the action takes: "allowed" (default: either), "required"
 * (uploads: a url-encoded form lacks the files, a 400). Fields are returned as
 * sent; the form's zod schema answers missing, duplicated or unknown ones with
 * its normal errors.
 */
export async function readForm(
  request: Request,
  { maxBytes = MAX_FORM_BYTES, multipart = "allowed" }: { maxBytes?: number; multipart?: "allowed" | "required" } = {},
): Promise<FormData> {
  const type = mediaTypeOf(request) as FormType;
  if (!FORM_TYPES.includes(type)) throw unsupported();
  if (multipart === "required" && type !== "multipart/form-data") throw unparsable();
  const body = await readCapped(request, maxBytes);
  if (type === "application/x-www-form-urlencoded") {
    const form = new FormData();
    for (const [name, value] of new URLSearchParams(await body.text())) form.append(name, stripControls(value));
    return form;
  }
  let parsed: FormData;
  try {
    parsed = await new Response(body, { headers: { "Content-Type": request.headers.get("Content-Type")! } }).formData();
  } catch {
    throw unparsable();
  }
  const form = new FormData();
  for (const [name, value] of parsed) form.append(name, typeof value === "string" ? stripControls(value) : value);
  return form;
}

/** The raw text of a body (the Stripe webhook verifies it byte for byte), capped like a form. */
export async function readText(request: Request, maxBytes = MAX_FORM_BYTES): Promise<string> {
  return (await readCapped(request, maxBytes)).text();
}
