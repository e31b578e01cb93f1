// The one save sequence of an application editor with documents: store the new
// files, write the draft, replace the documents of the same kinds and, when
// submitting, move the application on, all in one transaction; then answer the
// form (field errors, a WorkflowError at the form, or a redirect with a message).
// Used by the 登记/备案 and the 公益创投 editors.
import fs from "node:fs/promises";
import type { z } from "zod";
import { recordAudit } from "~/modules/audit/audit.server";
import { answerIntent, handler } from "~/utils/action.server";
import type { ConfirmText } from "~/utils/confirm";
import { prisma, type Tx } from "~/utils/db.server";
import { redirect } from "~/utils/redirect.server";
import { succeed } from "~/utils/write-result";
import type { DocumentSet } from "./document-set";
import { DOCUMENT_KINDS, type FileKind } from "./file-types";
import {
  attachmentData,
  parseUploadForm,
  resolveStoragePath,
  setAsideRefusedUploads,
  uploadSchema,
  withStoredUploads,
  type StoredFile,
} from "./uploads.server";

/** The documents stored for a subject, in upload order (`asc`) or newest first. */
export async function listDocuments<K extends string>(
  set: DocumentSet<K>,
  subjectId: string,
  order: "asc" | "desc" = "desc",
) {
  return prisma.attachment.findMany({
    where: { subjectType: set.subjectType, subjectId, purpose: { in: set.purposes } },
    orderBy: { createdAt: order },
    select: { id: true, purpose: true, originalName: true, sizeBytes: true, createdAt: true },
  });
}

type Uploads<K extends string> = Array<[K, File]>;

/**
 * Replaces the stored documents of the uploaded kinds with the new files (rows
 * and an audit event); returns the storage keys of the replaced files, to be
 * removed once the transaction has committed.
 */
async function replaceDocuments<K extends string>(
  tx: Tx,
  input: Pick<SaveInput<K, never>, "set" | "subjectId" | "organizationId" | "actorId" | "request">,
  uploads: Uploads<K>,
  stored: StoredFile[],
) {
  const { set, subjectId } = input;
  const old = await tx.attachment.findMany({
    where: { subjectType: set.subjectType, subjectId, purpose: { in: uploads.map(([key]) => set.purposeOf(key)) } },
    select: { id: true, storageKey: true },
  });
  if (old.length) await tx.attachment.deleteMany({ where: { id: { in: old.map((o) => o.id) } } });
  await tx.attachment.createMany({
    data: uploads.map(([key, file], i) => ({
      ...attachmentData(file, stored[i]!, {
        uploaderId: input.actorId,
        organizationId: input.organizationId,
        purpose: set.purposeOf(key),
      }),
      subjectType: set.subjectType,
      subjectId,
    })),
  });
  await recordAudit(tx, {
    actorId: input.actorId,
    action: "attachment.upload",
    entityType: set.subjectType,
    entityId: subjectId,
    reason: uploads.map(([key, file]) => `${set.label(key)}：${file.name}`).join("；"),
    request: input.request,
  });
  return old.map((o) => o.storageKey);
}

export type SaveInput<K extends string, D> = {
  set: DocumentSet<K>;
  subjectId: string;
  organizationId: string;
  actorId: string;
  request: Request;
  files: Partial<Record<K, File>>;
  /** Checks the subject may be edited and writes the draft; throws a WorkflowError when not. */
  saveDraft: (tx: Tx) => Promise<D>;
  /** With `submit`: the submit step (deadline checks, the transition, notifications). */
  submit: ((tx: Tx, draft: D) => Promise<void>) | null;
};

/**
 * Saves a draft with its new documents (replacing earlier ones of the same
 * kind) and, when `submit` is given, submits it, all or nothing. The replaced
 * files' bytes are removed after the commit.
 */
export async function saveWithDocuments<K extends string, D>(input: SaveInput<K, D>) {
  const uploads = (Object.entries(input.files) as Uploads<K>).filter(([, f]) => f instanceof File);
  const replacedKeys: string[] = [];
  const submitted = await withStoredUploads(
    uploads.map(([, file]) => file),
    async (tx, stored) => {
      const draft = await input.saveDraft(tx);
      if (uploads.length) replacedKeys.push(...(await replaceDocuments(tx, input, uploads, stored)));
      if (!input.submit) return false;
      await input.submit(tx, draft);
      return true;
    },
  );
  await Promise.all(replacedKeys.map((key) => fs.rm(resolveStoragePath(key), { force: true }).catch(() => undefined)));
  return { submitted };
}

function isSubmit(value: unknown) {
  return typeof value === "object" && value !== null && (value as { intent?: unknown }).intent === "submit";
}

/**
 * With refused uploads, a long form is saved as a draft (a submit without the
 * refused file would fail on it, or go in without it): the form's `intent`
 * becomes the draft intent, and the note says what was kept.
 */
export function keepDraftDespite(
  refused: Record<string, string[]>,
  formData: FormData,
  intents: { draft: string; field?: string },
) {
  if (!Object.keys(refused).length) return null;
  const field = intents.field ?? "intent";
  const submitting = formData.get(field) !== intents.draft;
  formData.set(field, intents.draft);
  return {
    fieldErrors: refused,
    savedNote: submitting
      ? "尚未提交：标出的文件未被接受，其余内容已保存为草稿。请重新选择该文件后再提交。"
      : "其余内容已保存为草稿；标出的文件未被接受，请重新选择后再保存。",
  };
}

/**
 * The action of an editor form with uploads: parses the multipart body, checks
 * it with `schema` (built here, with the server's content-sniffing file check,
 * so it never reaches the browser bundle), runs `save` and redirects to
 * `redirectTo(submitted)` (which carries the "saved"/"submitted" message).
 */
export async function answerEditorForm<I extends string, S extends z.ZodTypeAny>(
  request: Request,
  formId: I,
  options: {
    schema: (fileSchema: ReturnType<typeof uploadSchema>) => S;
    save: (value: z.output<S>) => Promise<{ submitted: boolean }>;
    redirectTo: (submitted: boolean) => string;
    /** Submitting cannot be undone: ask first (the draft and its files are saved before asking). */
    confirmSubmit?: ConfirmText;
    /** The file kinds accepted (documents by default; e.g. IMAGE_KINDS for photos). */
    kinds?: FileKind[];
  },
) {
  const fileSchema = uploadSchema(options.kinds ?? DOCUMENT_KINDS);
  const { formData, refused } = await setAsideRefusedUploads(await parseUploadForm(request), fileSchema);
  const refusedUploads = keepDraftDespite(refused, formData, { draft: "save" });
  return answerIntent(
    formId,
    formData,
    handler({
      schema: options.schema(fileSchema),
      run: async (value) => succeed(await options.save(value)),
      done: (result) => redirect(options.redirectTo(result.submitted)),
      refusedUploads,
      confirm: (value) => (options.confirmSubmit && isSubmit(value) ? options.confirmSubmit : null),
      saveBeforeAsking: async (value) => {
        await options.save({ ...value, intent: "save" });
      },
    }),
  );
}
