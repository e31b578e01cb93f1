// Kinds of documents an organization keeps on file (shown in 机构文件).
export const ORG_DOCUMENT_PURPOSES = {
  "org.charter": "章程",
  "org.certificate": "登记证书",
  "org.premises": "住所（场地）证明",
  "org.capital": "验资报告",
  "org.persons": "负责人身份及简历",
  "org.other": "其他材料",
} as const;

export type OrgDocumentPurpose = keyof typeof ORG_DOCUMENT_PURPOSES;

export const ORG_DOCUMENT_PURPOSE_KEYS = Object.keys(ORG_DOCUMENT_PURPOSES) as [
  OrgDocumentPurpose,
  ...OrgDocumentPurpose[],
];

export function documentPurposeLabel(purpose: string) {
  return ORG_DOCUMENT_PURPOSES[purpose as OrgDocumentPurpose] ?? purpose;
}
