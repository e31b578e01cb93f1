// May a reviewer open a file attached to a panel subject? Only while assigned
// to it (an active assignment), and never the owner's own papers in a blind round.
import { prisma } from "~/utils/db.server";
import { ACTIVE_ASSIGNMENT_STATES } from "./assignment-workflow";
import type { PanelRegistry } from "./subject";

export type SubjectFile = { subjectType: string; subjectId: string; purpose: string };

/** The check over the registered subjects; files of any other subject type are refused. */
export function reviewerFileAccess(registry: PanelRegistry) {
  return async function reviewerMaySeeFile(reviewerId: string, file: SubjectFile) {
    const kind = registry.get(file.subjectType);
    if (!kind) return false;
    const assignment = await prisma.reviewAssignment.findUnique({
      where: {
        subjectType_subjectId_reviewerId: { subjectType: kind.type, subjectId: file.subjectId, reviewerId },
      },
      select: { status: true, roundId: true },
    });
    if (!assignment || !(ACTIVE_ASSIGNMENT_STATES as string[]).includes(assignment.status)) return false;
    if (!kind.isIdentityFile(file.purpose)) return true;
    const round = await kind.loadRound(prisma, assignment.roundId);
    return round != null && !round.blind;
  };
}
