// Organization.currentGrade is a copy of the grade in force, kept for filtering
// and sorting the directory on an index. How it stays true on any date:
// - every write of a grade row (announcement, downgrade, cancellation) recomputes
//   the copy in the same transaction (recomputeCurrentGrade);
// - the calendar moves grades in (1 January) and out (31 December): the list pages
//   that filter or sort on the copy refresh it once a day first
//   (refreshCurrentGradesDaily);
// - decisions that must be right on the day (4A+ simplified inspection, a call's
//   minimum grade) never trust the copy: they read the rows through gradesInForce,
//   on the (organizationId, validTo) index.
import { shanghaiParts } from "~/utils/dates";
import { prisma, type Tx } from "~/utils/db.server";
import { gradeInForce, gradeRowInForce } from "./grade";

/** The grade row in force at `at` for each organization (absent when none), read from the rows. */
export async function gradesInForce(db: Tx | typeof prisma, organizationIds: string[], at = new Date()) {
  const rows = await db.organizationGrade.findMany({
    where: { organizationId: { in: [...new Set(organizationIds)] }, validTo: { gte: at } },
    select: { id: true, organizationId: true, grade: true, announcedAt: true, validFrom: true, validTo: true },
  });
  const byOrg = new Map<string, typeof rows>();
  for (const row of rows) byOrg.set(row.organizationId, [...(byOrg.get(row.organizationId) ?? []), row]);
  const result = new Map<string, (typeof rows)[number]>();
  for (const [orgId, list] of byOrg) {
    const row = gradeRowInForce(list, at);
    if (row) result.set(orgId, row);
  }
  return result;
}

/** Recomputes one organization's currentGrade from its grade rows; returns the new value. */
export async function recomputeCurrentGrade(tx: Tx, organizationId: string, at = new Date()) {
  const rows = await tx.organizationGrade.findMany({
    where: { organizationId, validTo: { gte: at } },
    select: { grade: true, announcedAt: true, validFrom: true, validTo: true },
  });
  const grade = gradeInForce(rows, at);
  await tx.organization.update({ where: { id: organizationId }, data: { currentGrade: grade }, select: { id: true } });
  return grade;
}

/**
 * Brings every organization's currentGrade up to date at `at`: grades expire
 * on 31 December and announced grades only take effect on 1 January, so the
 * copy goes stale with the calendar. One statement, run at most once a day.
 */
export async function refreshCurrentGrades(at = new Date()) {
  // DateTime columns hold ISO text as the SQLite adapter writes it ("…T16:00:00.000+00:00").
  const when = at.toISOString().replace("Z", "+00:00");
  return prisma.$executeRaw`
    UPDATE "Organization" SET "currentGrade" = (
      SELECT g."grade" FROM "OrganizationGrade" g
      WHERE g."organizationId" = "Organization"."id" AND g."validFrom" <= ${when} AND g."validTo" >= ${when}
      ORDER BY g."announcedAt" DESC LIMIT 1
    )
    WHERE "id" IN (SELECT DISTINCT "organizationId" FROM "OrganizationGrade")
      AND "currentGrade" IS NOT (
        SELECT g."grade" FROM "OrganizationGrade" g
        WHERE g."organizationId" = "Organization"."id" AND g."validFrom" <= ${when} AND g."validTo" >= ${when}
        ORDER BY g."announcedAt" DESC LIMIT 1
      )`;
}

let refreshedDay: string | null = null;

/** Runs refreshCurrentGrades once per Shanghai calendar day (per server process). */
export async function refreshCurrentGradesDaily(at = new Date()) {
  const p = shanghaiParts(at);
  const day = `${p.year}-${p.month}-${p.day}`;
  if (refreshedDay === day) return;
  await refreshCurrentGrades(at);
  refreshedDay = day;
}
