// The documents a 公益创投 application asks for: the 项目计划书 is required at 提交.
import { defineDocumentSet } from "~/modules/attachments/document-set";

/** The Attachment.subjectType of an application's files, also its audit entity type. */
export const GRANT_SUBJECT_TYPE = "GrantApplication";

export const grantDocuments = defineDocumentSet(GRANT_SUBJECT_TYPE, {
  plan: { purpose: "grant.plan", label: "项目计划书", required: true },
  budget: { purpose: "grant.budget", label: "预算明细表", required: false },
  other: { purpose: "grant.other", label: "其他证明材料", required: false },
});

export type GrantDocumentKey = (typeof grantDocuments.keys)[number];
