import type { SessionUser } from "~/modules/auth/auth.server";
import { reviewerMaySeeFile } from "~/modules/panels.server";
import { prisma } from "~/utils/db.server";

export type AttachmentAccessFields = {
  isPublic: boolean;
  uploaderId: string | null;
  organizationId: string | null;
  /** the record the file belongs to, e.g. "GrantApplication" + its id */
  subjectType: string | null;
  subjectId: string | null;
  purpose: string;
};

/**
 * Who may open a stored file: anyone for public files; administrators; the
 * uploader; members of the owning organization; a reviewer for the files of an
 * expert-panel subject assigned to them (review/file-access.server.ts: not the
 * owner's own papers when the round is blind).
 */
export async function canViewAttachment(user: SessionUser | null, attachment: AttachmentAccessFields) {
  if (attachment.isPublic) return true;
  if (!user) return false;
  if (user.role === "ADMIN") return true;
  if (attachment.uploaderId === user.id) return true;
  if (attachment.organizationId && user.role === "ORG_MEMBER") {
    const membership = await prisma.membership.findUnique({
      where: { userId_organizationId: { userId: user.id, organizationId: attachment.organizationId } },
      select: { userId: true },
    });
    return membership != null;
  }
  if (user.role === "REVIEWER" && attachment.subjectType && attachment.subjectId) {
    return reviewerMaySeeFile(user.id, {
      subjectType: attachment.subjectType,
      subjectId: attachment.subjectId,
      purpose: attachment.purpose,
    });
  }
  return false;
}
