// What the staff's 统计 page links to (issue #19 item 15): each area's statistics
// and exports, for the years and calls that have them.
import { prisma } from "~/utils/db.server";

/** The inspection years and the published grant calls, newest first. */
export async function statsIndex() {
  const [inspectionYears, grantCalls] = await Promise.all([
    prisma.inspectionRound.findMany({ orderBy: { year: "desc" }, take: 5, select: { year: true } }),
    prisma.grantCall.findMany({
      where: { status: { not: "DRAFT" } },
      orderBy: [{ year: "desc" }, { createdAt: "desc" }],
      take: 10,
      select: { id: true, title: true, year: true },
    }),
  ]);
  return { inspectionYears: inspectionYears.map((r) => r.year), grantCalls };
}
