// Gathers an organization's record for the rating eligibility check (eligibility.ts).
import { getRules } from "~/modules/config/rules.server";
import { gradesInForce } from "~/modules/registry/grade.server";
import type { prisma, Tx } from "~/utils/db.server";
import { checkRatingEligibility, type Eligibility } from "./eligibility";
import type { RulesVersion } from "./rules-version";

/** The eligibility of one organization under a rules version, checked at `at`. */
export async function ratingEligibility(
  db: Tx | typeof prisma,
  organizationId: string,
  rulesVersion: RulesVersion,
  at = new Date(),
): Promise<Eligibility> {
  const [organization, inspections, creditRecords, gradeActions, grades, rules] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { status: true, registeredAt: true } }),
    db.inspectionReport.findMany({
      where: { organizationId },
      orderBy: { year: "desc" },
      take: 3,
      select: { year: true, status: true, conclusion: true },
    }),
    db.creditRecord.findMany({
      where: { organizationId, kind: "ADMIN_PENALTY" },
      select: { kind: true, decidedAt: true, endedAt: true, description: true },
    }),
    db.ratingGradeAction.findMany({
      where: { organizationId, status: "CONFIRMED", kind: { in: ["DOWNGRADE", "CANCEL"] }, decidedAt: { not: null } },
      select: { kind: true, decidedAt: true },
    }),
    gradesInForce(db, [organizationId], at),
    getRules(at, db),
  ]);
  return checkRatingEligibility({
    rulesVersion,
    at,
    organization,
    inspections,
    creditRecords,
    gradeActions: gradeActions.map((a) => ({ kind: a.kind as "DOWNGRADE" | "CANCEL", decidedAt: a.decidedAt! })),
    gradeInForce: grades.get(organizationId) ?? null,
    rules,
  });
}
