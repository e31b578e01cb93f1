// The facts the public record reads, written straight onto a project made by
// createRunningProject: an accepted report with KPI actuals and activities, a final
// evaluation result, closing with its summary, a refund received, a ban. Their own
// flows are tested by their journeys; here only what the public sees is under test.
import { addDays } from "~/utils/dates";
import { prisma } from "~/utils/db.server";

export async function acceptReport(
  projectId: string,
  input: { actual: number; peopleServed: number; daysAgo: number },
) {
  const kpis = await prisma.grantProjectKpi.findMany({ where: { projectId }, select: { id: true } });
  const last = await prisma.grantProgressReport.findFirst({
    where: { projectId },
    orderBy: { sequence: "desc" },
    select: { sequence: true },
  });
  const periodEnd = addDays(new Date(), -input.daysAgo);
  await prisma.grantProgressReport.create({
    data: {
      projectId,
      sequence: (last?.sequence ?? 0) + 1,
      periodStart: addDays(periodEnd, -90),
      periodEnd,
      dueAt: addDays(periodEnd, 15),
      status: "ACCEPTED",
      narrative: "按计划开展助餐和探访服务。",
      submittedAt: addDays(periodEnd, 10),
      reviewedAt: addDays(periodEnd, 12),
      kpiActuals: { create: kpis.map((k) => ({ kpiId: k.id, actualValue: input.actual })) },
      activities: {
        create: [{ heldOn: addDays(periodEnd, -20), title: "长者助餐", peopleServed: input.peopleServed, position: 0 }],
      },
    },
  });
}

export async function finalEvaluation(projectId: string, kind: "MIDTERM" | "FINAL", grade: string, score: number) {
  const finalAt = addDays(new Date(), kind === "FINAL" ? -5 : -120);
  await prisma.grantEvaluation.create({
    data: { projectId, kind, status: "FINAL", dueAt: addDays(finalAt, -20), grade, score, finalAt },
  });
  if (kind === "FINAL") await prisma.grantProject.update({ where: { id: projectId }, data: { finalGrade: grade } });
}

export async function closeProject(projectId: string, summary: string) {
  await prisma.grantProject.update({
    where: { id: projectId },
    data: { status: "CLOSED", closedAt: addDays(new Date(), -2), closingSummary: summary },
  });
}

export async function receivedRefund(projectId: string, kind: "CLAWBACK" | "LEFTOVER", amountFen: number) {
  await prisma.grantRefund.create({
    data: {
      projectId,
      kind,
      amountFen,
      receivedFen: amountFen,
      reason: kind === "LEFTOVER" ? "项目结余" : "项目终止追回",
      status: "RECEIVED",
      receivedAt: addDays(new Date(), -3),
    },
  });
}

export async function terminateWithBan(projectId: string, organizationId: string, years = 3) {
  const startsAt = addDays(new Date(), -10);
  const endsAt = new Date(startsAt);
  endsAt.setUTCFullYear(endsAt.getUTCFullYear() + years);
  await prisma.grantProject.update({
    where: { id: projectId },
    data: { status: "TERMINATED", endedReason: "未按协议开展服务" },
  });
  await prisma.grantBan.create({ data: { organizationId, projectId, reason: "项目被终止", startsAt, endsAt } });
  return { endsAt };
}
