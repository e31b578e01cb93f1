import path from "node:path";
import { parseWithZod } from "@conform-to/zod";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { IMAGE_KINDS, MAX_UPLOAD_BYTES, sniffFileKind, TOO_LARGE_MIME } from "~/modules/attachments/file-types";
import { parseUploadForm, resolveStoragePath, UPLOAD_ROOT, uploadSchema } from "~/modules/attachments/uploads.server";
import { EXE_BYTES, makeDocx, makeXlsx, PDF_BYTES, PNG_BYTES } from "./helpers/sample-files";

const Schema = z.object({ title: z.string(), file: uploadSchema() });

function formWith(file?: File, title = "年度报告") {
  const formData = new FormData();
  formData.set("title", title);
  if (file) formData.set("file", file);
  return formData;
}

function parse(formData: FormData, schema: z.ZodTypeAny = Schema) {
  return parseWithZod(formData, { schema, async: true });
}

/** Field errors of a failed submission (undefined when it succeeded). */
function errorsOf(submission: Awaited<ReturnType<typeof parse>>) {
  return submission.status === "error" ? submission.error : undefined;
}

function multipartRequest(formData: FormData, headers?: HeadersInit) {
  return new Request("http://localhost/org/documents", { method: "POST", body: formData, headers });
}

async function thrownResponse(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Response);
    return error as Response;
  }
  throw new Error("expected a thrown Response");
}

describe("uploadSchema with parseWithZod", () => {
  test("accepts a real PDF and hands back the File", async () => {
    const file = new File([PDF_BYTES], "年度报告.pdf", { type: "application/pdf" });
    const submission = await parse(formWith(file));
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.title).toBe("年度报告");
    expect(submission.value.file).toBeInstanceOf(File);
    expect(submission.value.file.name).toBe("年度报告.pdf");
    expect(submission.value.file.size).toBe(PDF_BYTES.length);
  });

  test("refuses a PNG renamed to .pdf with the field error", async () => {
    const file = new File([PNG_BYTES], "扫描件.pdf", { type: "application/pdf" });
    const submission = await parse(formWith(file));
    expect(submission.status).toBe("error");
    expect(errorsOf(submission)).toEqual({ file: ["文件「扫描件.pdf」的扩展名与实际内容（PNG）不符"] });
    // The error travels back to the form on the file field.
    expect(submission.reply().error).toEqual({ file: ["文件「扫描件.pdf」的扩展名与实际内容（PNG）不符"] });
  });

  test("refuses an EXE called report.pdf", async () => {
    const file = new File([EXE_BYTES], "report.pdf", { type: "application/pdf" });
    const submission = await parse(formWith(file));
    expect(errorsOf(submission)?.file).toEqual([
      "不支持文件「report.pdf」的类型，仅可上传 PDF、JPG、PNG、DOCX、XLSX 文件",
    ]);
  });

  test("refuses a missing file with a Chinese message", async () => {
    const submission = await parse(formWith());
    expect(submission.status).toBe("error");
    expect(errorsOf(submission)?.file).toEqual(["请选择要上传的文件"]);
  });

  test("an empty file input (no name, no bytes) counts as missing", async () => {
    const submission = await parse(formWith(new File([], "", { type: "application/octet-stream" })));
    expect(errorsOf(submission)?.file).toEqual(["请选择要上传的文件"]);
  });

  test("honours the allowed kinds", async () => {
    const schema = z.object({ title: z.string(), file: uploadSchema(IMAGE_KINDS) });
    const pdf = await parse(formWith(new File([PDF_BYTES], "a.pdf")), schema);
    expect(errorsOf(pdf)?.file).toEqual(["不支持文件「a.pdf」的类型，仅可上传 JPG、PNG 文件"]);
    const png = await parse(formWith(new File([PNG_BYTES], "a.png")), schema);
    expect(png.status).toBe("success");
  });

  test("accepts a real XLSX", async () => {
    const file = new File([await makeXlsx()], "预算.xlsx");
    expect((await parse(formWith(file))).status).toBe("success");
  });

  test("accepts a large DOCX whose part names appear only past the first 4 KB", async () => {
    const bytes = makeDocx({ paddingBytes: 120_000 });
    // Precondition: the head alone does not reveal a docx, so the tail must be read.
    expect(sniffFileKind(bytes.subarray(0, 4096))).toBeNull();
    const submission = await parse(formWith(new File([bytes], "项目方案.docx")));
    expect(submission.status).toBe("success");
  });
});

describe("parseUploadForm", () => {
  test("parses a real multipart request, keeping the file's bytes", async () => {
    const formData = formWith(new File([PDF_BYTES], "年度报告.pdf", { type: "application/pdf" }));
    const parsed = await parseUploadForm(multipartRequest(formData));
    expect(parsed.get("title")).toBe("年度报告");
    const file = parsed.get("file");
    expect(file).toBeInstanceOf(File);
    expect(Buffer.from(await (file as File).arrayBuffer()).equals(PDF_BYTES)).toBe(true);
    expect((file as File).type).toBe("application/pdf");
  });

  test("an oversize file becomes an empty TOO_LARGE marker and the other fields survive", async () => {
    const big = Buffer.alloc(11 * 1024 * 1024);
    PDF_BYTES.copy(big);
    expect(big.length).toBeGreaterThan(MAX_UPLOAD_BYTES);
    const formData = new FormData();
    formData.set("title", "超大文件");
    formData.set("file", new File([big], "大文件.pdf", { type: "application/pdf" }));
    formData.set("note", "在文件之后的字段");

    const parsed = await parseUploadForm(multipartRequest(formData));
    expect(parsed.get("title")).toBe("超大文件");
    expect(parsed.get("note")).toBe("在文件之后的字段");
    const file = parsed.get("file") as File;
    expect(file).toBeInstanceOf(File);
    expect(file.name).toBe("大文件.pdf");
    expect(file.type).toBe(TOO_LARGE_MIME);
    expect(file.size).toBe(0);

    // …and the schema turns the marker into the size message rather than "empty".
    const submission = await parse(parsed);
    expect(errorsOf(submission)?.file).toEqual(["文件「大文件.pdf」超过 10 MB 的大小上限"]);
  });

  test("a file of exactly 10 MB is kept", async () => {
    const exact = Buffer.alloc(MAX_UPLOAD_BYTES);
    PDF_BYTES.copy(exact);
    const parsed = await parseUploadForm(multipartRequest(formWith(new File([exact], "a.pdf"))));
    const file = parsed.get("file") as File;
    expect(file.size).toBe(MAX_UPLOAD_BYTES);
    expect(file.type).not.toBe(TOO_LARGE_MIME);
  });

  test('drops an empty file input (as browsers send it: filename="")', async () => {
    // undici leaves filename out for a nameless File, so write the body the way a browser does.
    const boundary = "----yimiaoTestBoundary7MA4YWxkTrZu0gW";
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="title"',
      "",
      "年度报告",
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename=""',
      "Content-Type: application/octet-stream",
      "",
      "",
      `--${boundary}--`,
      "",
    ].join("\r\n");
    const request = new Request("http://localhost/org/documents", {
      method: "POST",
      body,
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
    });
    const parsed = await parseUploadForm(request);
    expect(parsed.get("title")).toBe("年度报告");
    expect(parsed.has("file")).toBe(false);
    expect(errorsOf(await parse(parsed))?.file).toEqual(["请选择要上传的文件"]);
  });

  test("answers 413 for an oversize text field", async () => {
    const formData = new FormData();
    formData.set("title", "字".repeat(100_000)); // 300 KB of UTF-8
    const response = await thrownResponse(parseUploadForm(multipartRequest(formData)));
    expect(response.status).toBe(413);
  });

  test("answers 413 when Content-Length announces more than 60 MB", async () => {
    const request = multipartRequest(formWith(), { "Content-Length": String(61 * 1024 * 1024) });
    const response = await thrownResponse(parseUploadForm(request));
    expect(response.status).toBe(413);
  });

  test("answers 400 for a body that is not multipart", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: new URLSearchParams({ title: "x" }),
    });
    const response = await thrownResponse(parseUploadForm(request));
    expect(response.status).toBe(400);
  });
});

describe("resolveStoragePath", () => {
  test("keeps keys inside the upload folder", () => {
    expect(resolveStoragePath("2026/05/abc.pdf")).toBe(path.join(UPLOAD_ROOT, "2026", "05", "abc.pdf"));
  });

  test.each(["../secret.txt", "../../etc/passwd", "/etc/passwd", "2026/../../x", ""])(
    "refuses %j with 404",
    async (key) => {
      let thrown: unknown;
      try {
        resolveStoragePath(key);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(404);
    },
  );
});
