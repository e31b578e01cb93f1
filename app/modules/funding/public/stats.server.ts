// Reads for the public statistics page and its Excel download: one row per funded project of
// the chosen scope (a district funds tens of projects a year, so the sums are made in memory
// from explicit selects; nested selects batch the tranches, refunds and reports). The scope's
// filters are indexed columns: GrantProject (callId, status), (category, callId),
// (street, callId); the year through GrantCall.
import { settleEndedPublicity } from "~/modules/evaluation/finality.server";
import { parseGrantData } from "~/modules/grants/applications/application-form";
import { prisma, type Prisma } from "~/utils/db.server";
import { shortCached } from "~/utils/short-cache.server";
import { projectMoney, PUBLIC_PROJECT_STATES } from "./public-project";
import { fundingStats, type StatsProject } from "./stats";
import type { StatsScope } from "./stats-scope";

const PUBLIC_PROJECT = { status: { in: [...PUBLIC_PROJECT_STATES] } } satisfies Prisma.GrantProjectWhereInput;

/** The page's choices: the calls and years that funded projects, their categories and streets. */
export function statsChoices() {
  return shortCached("public-stats-choices", 30_000, async () => {
    const [calls, categories, streets] = await Promise.all([
      prisma.grantCall.findMany({
        where: { projects: { some: PUBLIC_PROJECT } },
        orderBy: [{ year: "desc" }, { title: "asc" }],
        select: { id: true, title: true, year: true },
      }),
      prisma.grantProject.groupBy({
        by: ["category"],
        where: { ...PUBLIC_PROJECT, category: { not: null } },
        orderBy: { category: "asc" },
      }),
      prisma.grantProject.groupBy({
        by: ["street"],
        where: { ...PUBLIC_PROJECT, street: { not: null } },
        orderBy: { street: "asc" },
      }),
    ]);
    return {
      calls,
      years: [...new Set(calls.map((c) => c.year))],
      categories: categories.map((c) => c.category!),
      streets: streets.map((s) => s.street!),
    };
  });
}

function scopeWhere(scope: StatsScope): Prisma.GrantProjectWhereInput {
  return {
    ...PUBLIC_PROJECT,
    ...(scope.callId ? { callId: scope.callId } : scope.year ? { call: { year: scope.year } } : {}),
    ...(scope.category ? { category: scope.category } : {}),
    ...(scope.street ? { street: scope.street } : {}),
  };
}

async function statsRows(scope: StatsScope): Promise<StatsProject[]> {
  const rows = await prisma.grantProject.findMany({
    where: scopeWhere(scope),
    select: {
      category: true,
      serviceArea: true,
      street: true,
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
      street: p.street,
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

/** The statistics of a scope: a call, a year, or (neither) every year, each maybe narrowed. */
export async function publicFundingStats(scope: StatsScope, now: Date) {
  // Settling writes, which drops the cached figures, so they count results that just became final.
  await settleEndedPublicity({ all: true }, now);
  return shortCached(`public-stats:${JSON.stringify(scope)}`, 30_000, async () =>
    fundingStats(await statsRows(scope), now),
  );
}
