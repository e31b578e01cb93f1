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
 * Whether anyone, signed in or not, may open the file. A product's images are
 * public only while the product is listed: that is read here from the
 * product's status at each request rather than kept in isPublic, so none of
 * the product workflow's transitions (上架, 下架, 退回, back to screening) has
 * a flag to keep in step and a forgotten one cannot leak an image.
 * ("LISTED" is showroom/product-workflow.ts's listed state.)
 */
export async function isPublicAttachment(
  attachment: Pick<AttachmentAccessFields, "isPublic" | "subjectType" | "subjectId">,
) {
  if (!attachment.isPublic) return false;
  if (attachment.subjectType !== "Product") return true;
  if (!attachment.subjectId) return false;
  const product = await prisma.product.findUnique({ where: { id: attachment.subjectId }, select: { status: true } });
  return product?.status === "LISTED";
}

/**
 * Who may open a stored file: anyone for public files (isPublicAttachment); administrators; the
 * uploader; members of the owning organization; a reviewer for the files of an
 * expert-panel subject assigned to them (review/file-access.server.ts: not the
 * owner's own papers when the round is blind).
 */
export async function canViewAttachment(user: SessionUser | null, attachment: AttachmentAccessFields) {
  if (await isPublicAttachment(attachment)) return true;
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
