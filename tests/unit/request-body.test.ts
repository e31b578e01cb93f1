import { describe, expect, test } from "vitest";
import { redirect } from "~/utils/redirect.server";
import { MAX_FORM_BYTES, readForm, readText } from "~/utils/request-body.server";
import { cleanLine, stripControls } from "~/utils/text";

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request("http://localhost/login", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

async function statusOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return { status: error.status, text: await error.text() };
    throw error;
  }
  return { status: 200, text: "" };
}

/** A body streamed in chunks with no Content-Length, as a chunked upload arrives. */
function chunked(totalBytes: number) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const chunk = new TextEncoder().encode("a=" + "x".repeat(64 * 1024 - 2));
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

describe("readForm", () => {
  test("reads a url-encoded form, keeping duplicated fields for the schema to refuse", async () => {
    const form = await readForm(
      post("email=a%40b.cn&x=1&x=2", { "Content-Type": "application/x-www-form-urlencoded" }),
    );
    expect(form.get("email")).toBe("a@b.cn");
    expect(form.getAll("x")).toEqual(["1", "2"]);
  });

  test("reads a multipart form", async () => {
    const body = new FormData();
    body.set("name", "益苗");
    const form = await readForm(new Request("http://localhost/x", { method: "POST", body }));
    expect(form.get("name")).toBe("益苗");
  });

  test.each([
    [{}, "no Content-Type"],
    [{ "Content-Type": "text/plain" }, "text/plain"],
    [{ "Content-Type": "application/json" }, "JSON"],
    [{ "Content-Type": "garbage" }, "garbage"],
  ] as Array<[Record<string, string>, string]>)("answers 415 for %j (%s)", async (headers) => {
    expect((await statusOf(readForm(post('{"a":1}', headers)))).status).toBe(415);
  });

  test("answers 400 for a multipart body without a boundary or cut short", async () => {
    const noBoundary = post("--x\r\n", { "Content-Type": "multipart/form-data" });
    expect((await statusOf(readForm(noBoundary))).status).toBe(400);
    const broken = post('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue', {
      "Content-Type": "multipart/form-data; boundary=b",
    });
    expect((await statusOf(readForm(broken))).status).toBe(400);
  });

  test("answers 413 with a Chinese message when Content-Length announces too much, before reading", async () => {
    const request = post("a=1", {
      "Content-Type": "application/x-www-form-urlencoded",
      "Content-Length": String(MAX_FORM_BYTES + 1),
    });
    const { status, text } = await statusOf(readForm(request));
    expect(status).toBe(413);
    expect(text).toMatch(/过大/);
    expect(request.bodyUsed).toBe(false);
  });

  test("answers 413 once a chunked body streams past the limit", async () => {
    const request = post(chunked(5 * MAX_FORM_BYTES), { "Content-Type": "application/x-www-form-urlencoded" });
    expect((await statusOf(readForm(request))).status).toBe(413);
  });

  test("removes control characters from text fields, keeping line breaks", async () => {
    const form = await readForm(
      post(new URLSearchParams({ reason: "a\u0000b\u001b[31mc\r\nd\te" }), {
        "Content-Type": "application/x-www-form-urlencoded",
      }),
    );
    expect(form.get("reason")).toBe("ab[31mc\r\nd\te");
  });
});

test("readText caps the webhook payload too", async () => {
  expect(await readText(post("{}"))).toBe("{}");
  expect((await statusOf(readText(post(chunked(2 * MAX_FORM_BYTES))))).status).toBe(413);
});

test("redirect encodes what a Location header cannot hold", () => {
  expect(redirect("/orgs?q=为老").headers.get("Location")).toBe("/orgs?q=%E4%B8%BA%E8%80%81");
  expect(redirect("/\u3000/evil.example").headers.get("Location")).toBe("/%E3%80%80/evil.example");
});

test("stripControls and cleanLine", () => {
  expect(stripControls("报告\u0000\u0085.pdf\n第二行")).toBe("报告.pdf\n第二行");
  expect(cleanLine("报告\u0000\n.pdf\u007f")).toBe("报告.pdf");
});
