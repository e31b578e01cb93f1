import { expect, test } from "vitest";
import { parseUploadForm } from "~/modules/attachments/uploads.server";

// A browser's body reaches the server in arbitrary TCP-sized pieces. Text split
// across them (here multi-byte Chinese) must come out exactly as typed.
test.each([1, 5, 7, 13, 64, 1000, 16384, 65536])(
  "Chinese text survives a body arriving in %i-byte pieces",
  async (size) => {
    const form = new FormData();
    const text = "未建立党组织，\r\n按章程开展活动。\r\n\r\n".repeat(120);
    form.set("party", text);
    form.set("file", new File([Buffer.from("%PDF-1.4\n%%EOF\n")], "报告.pdf", { type: "application/pdf" }));
    const source = new Request("http://localhost/", { method: "POST", body: form });
    const bytes = new Uint8Array(await source.arrayBuffer());
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
        controller.close();
      },
    });
    const request = new Request("http://localhost/", {
      method: "POST",
      body,
      headers: { "Content-Type": source.headers.get("Content-Type")! },
      duplex: "half",
    } as RequestInit);

    const parsed = await parseUploadForm(request);
    expect(parsed.get("party")).toBe(text);
    expect((parsed.get("file") as File).name).toBe("报告.pdf");
  },
);
