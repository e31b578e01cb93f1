import fs from "node:fs/promises";
import path from "node:path";
import crypto from "node:crypto";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { z } from "zod";
import { prisma, type Tx } from "~/utils/db.server";
import { checkUpload, DOCUMENT_KINDS, FILE_KINDS, MAX_UPLOAD_BYTES, TOO_LARGE_MIME, type FileKind } from "./file-types";

export const UPLOAD_ROOT = path.resolve(process.env.UPLOAD_DIR ?? path.join("data", "uploads"));

const MAX_TEXT_PART_BYTES = 200 * 1024;
const MAX_REQUEST_BYTES = 60 * 1024 * 1024;

// Streams each file part into memory but stops at the size limit, so an
// oversized file becomes a marked, empty File instead of an exception that
// would throw away the rest of the form.
const boundedUploadHandler: UploadHandler = async ({ filename, contentType, data }) => {
  const isFile = typeof filename === "string";
  const limit = isFile ? MAX_UPLOAD_BYTES : MAX_TEXT_PART_BYTES;
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of data) {
    if (tooLarge) continue;
    size += chunk.byteLength;
    if (size > limit) {
      tooLarge = true;
      chunks.length = 0;
    } else {
      chunks.push(chunk);
    }
  }
  if (!isFile) {
    if (tooLarge) throw new Response("表单内容过长", { status: 413 });
    return new TextDecoder().decode(Buffer.concat(chunks));
  }
  if (!filename) return undefined; // an empty file input
  if (tooLarge) return new File([], filename, { type: TOO_LARGE_MIME });
  return new File([Buffer.concat(chunks)], filename, { type: contentType || "application/octet-stream" });
};

/** Parses a multipart form with the upload limits applied; 413 when the body is absurdly large. */
export async function parseUploadForm(request: Request) {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_REQUEST_BYTES) throw new Response("上传内容过大", { status: 413 });
  try {
    return await unstable_parseMultipartFormData(request, boundedUploadHandler);
  } catch (error) {
    if (error instanceof Response) throw error;
    throw new Response("表单格式不正确", { status: 400 });
  }
}

/**
 * A zod schema for one file input. The content is sniffed, so a renamed .exe
 * is refused even when it is called report.pdf.
 */
export function uploadSchema(allowed: FileKind[] = DOCUMENT_KINDS) {
  return z.instanceof(File, { message: "请选择要上传的文件" }).superRefine(async (file, ctx) => {
    const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
    // docx/xlsx name their parts in the central directory at the end of the zip.
    const tail = file.size > 4096 ? new Uint8Array(await file.slice(-65536).arrayBuffer()) : new Uint8Array();
    const bytes = tail.length ? concat(head, tail) : head;
    const result = checkUpload(file, bytes, allowed);
    if (!result.ok) ctx.addIssue({ code: z.ZodIssueCode.custom, message: result.message });
  });
}

function concat(a: Uint8Array, b: Uint8Array) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export type StoredFile = { storageKey: string; absolutePath: string; kind: FileKind };

/** Writes an already-validated file under data/uploads; returns where it went. */
export async function writeUpload(file: File): Promise<StoredFile> {
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  const tail = new Uint8Array(await file.slice(-65536).arrayBuffer());
  const check = checkUpload(file, concat(head, tail));
  if (!check.ok) throw new Response(check.message, { status: 400 });
  const now = new Date();
  const dir = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  const storageKey = `${dir}/${crypto.randomUUID()}.${FILE_KINDS[check.kind].extensions[0]}`;
  const absolutePath = path.join(UPLOAD_ROOT, storageKey);
  await fs.mkdir(path.dirname(absolutePath), { recursive: true });
  await fs.writeFile(absolutePath, Buffer.from(await file.arrayBuffer()), { mode: 0o600 });
  return { storageKey, absolutePath, kind: check.kind };
}

/**
 * Stores files and runs `write` (which creates the Attachment rows and the
 * change they belong to) in one transaction. If the transaction fails the
 * written files are removed, so nothing is left half-done.
 */
export async function withStoredUploads<T>(files: File[], write: (tx: Tx, stored: StoredFile[]) => Promise<T>) {
  const stored: StoredFile[] = [];
  try {
    for (const file of files) stored.push(await writeUpload(file));
    return await prisma.$transaction((tx) => write(tx, stored));
  } catch (error) {
    await Promise.all(stored.map((s) => fs.rm(s.absolutePath, { force: true })));
    throw error;
  }
}

export function attachmentData(
  file: File,
  stored: StoredFile,
  meta: { uploaderId: string; organizationId?: string | null; purpose: string; description?: string | null; isPublic?: boolean },
) {
  return {
    description: meta.description?.trim() || null,
    uploaderId: meta.uploaderId,
    organizationId: meta.organizationId ?? null,
    purpose: meta.purpose,
    isPublic: meta.isPublic ?? false,
    originalName: file.name.slice(0, 200),
    mimeType: FILE_KINDS[stored.kind].mime,
    sizeBytes: file.size,
    storageKey: stored.storageKey,
  };
}

export function resolveStoragePath(storageKey: string) {
  const absolute = path.resolve(UPLOAD_ROOT, storageKey);
  if (!absolute.startsWith(UPLOAD_ROOT + path.sep)) throw new Response("未找到", { status: 404 });
  return absolute;
}
