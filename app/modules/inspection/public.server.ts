import { prisma } from "~/utils/db.server";
import { shortCached } from "~/utils/short-cache.server";

/** Reports that have a public result: concluded, or marked 未参检. */
export const PUBLIC_REPORT_STATUSES = ["CONCLUDED", "MISSED"] as const;

/** One organization's inspection results by year, newest first, for its public page. */
export async function listPublicInspectionHistory(organizationId: string) {
  return prisma.inspectionReport.findMany({
    where: { organizationId, status: { in: [...PUBLIC_REPORT_STATUSES] } },
    orderBy: { year: "desc" },
    take: 20,
    select: { year: true, conclusion: true, concludedAt: true },
  });
}

/** The announcement of a year's results, paginated. Null when there is no round for the year. */
export async function listPublicAnnouncement(year: number, page: number, pageSize: number) {
  const round = await prisma.inspectionRound.findUnique({ where: { year }, select: { id: true } });
  if (!round) return null;
  const where = { roundId: round.id, status: { in: [...PUBLIC_REPORT_STATUSES] } };
  const [rows, total, counts] = await prisma.$transaction([
    prisma.inspectionReport.findMany({
      where,
      orderBy: [{ organization: { name: "asc" } }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        conclusion: true,
        concludedAt: true,
        organization: { select: { id: true, name: true, uscc: true, type: true } },
      },
    }),
    prisma.inspectionReport.count({ where }),
    prisma.inspectionReport.groupBy({
      by: ["conclusion"],
      where,
      orderBy: { conclusion: "asc" },
      _count: { _all: true },
    }),
  ]);
  const byConclusion: Record<string, number> = {};
  for (const c of counts) if (c.conclusion) byConclusion[c.conclusion] = (c._count as { _all: number })._all;
  return { rows, total, byConclusion };
}

/**
 * Years with at least one public result, for the year switcher: per round (a small table),
 * one probe of the (roundId, status) index, instead of grouping every report.
 */
export async function listAnnouncedYears() {
  return shortCached("inspection-announced-years", 60_000, async () => {
    const rows = await prisma.inspectionRound.findMany({
      where: { reports: { some: { status: { in: [...PUBLIC_REPORT_STATUSES] } } } },
      orderBy: { year: "desc" },
      select: { year: true },
    });
    return rows.map((r) => r.year);
  });
}
