import type { SessionUser } from "~/modules/auth/auth.server";
import { GRANT_SUBJECT_TYPE } from "~/modules/grants/application-form";
import { ACTIVE_ASSIGNMENT_STATES } from "~/modules/review/assignment-workflow";
import { GRANT_REVIEW_SUBJECT } from "~/modules/review/rubric";
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
 * uploader; members of the owning organization; a reviewer for the files of a
 * 公益创投 application assigned to them (not the organization's own papers,
 * purpose "org.…", when the call is blind).
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
  if (user.role === "REVIEWER" && attachment.subjectType === GRANT_SUBJECT_TYPE && attachment.subjectId) {
    return reviewerMaySee(user.id, attachment.subjectId, attachment.purpose);
  }
  return false;
}

async function reviewerMaySee(reviewerId: string, applicationId: string, purpose: string) {
  const assignment = await prisma.reviewAssignment.findUnique({
    where: {
      subjectType_subjectId_reviewerId: { subjectType: GRANT_REVIEW_SUBJECT, subjectId: applicationId, reviewerId },
    },
    select: { status: true, roundId: true },
  });
  if (!assignment || !(ACTIVE_ASSIGNMENT_STATES as string[]).includes(assignment.status)) return false;
  if (!purpose.startsWith("org.")) return true;
  const call = await prisma.grantCall.findUnique({ where: { id: assignment.roundId }, select: { blindReview: true } });
  return call != null && !call.blindReview;
}
