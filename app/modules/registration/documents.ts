// The documents a registration (登记) / filing (备案) application asks for.
import { defineDocumentSet } from "~/modules/attachments/document-set";
import type { ApplicationKind } from "./application-form";

/** The Attachment.subjectType of files belonging to an application (also its audit entity type). */
export const APPLICATION_SUBJECT_TYPE = "RegistrationApplication";

export const registrationDocuments = defineDocumentSet(APPLICATION_SUBJECT_TYPE, {
  charter: { purpose: "registration.charter", label: "章程草案" },
  premises: { purpose: "registration.premises", label: "住所证明" },
  capital: { purpose: "registration.capital", label: "验资证明" },
  persons: { purpose: "registration.persons", label: "负责人身份证明及简历" },
});

export type DocumentKey = (typeof registrationDocuments.keys)[number];

/** The documents the kind needs: a 备案 has no 验资证明. */
export function documentsFor(kind: ApplicationKind): DocumentKey[] {
  return kind === "FILING" ? ["charter", "premises", "persons"] : ["charter", "premises", "capital", "persons"];
}

/** The documents still missing: required for the kind, neither uploaded now nor before. */
export function missingDocuments(kind: ApplicationKind, uploaded: DocumentKey[], existing: DocumentKey[]) {
  return registrationDocuments.missing(documentsFor(kind), uploaded, existing);
}
