// Reads for the public statistics page and its Excel download: one row per funded project of
// the chosen year or call (a district funds tens of projects a year, so the sums are made in
// memory from explicit selects; nested selects batch the tranches, refunds and reports).
import { parseGrantData } from "~/modules/grants/applications/application-form";
import { prisma } from "~/utils/db.server";
import { shortCached } from "~/utils/short-cache.server";
import { projectMoney, PUBLIC_PROJECT_STATES } from "./public-project";
import { fundingStats, type StatsProject } from "./stats";

export type StatsScope = { year: number | null; callId: string | null };

export function parseStatsScope(url: URL): StatsScope {
  const year = Number(url.searchParams.get("year"));
  const callId = (url.searchParams.get("call") ?? "").trim();
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
    callId: callId && callId.length <= 40 ? callId : null,
  };
}

/** The calls and years that funded projects (the page's choices). */
export function statsChoices() {
  return shortCached("public-stats-choices", 30_000, async () => {
    const calls = await prisma.grantCall.findMany({
      where: { projects: { some: { status: { in: [...PUBLIC_PROJECT_STATES] } } } },
      orderBy: [{ year: "desc" }, { title: "asc" }],
      select: { id: true, title: true, year: true },
    });
    return { calls, years: [...new Set(calls.map((c) => c.year))] };
  });
}

async function statsRows(scope: StatsScope): Promise<StatsProject[]> {
  const rows = await prisma.grantProject.findMany({
    where: {
      status: { in: [...PUBLIC_PROJECT_STATES] },
      ...(scope.callId ? { callId: scope.callId } : scope.year ? { call: { year: scope.year } } : {}),
    },
    select: {
      category: true,
      serviceArea: true,
      awardFen: true,
      finalGrade: true,
      application: { select: { data: true } },
      tranches: { where: { status: "PAID" }, select: { amountFen: true, status: true } },
      refunds: { select: { receivedFen: true } },
      reports: {
        select: {
          dueAt: true,
          submittedAt: true,
          status: true,
          activities: { select: { peopleServed: true } },
        },
      },
    },
  });
  return rows
    .map((p) => ({
      category: p.category,
      serviceArea: p.serviceArea,
      ...projectMoney(p),
      finalGrade: p.finalGrade,
      peoplePlanned: parseGrantData(p.application.data).beneficiaryCount ?? null,
      peopleServed: p.reports
        .filter((r) => r.status === "ACCEPTED")
        .reduce((sum, r) => sum + r.activities.reduce((s, a) => s + a.peopleServed, 0), 0),
      reports: p.reports.map((r) => ({ dueAt: r.dueAt, submittedAt: r.submittedAt })),
    }))
    .map(({ awardedFen, ...p }) => ({ ...p, awardFen: awardedFen }));
}

/** The statistics of a scope: a call, a year, or (neither) every year. */
export function publicFundingStats(scope: StatsScope, now: Date) {
  return shortCached(`public-stats:${scope.year ?? ""}:${scope.callId ?? ""}`, 30_000, async () =>
    fundingStats(await statsRows(scope), now),
  );
}
