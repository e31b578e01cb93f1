// Staff queries: the list of applications by status, and one application with its services.
import { prisma, type Prisma } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";
import { INCUBATION_NEEDS, parseNeeds } from "./labels";
import { incubationWorkflow, INCUBATION_STATES, type IncubationState } from "./workflow";

export type IncubationStatusFilter = IncubationState | "ALL";

export function parseStatusFilter(value: string | null): IncubationStatusFilter {
  if (value === "ALL") return "ALL";
  return value && incubationWorkflow.isState(value) ? value : "APPLIED";
}

/** Applications for staff, by status, newest first (index: status, appliedAt). */
export async function listIncubations(filter: IncubationStatusFilter, page: number) {
  const where: Prisma.IncubationApplicationWhereInput = {
    status: filter === "ALL" ? { in: [...INCUBATION_STATES] } : filter,
  };
  const [total, rows, grouped] = await Promise.all([
    prisma.incubationApplication.count({ where }),
    prisma.incubationApplication.findMany({
      where,
      orderBy: [{ appliedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        status: true,
        appliedAt: true,
        firstCheckDueAt: true,
        termStart: true,
        termEnd: true,
        organization: { select: { id: true, name: true, status: true } },
      },
    }),
    prisma.incubationApplication.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(INCUBATION_STATES.map((s) => [s, 0])) as Record<IncubationState, number>;
  for (const g of grouped) if (incubationWorkflow.isState(g.status)) counts[g.status] = g._count._all;
  return { total, rows, counts };
}

/** One application for staff: the record, its organization and a page of services with totals. */
export async function getIncubationDetail(id: string, servicePage = 1) {
  const incubation = await prisma.incubationApplication.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      plan: true,
      needs: true,
      appliedAt: true,
      firstCheckDueAt: true,
      firstCheckAt: true,
      firstCheckNote: true,
      reviewAt: true,
      reviewNote: true,
      agreementNo: true,
      termStart: true,
      termEnd: true,
      exitResult: true,
      exitAt: true,
      exitNote: true,
      handoverDueAt: true,
      organization: {
        select: { id: true, name: true, type: true, status: true, uscc: true, contactName: true, contactPhone: true },
      },
    },
  });
  if (!incubation) return null;
  const [services, serviceTotal, totals] = await Promise.all([
    prisma.incubationService.findMany({
      where: { incubationId: id },
      orderBy: [{ providedAt: "desc" }, { createdAt: "desc" }],
      skip: (servicePage - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, kind: true, description: true, providedAt: true, amountFen: true },
    }),
    prisma.incubationService.count({ where: { incubationId: id } }),
    prisma.incubationService.groupBy({
      by: ["kind"],
      where: { incubationId: id },
      _count: { _all: true },
      _sum: { amountFen: true },
    }),
  ]);
  const byKind = INCUBATION_NEEDS.map((kind) => {
    const row = totals.find((t) => t.kind === kind);
    return { kind, count: row?._count._all ?? 0, amountFen: row?._sum.amountFen ?? 0 };
  });
  return {
    incubation: { ...incubation, needs: parseNeeds(incubation.needs) },
    services,
    serviceTotal,
    byKind,
    seedFundingFen: byKind.find((k) => k.kind === "SEED_FUNDING")?.amountFen ?? 0,
  };
}
