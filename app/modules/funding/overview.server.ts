// The key facts of a funded project shown on its hub's overview tab (both sides).
import { prisma } from "~/utils/db.server";

export async function loadProjectOverview(projectId: string) {
  return prisma.grantProject.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      category: true,
      serviceArea: true,
      reportEveryMonths: true,
      closingSummary: true,
      endedReason: true,
      budgetLines: {
        orderBy: { position: "asc" },
        select: { id: true, category: true, description: true, plannedFen: true, revisedFen: true },
      },
      kpis: { orderBy: { position: "asc" }, select: { id: true, kind: true, name: true, target: true } },
      milestones: { orderBy: { position: "asc" }, select: { id: true, title: true, dueDate: true, doneAt: true } },
      tranches: {
        orderBy: { position: "asc" },
        select: { id: true, position: true, percent: true, amountFen: true, trigger: true, status: true },
      },
      agreements: {
        orderBy: { version: "desc" },
        take: 1,
        select: { version: true, kind: true, status: true },
      },
    },
  });
}
