// Reads of the public project record (/projects, /projects/:projectId): explicit selects of
// what the pages show, nested selects instead of per-row queries, filters on indexed columns
// (GrantProject callId/status, serviceArea, projectNo; GrantCall year). Nothing personal is
// selected: no signer, no bank account, no beneficiary names, no report narrative.
import { settleEndedPublicity } from "~/modules/evaluation/finality.server";
import type { Prisma } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";
import { shortCached } from "~/utils/short-cache.server";
import {
  finalGradeOf,
  isPublicProjectState,
  kpiProgress,
  peopleServed,
  projectMoney,
  projectProgress,
  publishedGrades,
  PUBLIC_PROJECT_STATES,
  type PublicProjectState,
} from "./public-project";

export type PublicProjectQuery = {
  callId: string | null;
  year: number | null;
  serviceArea: string | null;
  stage: PublicProjectState | null;
  page: number;
};

export function parsePublicProjectQuery(url: URL): PublicProjectQuery {
  const text = (name: string, max: number) => {
    const value = (url.searchParams.get(name) ?? "").trim();
    return value && value.length <= max ? value : null;
  };
  const year = Number(url.searchParams.get("year"));
  const stage = url.searchParams.get("stage");
  return {
    callId: text("call", 40),
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
    serviceArea: text("area", 200),
    stage: isPublicProjectState(stage) ? stage : null,
    page: getPage(url),
  };
}

function whereOf(q: PublicProjectQuery): Prisma.GrantProjectWhereInput {
  return {
    status: q.stage ? q.stage : { in: [...PUBLIC_PROJECT_STATES] },
    ...(q.callId ? { callId: q.callId } : {}),
    ...(q.year ? { call: { year: q.year } } : {}),
    ...(q.serviceArea ? { serviceArea: q.serviceArea } : {}),
  };
}

const MONEY_SELECT = {
  awardFen: true,
  tranches: { where: { status: "PAID" }, select: { amountFen: true, status: true } },
  refunds: { select: { receivedFen: true } },
} as const;

/** One page of funded projects, newest call first (projectNo GY<year>-NNN sorts by year, then rank). */
export async function listPublicProjects(q: PublicProjectQuery) {
  // Grades shown here must include results whose publicity has ended (decision 026).
  await settleEndedPublicity({ all: true });
  const where = whereOf(q);
  const [total, rows] = await Promise.all([
    prisma.grantProject.count({ where }),
    prisma.grantProject.findMany({
      where,
      orderBy: { projectNo: "desc" },
      skip: (q.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        projectNo: true,
        title: true,
        category: true,
        serviceArea: true,
        status: true,
        finalGrade: true,
        organization: { select: { id: true, name: true } },
        call: { select: { year: true } },
        ...MONEY_SELECT,
      },
    }),
  ]);
  return {
    total,
    projects: rows.map(({ tranches, refunds, awardFen, ...p }) => ({
      ...p,
      ...projectMoney({ awardFen, tranches, refunds }),
    })),
  };
}

/** The filter choices: calls that funded projects, their years, the service areas named. */
export function publicProjectFilters() {
  return shortCached("public-project-filters", 30_000, async () => {
    const [calls, areas] = await Promise.all([
      prisma.grantCall.findMany({
        where: { projects: { some: { status: { in: [...PUBLIC_PROJECT_STATES] } } } },
        orderBy: [{ year: "desc" }, { title: "asc" }],
        select: { id: true, title: true, year: true },
      }),
      prisma.grantProject.findMany({
        where: { status: { in: [...PUBLIC_PROJECT_STATES] }, serviceArea: { not: null } },
        distinct: ["serviceArea"],
        orderBy: { serviceArea: "asc" },
        select: { serviceArea: true },
      }),
    ]);
    return {
      calls,
      years: [...new Set(calls.map((c) => c.year))],
      serviceAreas: areas.map((a) => a.serviceArea!).filter(Boolean),
    };
  });
}

/** One funded project's public record, or null (unknown, or an award withdrawn before signing). */
export async function getPublicProject(projectId: string, now: Date) {
  const p = await prisma.grantProject.findFirst({
    where: { id: projectId, status: { in: [...PUBLIC_PROJECT_STATES] } },
    select: {
      id: true,
      projectNo: true,
      title: true,
      category: true,
      serviceArea: true,
      status: true,
      startsOn: true,
      endsOn: true,
      signedAt: true,
      closedAt: true,
      closingSummary: true,
      organization: { select: { id: true, name: true } },
      call: { select: { id: true, title: true, year: true, confirmedAt: true } },
      milestones: { orderBy: { position: "asc" }, select: { title: true, dueDate: true, doneAt: true } },
      kpis: {
        orderBy: { position: "asc" },
        select: { id: true, kind: true, name: true, target: true, targetValue: true, unit: true },
      },
      evaluations: { select: { kind: true, round: true, status: true, grade: true, finalAt: true } },
      ...MONEY_SELECT,
    },
  });
  if (!p) return null;
  const [actuals, activities] = await Promise.all([
    prisma.grantReportKpi.findMany({
      where: { report: { projectId, status: "ACCEPTED" } },
      select: { kpiId: true, actualValue: true, report: { select: { periodEnd: true } } },
    }),
    prisma.grantReportActivity.findMany({
      where: { report: { projectId, status: "ACCEPTED" } },
      select: { peopleServed: true },
    }),
  ]);
  const { milestones, kpis, evaluations, tranches, refunds, awardFen, closingSummary, closedAt, ...project } = p;
  return {
    ...project,
    closed: p.status === "CLOSED" ? { at: closedAt, summary: closingSummary } : null,
    money: projectMoney({ awardFen, tranches, refunds }),
    progress: projectProgress({ startsOn: p.startsOn, endsOn: p.endsOn, milestones }, now),
    milestones,
    kpis: kpiProgress(
      kpis,
      actuals.map((a) => ({ kpiId: a.kpiId, actualValue: a.actualValue, periodEnd: a.report.periodEnd })),
    ),
    grades: publishedGrades(evaluations),
    finalGrade: finalGradeOf(evaluations),
    peopleServed: peopleServed(activities),
  };
}
