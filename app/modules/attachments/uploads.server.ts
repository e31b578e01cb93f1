import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { prisma, type Tx } from "~/utils/db.server";
import { readForm, tooLarge } from "~/utils/request-body.server";
import { cleanLine } from "~/utils/text";
import { checkUpload, DOCUMENT_KINDS, FILE_KINDS, MAX_UPLOAD_BYTES, TOO_LARGE_MIME, type FileKind } from "./file-types";

export const UPLOAD_ROOT = path.resolve(process.env.UPLOAD_DIR ?? path.join("data", "uploads"));

const MAX_TEXT_PART_BYTES = 200 * 1024;
const MAX_REQUEST_BYTES = 60 * 1024 * 1024;

/**
 * Reads a multipart upload form (readForm: 415/400/413 for bodies the app
 * cannot take) capped at MAX_REQUEST_BYTES. An oversized file becomes a
 * marked, empty File rather than an error, so the rest of the form is kept and
 * the user sees a message at that field.
 */
export async function parseUploadForm(request: Request) {
  const parsed = await readForm(request, { maxBytes: MAX_REQUEST_BYTES, multipart: "required" });
  const result = new FormData();
  for (const [name, value] of parsed.entries()) {
    if (typeof value === "string") {
      if (Buffer.byteLength(value) > MAX_TEXT_PART_BYTES) throw tooLarge();
      result.append(name, value);
    } else if (!value.name && value.size === 0) {
      continue; // an empty file input
    } else if (value.size > MAX_UPLOAD_BYTES) {
      result.append(name, new File([], value.name, { type: TOO_LARGE_MIME }));
    } else {
      result.append(name, value);
    }
  }
  return result;
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

/**
 * Takes the files `check` refuses out of a parsed upload form, so one bad file
 * never costs the rest of a draft: the typed fields and the files that passed
 * go on to be saved, and each refused file is named at its field. Returns the
 * form without the refused files, their messages by field name and their names.
 */
export async function setAsideRefusedUploads(formData: FormData, check: z.ZodTypeAny = uploadSchema()) {
  const kept = new FormData();
  const refused: Record<string, string[]> = {};
  const names: string[] = [];
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") {
      const result = await check.safeParseAsync(value);
      if (!result.success) {
        const messages = result.error.issues.map((issue) => `${issue.message}，该文件未保存`);
        refused[name] = [...(refused[name] ?? []), ...messages];
        names.push(value.name);
        continue;
      }
    }
    kept.append(name, value);
  }
  return { formData: kept, refused, names };
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
  meta: {
    uploaderId: string;
    organizationId?: string | null;
    purpose: string;
    description?: string | null;
    isPublic?: boolean;
  },
) {
  return {
    description: meta.description?.trim() || null,
    uploaderId: meta.uploaderId,
    organizationId: meta.organizationId ?? null,
    purpose: meta.purpose,
    isPublic: meta.isPublic ?? false,
    originalName: cleanLine(file.name).slice(0, 200) || "未命名文件",
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
