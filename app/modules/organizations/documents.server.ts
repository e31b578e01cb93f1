import { attachmentData, withStoredUploads } from "~/modules/attachments/uploads.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { prisma } from "~/utils/db.server";
import { ORG_DOCUMENT_PURPOSE_KEYS, type OrgDocumentPurpose } from "./documents";

export async function listOrgDocuments(organizationId: string) {
  return prisma.attachment.findMany({
    where: { organizationId, purpose: { in: ORG_DOCUMENT_PURPOSE_KEYS } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      purpose: true,
      description: true,
      originalName: true,
      sizeBytes: true,
      createdAt: true,
      uploader: { select: { name: true } },
    },
  });
}

/** Stores the file and its record (with the audit event) together, or neither. */
export async function addOrgDocument(input: {
  organizationId: string;
  uploaderId: string;
  purpose: OrgDocumentPurpose;
  description?: string;
  file: File;
  request: Request;
}) {
  return withStoredUploads([input.file], async (tx, [stored]) => {
    const attachment = await tx.attachment.create({
      data: attachmentData(input.file, stored!, {
        uploaderId: input.uploaderId,
        organizationId: input.organizationId,
        purpose: input.purpose,
        description: input.description,
      }),
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.uploaderId,
      action: "attachment.upload",
      entityType: "Attachment",
      entityId: attachment.id,
      reason: `${input.file.name}（${input.purpose}）`,
      request: input.request,
    });
    return attachment;
  });
}
