// What the staff's grade-actions page reads: pending proposals, recent
// decisions, certificates to return, and the organizations with a grade in force.
import { prisma } from "~/utils/db.server";
import { listCertificatesToReturn } from "./certificate.server";

const ACTION_SELECT = {
  id: true,
  kind: true,
  cause: true,
  status: true,
  fromGrade: true,
  toGrade: true,
  detail: true,
  sourceType: true,
  decisionNote: true,
  decidedAt: true,
  createdAt: true,
  organization: { select: { id: true, name: true } },
} as const;

export async function loadGradeActionsPage() {
  const [pending, decided, certificates, graded] = await Promise.all([
    prisma.ratingGradeAction.findMany({
      where: { status: "PROPOSED" },
      orderBy: { createdAt: "asc" },
      take: 200,
      select: ACTION_SELECT,
    }),
    prisma.ratingGradeAction.findMany({
      where: { status: { in: ["CONFIRMED", "DISMISSED"] } },
      orderBy: { decidedAt: "desc" },
      take: 50,
      select: ACTION_SELECT,
    }),
    listCertificatesToReturn(),
    gradedOrganizations(),
  ]);
  return { pending, decided, certificates, graded };
}

/** Registered organizations with a grade (the copy: refreshed daily by the list pages), for the pickers. */
export async function gradedOrganizations() {
  return prisma.organization.findMany({
    where: { status: "REGISTERED", currentGrade: { not: null } },
    orderBy: { name: "asc" },
    take: 500,
    select: { id: true, name: true, currentGrade: true },
  });
}
