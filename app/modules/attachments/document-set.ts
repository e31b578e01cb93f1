// The documents an application asks for (章程草案, 项目计划书, …) as one set:
// which Attachment.purpose each kind is stored under, the form field its upload
// arrives in, which kinds are stored already and which are still missing. Both
// application editors (登记/备案 and 公益创投) describe their documents with it,
// so the bookkeeping lives here once. Pure: no database, safe in the browser.
import { z } from "zod";
import { DOCUMENT_KINDS, FILE_KINDS } from "./file-types";

export type DocumentSpec = { purpose: string; label: string; required?: boolean };

/** The `accept` attribute of a document upload input. */
export const DOCUMENT_ACCEPT = DOCUMENT_KINDS.flatMap((k) => FILE_KINDS[k].extensions.map((e) => `.${e}`)).join(",");

/** The browser's check of one upload: a file was chosen (the server sniffs its content). */
export const clientFileSchema = z.instanceof(File, { message: "请选择要上传的文件" });

export type DocumentFieldName<K extends string> = `${K}File`;

/**
 * Describes the documents of one kind of subject (`subjectType` is the
 * Attachment.subjectType, also the audit entity type of the subject).
 */
export function defineDocumentSet<K extends string>(subjectType: string, documents: Record<K, DocumentSpec>) {
  const keys = Object.keys(documents) as K[];
  const fieldName = (key: K) => `${key}File` as DocumentFieldName<K>;
  const keyOf = (purpose: string): K | null => keys.find((k) => documents[k].purpose === purpose) ?? null;
  return {
    subjectType,
    documents,
    keys,
    purposes: keys.map((k) => documents[k].purpose),
    label: (key: K) => documents[key].label,
    purposeOf: (key: K) => documents[key].purpose,
    /** The form field holding the upload for a document. */
    fieldName,
    keyOf,
    /** Which documents a list of stored attachments covers. */
    keysOf(stored: Array<{ purpose: string }>): K[] {
      return [...new Set(stored.map((d) => keyOf(d.purpose)).filter((k): k is K => k != null))];
    },
    /** The stored attachment of each kind, for "已上传：…" beside its input. */
    byKey<D extends { purpose: string }>(stored: D[]): Partial<Record<K, D>> {
      const found: Partial<Record<K, D>> = {};
      for (const doc of stored) {
        const key = keyOf(doc.purpose);
        if (key && !found[key]) found[key] = doc;
      }
      return found;
    },
    /** The kinds among `required` neither uploaded now nor stored before. */
    missing(required: K[], uploaded: K[], existing: K[]): K[] {
      return required.filter((k) => !uploaded.includes(k) && !existing.includes(k));
    },
    /** The kinds with a file in the parsed form values. */
    uploadedKeys(values: Partial<Record<DocumentFieldName<K>, unknown>>): K[] {
      return keys.filter((k) => values[fieldName(k)] != null);
    },
    /** The uploads in the parsed form values, by kind (only `among`, all kinds by default). */
    filesFrom(values: Partial<Record<DocumentFieldName<K>, unknown>>, among: K[] = keys): Partial<Record<K, File>> {
      const files: Partial<Record<K, File>> = {};
      for (const key of among) {
        const file = values[fieldName(key)];
        if (file instanceof File) files[key] = file;
      }
      return files;
    },
    /** One optional upload field per kind, to `.extend()` a form schema with. */
    fileFields<S extends z.ZodTypeAny>(fileSchema: S) {
      return Object.fromEntries(keys.map((k) => [fieldName(k), fileSchema.optional()])) as Record<
        DocumentFieldName<K>,
        z.ZodOptional<S>
      >;
    },
  };
}

export type DocumentSet<K extends string = string> = ReturnType<typeof defineDocumentSet<K>>;
