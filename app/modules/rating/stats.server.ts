// Rating statistics (#12 item 12): per round how many applied, were accepted
// into the panel (eligible) and were graded, by grade; and the grades in force
// today by grade and organization type, read from the OrganizationGrade rows
// (gradesInForce on the validTo index), never from the cached currentGrade.
import { ORG_TYPES, orgTypeLabel } from "~/modules/organizations/labels";
import { GRADES } from "~/modules/registry/grade";
import { gradesInForce } from "~/modules/registry/grade.server";
import { prisma } from "~/utils/db.server";

/** States an application passes once accepted into the panel (eligible and complete). */
const ACCEPTED_OR_LATER = ["ACCEPTED", "SCORED", "DECIDED", "REVIEW_REQUESTED", "ANNOUNCED"];
/** States in which an application still counts as applied (DRAFT and WITHDRAWN never reached staff). */
const APPLIED = ["SUBMITTED", "RETURNED", "REJECTED", ...ACCEPTED_OR_LATER];

export type RoundStats = {
  id: string;
  title: string;
  year: number;
  status: string;
  applied: number;
  accepted: number;
  byGrade: { grade: number; count: number }[];
  ungraded: number;
};

export async function roundStats(): Promise<RoundStats[]> {
  const [rounds, groups] = await Promise.all([
    prisma.ratingRound.findMany({
      orderBy: [{ year: "desc" }, { createdAt: "desc" }],
      select: { id: true, title: true, year: true, status: true },
    }),
    prisma.ratingApplication.groupBy({
      by: ["roundId", "status", "finalGrade"],
      where: { status: { in: APPLIED } },
      _count: { _all: true },
    }),
  ]);
  return rounds.map((round) => {
    const mine = groups.filter((g) => g.roundId === round.id);
    const sum = (rows: typeof mine) => rows.reduce((n, g) => n + g._count._all, 0);
    const decided = mine.filter((g) => ["DECIDED", "REVIEW_REQUESTED", "ANNOUNCED"].includes(g.status));
    return {
      ...round,
      applied: sum(mine),
      accepted: sum(mine.filter((g) => ACCEPTED_OR_LATER.includes(g.status))),
      byGrade: GRADES.map((grade) => ({ grade, count: sum(decided.filter((g) => g.finalGrade === grade)) })),
      ungraded: sum(decided.filter((g) => g.finalGrade == null)),
    };
  });
}

export type GradesInForceStats = {
  types: { type: string; label: string }[];
  rows: { grade: number; byType: number[]; total: number }[];
  total: number;
};

/** Organizations with a grade in force at `at`, by grade (5A first) and organization type. */
export async function gradesInForceStats(at = new Date()): Promise<GradesInForceStats> {
  const candidates = await prisma.organizationGrade.findMany({
    where: { validTo: { gte: at }, validFrom: { lte: at } },
    distinct: ["organizationId"],
    select: { organizationId: true },
  });
  const inForce = await gradesInForce(
    prisma,
    candidates.map((c) => c.organizationId),
    at,
  );
  const orgs = await prisma.organization.findMany({
    where: { id: { in: [...inForce.keys()] } },
    select: { id: true, type: true },
  });
  const types = ORG_TYPES.map((type) => ({ type, label: orgTypeLabel(type) }));
  const rows = GRADES.map((grade) => {
    const byType = types.map((t) => orgs.filter((o) => o.type === t.type && inForce.get(o.id)?.grade === grade).length);
    return { grade, byType, total: byType.reduce((a, b) => a + b, 0) };
  });
  return { types, rows, total: rows.reduce((n, r) => n + r.total, 0) };
}
