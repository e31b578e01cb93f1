import { prisma } from "~/utils/db.server";

export type YearStats = {
  year: number;
  /** reports that must be filed (everything but exempt) */
  obligated: number;
  exempt: number;
  /** took part: concluded 合格 + 基本合格 + 不合格 */
  tookPart: number;
  qualified: number;
  basic: number;
  unqualified: number;
  missed: number;
  /** filed or still being filed, no conclusion yet */
  pending: number;
};

/** Per-year counts from two grouped queries (no per-year or per-row queries). */
export async function inspectionStatsByYear(): Promise<YearStats[]> {
  const [byConclusion, byStatus] = await prisma.$transaction([
    prisma.inspectionReport.groupBy({ by: ["year", "conclusion"], orderBy: { year: "desc" }, _count: { _all: true } }),
    prisma.inspectionReport.groupBy({ by: ["year", "status"], orderBy: { year: "desc" }, _count: { _all: true } }),
  ]);
  const years = new Map<number, YearStats>();
  const get = (year: number) => {
    let s = years.get(year);
    if (!s) {
      s = { year, obligated: 0, exempt: 0, tookPart: 0, qualified: 0, basic: 0, unqualified: 0, missed: 0, pending: 0 };
      years.set(year, s);
    }
    return s;
  };
  for (const row of byConclusion) {
    const n = (row._count as { _all: number })._all;
    const s = get(row.year);
    if (row.conclusion === "QUALIFIED") s.qualified += n;
    else if (row.conclusion === "BASIC") s.basic += n;
    else if (row.conclusion === "UNQUALIFIED") s.unqualified += n;
    else if (row.conclusion === "MISSED") s.missed += n;
  }
  for (const row of byStatus) {
    const n = (row._count as { _all: number })._all;
    const s = get(row.year);
    if (row.status === "EXEMPT") s.exempt += n;
    else s.obligated += n;
    if (["PENDING", "DRAFT", "SUBMITTED", "RETURNED"].includes(row.status)) s.pending += n;
  }
  for (const s of years.values()) s.tookPart = s.qualified + s.basic + s.unqualified;
  return [...years.values()].sort((a, b) => b.year - a.year);
}
