import { describe, expect, test } from "vitest";
import {
  checkUpload,
  DOCUMENT_KINDS,
  extensionOf,
  IMAGE_KINDS,
  MAX_UPLOAD_BYTES,
  sniffFileKind,
  TOO_LARGE_MIME,
} from "~/modules/attachments/file-types";
import {
  EXE_BYTES,
  HTML_BYTES,
  JPG_BYTES,
  makeDocx,
  makePlainZip,
  makeXlsx,
  PDF_BYTES,
  PNG_BYTES,
} from "./helpers/sample-files";

const ALL_LABELS = "PDF、JPG、PNG、DOCX、XLSX";

function fileOf(name: string, bytes: Uint8Array, type = "application/octet-stream") {
  return { name, size: bytes.length, type };
}

describe("sniffFileKind", () => {
  test("recognizes real PDF, JPG and PNG by their magic bytes", () => {
    expect(sniffFileKind(PDF_BYTES)).toBe("pdf");
    expect(sniffFileKind(JPG_BYTES)).toBe("jpg");
    expect(sniffFileKind(PNG_BYTES)).toBe("png");
  });

  test("recognizes a real DOCX and a real XLSX written by exceljs", async () => {
    expect(sniffFileKind(makeDocx())).toBe("docx");
    expect(sniffFileKind(await makeXlsx())).toBe("xlsx");
  });

  test("refuses executables, HTML, plain zips, empty and truncated input", () => {
    expect(sniffFileKind(EXE_BYTES)).toBeNull();
    expect(sniffFileKind(HTML_BYTES)).toBeNull();
    expect(sniffFileKind(makePlainZip())).toBeNull();
    expect(sniffFileKind(new Uint8Array())).toBeNull();
    // "%PDF" without the dash, and a PNG cut after 4 bytes, are not enough.
    expect(sniffFileKind(Buffer.from("%PDF", "latin1"))).toBeNull();
    expect(sniffFileKind(PNG_BYTES.subarray(0, 4))).toBeNull();
  });

  test("looks at the leading bytes, not anywhere in the file", () => {
    const pdfInsideHtml = Buffer.concat([Buffer.from("<html>"), PDF_BYTES]);
    expect(sniffFileKind(pdfInsideHtml)).toBeNull();
  });
});

describe("extensionOf", () => {
  test("lower-cases the last extension", () => {
    expect(extensionOf("报告.PDF")).toBe("pdf");
    expect(extensionOf("a.tar.gz")).toBe("gz");
    expect(extensionOf("README")).toBe("");
  });
});

describe("checkUpload accepts", () => {
  test.each([
    ["申报书.pdf", PDF_BYTES, "pdf"],
    ["照片.jpg", JPG_BYTES, "jpg"],
    ["照片.JPEG", JPG_BYTES, "jpg"],
    ["截图.png", PNG_BYTES, "png"],
  ] as const)("%s", (name, bytes, kind) => {
    expect(checkUpload(fileOf(name, bytes), bytes)).toEqual({ ok: true, kind });
  });

  test("a real DOCX", () => {
    const bytes = makeDocx();
    expect(checkUpload(fileOf("方案.docx", bytes), bytes)).toEqual({ ok: true, kind: "docx" });
  });

  test("a real XLSX", async () => {
    const bytes = await makeXlsx();
    expect(checkUpload(fileOf("预算.xlsx", bytes), bytes)).toEqual({ ok: true, kind: "xlsx" });
  });

  test("a file whose declared MIME type is wrong, since the content decides", () => {
    expect(checkUpload(fileOf("a.pdf", PDF_BYTES, "text/html"), PDF_BYTES)).toEqual({ ok: true, kind: "pdf" });
  });

  test("exactly 10 MB", () => {
    const file = { name: "big.pdf", size: MAX_UPLOAD_BYTES, type: "application/pdf" };
    expect(checkUpload(file, PDF_BYTES)).toEqual({ ok: true, kind: "pdf" });
  });
});

describe("checkUpload refuses", () => {
  test("an EXE, even when it is called .pdf", () => {
    expect(checkUpload(fileOf("setup.exe", EXE_BYTES), EXE_BYTES)).toEqual({
      ok: false,
      message: `不支持文件「setup.exe」的类型，仅可上传 ${ALL_LABELS} 文件`,
    });
    expect(checkUpload(fileOf("报告.pdf", EXE_BYTES, "application/pdf"), EXE_BYTES)).toEqual({
      ok: false,
      message: `不支持文件「报告.pdf」的类型，仅可上传 ${ALL_LABELS} 文件`,
    });
  });

  test("a PNG renamed to .pdf, with the extension-mismatch message", () => {
    expect(checkUpload(fileOf("扫描件.pdf", PNG_BYTES, "application/pdf"), PNG_BYTES)).toEqual({
      ok: false,
      message: "文件「扫描件.pdf」的扩展名与实际内容（PNG）不符",
    });
  });

  test("a DOCX renamed to .xlsx and an XLSX renamed to .docx", async () => {
    const docx = makeDocx();
    const xlsx = await makeXlsx();
    expect(checkUpload(fileOf("a.xlsx", docx), docx)).toEqual({
      ok: false,
      message: "文件「a.xlsx」的扩展名与实际内容（DOCX）不符",
    });
    expect(checkUpload(fileOf("b.docx", xlsx), xlsx)).toEqual({
      ok: false,
      message: "文件「b.docx」的扩展名与实际内容（XLSX）不符",
    });
  });

  test("a file with no extension", () => {
    const result = checkUpload(fileOf("scan", PDF_BYTES), PDF_BYTES);
    expect(result).toEqual({ ok: false, message: "文件「scan」的扩展名与实际内容（PDF）不符" });
  });

  test("an HTML file, whatever it is called", () => {
    for (const name of ["page.html", "page.pdf"]) {
      expect(checkUpload(fileOf(name, HTML_BYTES, "text/html"), HTML_BYTES)).toEqual({
        ok: false,
        message: `不支持文件「${name}」的类型，仅可上传 ${ALL_LABELS} 文件`,
      });
    }
  });

  test("a plain zip", () => {
    const zip = makePlainZip();
    expect(checkUpload(fileOf("资料.zip", zip), zip)).toMatchObject({
      ok: false,
      message: expect.stringContaining("不支持文件"),
    });
  });

  test("an empty file", () => {
    expect(checkUpload({ name: "空.pdf", size: 0, type: "application/pdf" }, new Uint8Array())).toEqual({
      ok: false,
      message: "文件「空.pdf」是空文件",
    });
  });

  test("a file over 10 MB, even with valid content", () => {
    const file = { name: "大文件.pdf", size: MAX_UPLOAD_BYTES + 1, type: "application/pdf" };
    expect(checkUpload(file, PDF_BYTES)).toEqual({ ok: false, message: "文件「大文件.pdf」超过 10 MB 的大小上限" });
  });

  test("the TOO_LARGE_MIME marker (an empty File the upload handler cut off)", () => {
    const marker = { name: "大文件.pdf", size: 0, type: TOO_LARGE_MIME };
    // The size message wins over the empty-file message.
    expect(checkUpload(marker, new Uint8Array())).toEqual({
      ok: false,
      message: "文件「大文件.pdf」超过 10 MB 的大小上限",
    });
  });

  test("a kind that is valid but not allowed here, listing only what is allowed", () => {
    expect(checkUpload(fileOf("a.pdf", PDF_BYTES), PDF_BYTES, IMAGE_KINDS)).toEqual({
      ok: false,
      message: "不支持文件「a.pdf」的类型，仅可上传 JPG、PNG 文件",
    });
    expect(checkUpload(fileOf("a.png", PNG_BYTES), PNG_BYTES, IMAGE_KINDS)).toEqual({ ok: true, kind: "png" });
  });

  test("DOCUMENT_KINDS is the default allow-list", () => {
    expect(DOCUMENT_KINDS).toEqual(["pdf", "jpg", "png", "docx", "xlsx"]);
  });
});
