// Real (minimal) sample files for upload tests, built in memory.
import zlib from "node:zlib";
import ExcelJS from "exceljs";

export const PDF_BYTES = Buffer.from(
  "%PDF-1.4\n" +
    "1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n" +
    "2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n" +
    "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\n" +
    "trailer <</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

/** A 1×1 PNG. */
export const PNG_BYTES = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/** A 1×1 baseline JPEG (JFIF). */
export const JPG_BYTES = Buffer.from(
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
  "base64",
);

/** A Windows executable header. */
export const EXE_BYTES = Buffer.concat([
  Buffer.from("MZ", "latin1"),
  Buffer.alloc(126, 0x90),
  Buffer.from("PE\0\0", "latin1"),
]);

export const HTML_BYTES = Buffer.from(
  '<!DOCTYPE html><html><head><meta charset="utf-8"><script>alert(1)</script></head><body>hi</body></html>',
  "utf8",
);

type ZipEntry = { name: string; data: Buffer | string };

/** A standard zip archive (deflated entries, like Word and Excel write). */
export function makeZip(entries: ZipEntry[]): Buffer<ArrayBuffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = typeof entry.data === "string" ? Buffer.from(entry.data, "utf8") : entry.data;
    const compressed = zlib.deflateRawSync(raw);
    const crc = zlib.crc32(raw);
    const name = Buffer.from(entry.name, "utf8");

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x5abf, 12); // date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5abf, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attrs
    central.writeUInt32LE(0, 38); // external attrs
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + compressed.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.from(Buffer.concat([...locals, centralDir, end]));
}

const CONTENT_TYPES_DOCX = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="jpeg" ContentType="image/jpeg"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

const RELS_DOCX = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const DOCUMENT_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>益苗 项目申报书</w:t></w:r></w:p></w:body>
</w:document>`;

/**
 * A minimal valid .docx. With `paddingBytes`, an incompressible
 * docProps/thumbnail.jpeg of that size comes before word/document.xml, so the
 * name "word/" appears only far from the start (as in real documents with
 * embedded pictures).
 */
export function makeDocx({ paddingBytes = 0 }: { paddingBytes?: number } = {}): Buffer<ArrayBuffer> {
  const entries: ZipEntry[] = [{ name: "[Content_Types].xml", data: CONTENT_TYPES_DOCX }];
  if (paddingBytes > 0) {
    // Pseudo-random bytes so deflate cannot shrink them.
    const pad = Buffer.alloc(paddingBytes);
    let x = 2463534242;
    for (let i = 0; i < pad.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      pad[i] = x & 0xff;
    }
    entries.push({ name: "docProps/thumbnail.jpeg", data: pad });
  }
  entries.push({ name: "_rels/.rels", data: RELS_DOCX }, { name: "word/document.xml", data: DOCUMENT_XML });
  return makeZip(entries);
}

/** A real .xlsx written by exceljs. */
export async function makeXlsx(): Promise<Buffer<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("预算");
  sheet.addRow(["科目", "金额（元）"]);
  sheet.addRow(["场地费", 1200]);
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

/** A plain zip (not an Office document). */
export function makePlainZip(): Buffer<ArrayBuffer> {
  return makeZip([
    { name: "readme.txt", data: "hello" },
    { name: "setup.exe", data: EXE_BYTES },
  ]);
}
