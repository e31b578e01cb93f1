// What the funding seed parts share: the demo calls' projects in award order, the staff
// member who acts for the bureau, and the request every seeded step is "sent" with.
import type { PrismaClient } from "~/generated/prisma/client";
import { REVIEW_ROUNDS, type ReviewRound } from "./grants-review-rounds";

export const SEED_REQUEST = () =>
  new Request("http://localhost/seed", { headers: { "x-forwarded-for": "10.32.15.21" } });

export async function seedStaff(prisma: PrismaClient) {
  return prisma.user.findFirst({
    where: { role: "ADMIN", status: "ACTIVE" },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
}

/** The projects of a demo review round's call (grants-review-rounds.ts), in award order. */
export async function roundProjects(prisma: PrismaClient, key: ReviewRound["key"]) {
  const round = REVIEW_ROUNDS.find((r) => r.key === key);
  if (!round) return [];
  return prisma.grantProject.findMany({
    where: { call: { title: round.title } },
    orderBy: { projectNo: "asc" },
    select: {
      id: true,
      projectNo: true,
      title: true,
      status: true,
      startsOn: true,
      endsOn: true,
      signedAt: true,
      awardFen: true,
      callId: true,
      organizationId: true,
      organization: { select: { name: true } },
      application: { select: { createdById: true } },
      kpis: { orderBy: { position: "asc" }, select: { id: true, targetValue: true } },
      budgetLines: { orderBy: { position: "asc" }, select: { id: true, category: true, plannedFen: true } },
      reports: {
        orderBy: { sequence: "asc" },
        select: { id: true, sequence: true, periodStart: true, periodEnd: true, dueAt: true, status: true },
      },
      evaluations: { orderBy: [{ kind: "asc" }, { round: "asc" }], select: { id: true, kind: true, dueAt: true } },
    },
  });
}

export type SeedProject = Awaited<ReturnType<typeof roundProjects>>[number];
