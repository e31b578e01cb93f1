// The upload inputs of an application's documents, each with the file stored
// for it so far ("已上传：…") or what to do when none is. Shared by the
// 登记/备案 and 公益创投 editors.
import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { FileField } from "~/components/forms";
import { DOCUMENT_ACCEPT, type DocumentFieldName, type DocumentSet } from "./document-set";
import { formatSize } from "./file-types";

type Stored = { id: string; purpose: string; originalName: string; sizeBytes: number };

export function DocumentUploadFields<K extends string>({
  set,
  keys = set.keys,
  stored,
  meta,
  missingHint,
  showSize = false,
  accept = DOCUMENT_ACCEPT,
}: {
  set: DocumentSet<K>;
  /** The kinds to ask for, in order; all of the set by default. */
  keys?: K[];
  /** The documents stored so far. */
  stored: Stored[];
  /** The conform field of an upload input. */
  meta: (name: DocumentFieldName<K>) => FieldMetadata<unknown>;
  /** The hint under an input with nothing stored yet. */
  missingHint: (key: K) => ReactNode;
  showSize?: boolean;
  /** the input's accept list (documents by default) */
  accept?: string;
}) {
  const byKey = set.byKey(stored);
  return (
    <>
      {keys.map((key) => {
        const doc = byKey[key];
        return (
          <FileField
            key={key}
            meta={meta(set.fieldName(key))}
            label={set.label(key)}
            accept={accept}
            hint={
              doc ? (
                <>
                  已上传：
                  <a href={`/files/${doc.id}`} className="link break-all" target="_blank" rel="noreferrer">
                    {doc.originalName}
                  </a>
                  {showSize ? `（${formatSize(doc.sizeBytes)}）` : null}
                </>
              ) : (
                missingHint(key)
              )
            }
          />
        );
      })}
    </>
  );
}
