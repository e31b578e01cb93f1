// What can be uploaded, recognized from the file's first bytes rather than its
// name. Pure so it can be unit-tested.

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Marks a file part that was cut off because it was over the size limit. */
export const TOO_LARGE_MIME = "application/x-yimiao-too-large";

export const FILE_KINDS = {
  pdf: { mime: "application/pdf", extensions: ["pdf"], label: "PDF" },
  jpg: { mime: "image/jpeg", extensions: ["jpg", "jpeg"], label: "JPG" },
  png: { mime: "image/png", extensions: ["png"], label: "PNG" },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    label: "DOCX",
  },
  xlsx: {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
    label: "XLSX",
  },
} as const;

export type FileKind = keyof typeof FILE_KINDS;

export const DOCUMENT_KINDS: FileKind[] = ["pdf", "jpg", "png", "docx", "xlsx"];
export const IMAGE_KINDS: FileKind[] = ["jpg", "png"];

function startsWith(bytes: Uint8Array, signature: number[]) {
  return signature.every((b, i) => bytes[i] === b);
}

function containsAscii(bytes: Uint8Array, text: string) {
  // Zip entry names are stored uncompressed in the local and central headers.
  const needle = Array.from(text, (c) => c.charCodeAt(0));
  outer: for (let i = 0; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The kind the content really is, or null when it is none we accept. */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (containsAscii(bytes, "word/")) return "docx";
    if (containsAscii(bytes, "xl/")) return "xlsx";
  }
  return null;
}

export function extensionOf(fileName: string) {
  const dot = fileName.lastIndexOf(".");
  return dot === -1 ? "" : fileName.slice(dot + 1).toLowerCase();
}

export function allowedLabel(kinds: FileKind[]) {
  return kinds.map((k) => FILE_KINDS[k].label).join("、");
}

export type FileCheck = { ok: true; kind: FileKind } | { ok: false; message: string };

/** Checks size, content type and that the name's extension matches the content. */
export function checkUpload(
  file: { name: string; size: number; type: string },
  head: Uint8Array,
  allowed: FileKind[] = DOCUMENT_KINDS,
): FileCheck {
  if (file.type === TOO_LARGE_MIME || file.size > MAX_UPLOAD_BYTES) {
    return { ok: false, message: `文件「${file.name}」超过 10 MB 的大小上限` };
  }
  if (file.size === 0) return { ok: false, message: `文件「${file.name}」是空文件` };
  const kind = sniffFileKind(head);
  if (!kind || !allowed.includes(kind)) {
    return { ok: false, message: `不支持文件「${file.name}」的类型，仅可上传 ${allowedLabel(allowed)} 文件` };
  }
  if (!(FILE_KINDS[kind].extensions as readonly string[]).includes(extensionOf(file.name))) {
    return { ok: false, message: `文件「${file.name}」的扩展名与实际内容（${FILE_KINDS[kind].label}）不符` };
  }
  return { ok: true, kind };
}

/** A file's size for people: "12 KB", "3.4 MB". */
export function formatSize(bytes: number) {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
