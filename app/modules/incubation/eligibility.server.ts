// The exclusion rules' inputs, gathered from the database (the rule itself is
// pure, in eligibility.ts).
import { getRules } from "~/modules/config/rules.server";
import { prisma, type Tx } from "~/utils/db.server";
import { checkIncubationEligibility, inspectionLookbackFromYear, type EligibilityResult } from "./eligibility";
import { OPEN_INCUBATION_STATES } from "./labels";

type Db = Tx | typeof prisma;

/**
 * Gathers what the exclusion rules need in four queries (no per-row queries)
 * and checks them. `excludeIncubationId` leaves one application out of the
 * "already open" check, for staff looking at that very application.
 */
export async function getIncubationEligibility(
  organizationId: string,
  {
    today = new Date(),
    db = prisma,
    excludeIncubationId,
  }: { today?: Date; db?: Db; excludeIncubationId?: string } = {},
): Promise<EligibilityResult> {
  const rules = await getRules(today, db);
  const fromYear = inspectionLookbackFromYear(today, rules["incubation.exclusionLookbackYears"]);
  // One query per kind of record, one after the other so the same code runs on a transaction client.
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { status: true },
  });
  const inspections = await db.inspectionReport.findMany({
    where: { organizationId, year: { gte: fromYear } },
    select: { year: true, status: true, conclusion: true },
  });
  const creditRecords = await db.creditRecord.findMany({
    where: { organizationId, kind: { in: ["ADMIN_PENALTY", "FALSE_MATERIALS"] } },
    select: { kind: true, decidedAt: true, description: true },
  });
  const openIncubations = await db.incubationApplication.findMany({
    where: {
      organizationId,
      status: { in: [...OPEN_INCUBATION_STATES] },
      ...(excludeIncubationId ? { id: { not: excludeIncubationId } } : {}),
    },
    select: { status: true },
  });
  return checkIncubationEligibility({
    organizationStatus: organization.status,
    inspections,
    creditRecords,
    openIncubations,
    rules,
    today,
  });
}
