// The evidence of a rating application: one document per leaf, stored as an Attachment of the
// application under rating.evidence.<leaf code> (the attachments' document set). Pure.
import { defineDocumentSet } from "~/modules/attachments/document-set";
import { evidencePurpose, RATING_SUBJECT_TYPE } from "./labels";
import { leafKey, type FormLeaf } from "./leaf-input";

/** The upload key of a leaf's evidence: its form field is `${key}File`. */
export const evidenceKey = (code: string) => `e_${leafKey(code)}`;

export function evidenceSet(leaves: Pick<FormLeaf, "code" | "title">[]) {
  return defineDocumentSet(
    RATING_SUBJECT_TYPE,
    Object.fromEntries(
      leaves.map((l) => [evidenceKey(l.code), { purpose: evidencePurpose(l.code), label: `佐证材料（${l.code}）` }]),
    ),
  );
}
