import { prisma } from "~/utils/db.server";
import type { SessionUser } from "~/modules/auth/auth.server";

type AttachmentAccessFields = {
  isPublic: boolean;
  uploaderId: string | null;
  organizationId: string | null;
};

/**
 * Who may open a stored file: anyone for public files; administrators; the
 * uploader; members of the owning organization. Modules that hand files to
 * reviewers extend this with their assignment check.
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
  return false;
}
