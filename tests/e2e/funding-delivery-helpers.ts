// Arrangements for the delivery specs (#13 items 6, 8, 9): a funded project in
// delivery, created with the funding module's own functions (createFundedProject
// as the shortlist confirmation does, then the countersign's effects: IN_DELIVERY,
// signedAt and scheduleReports), so specs start at the report or the visit.
import crypto from "node:crypto";
import { createFundedProject } from "~/modules/funding/create-projects.server";
import { scheduleReports } from "~/modules/funding/reports.server";
import { prisma } from "~/utils/db.server";
import { createCall, createCompleteApplication, registerOrganization } from "./grants-apply-helpers";

const DAY = 86_400_000;

/**
 * A project of a new call, signed `signedDaysAgo` days ago and running 12 months,
 * held by `organizationId`, with its reports scheduled.
 */
export async function createProjectInDelivery(input: {
  adminId: string;
  organizationId: string;
  userId: string;
  signedDaysAgo?: number;
  title?: string;
}) {
  const call = await createCall({ createdById: input.adminId, opensInDays: -200, closesInDays: -170 });
  await registerOrganization(input.organizationId);
  const title = input.title ?? `社区长者助餐${crypto.randomBytes(2).toString("hex")}`;
  const app = await createCompleteApplication({
    callId: call.id,
    organizationId: input.organizationId,
    userId: input.userId,
    status: "SCREEN_PASSED",
    title,
  });
  const signedAt = new Date(Date.now() - (input.signedDaysAgo ?? 100) * DAY);
  const endsOn = new Date(signedAt.getTime() + 365 * DAY);
  const project = await prisma.$transaction(async (tx) => {
    await tx.grantApplication.update({ where: { id: app.id }, data: { status: "IN_PROGRESS" } });
    const created = await createFundedProject(tx, {
      applicationId: app.id,
      awardFen: 8_000_000,
      actorId: input.adminId,
      now: signedAt,
    });
    await tx.grantProject.update({
      where: { id: created.id },
      data: { status: "IN_DELIVERY", signedAt, startsOn: signedAt, endsOn },
    });
    await scheduleReports(tx, created.id);
    return created;
  });
  return prisma.grantProject.findUniqueOrThrow({
    where: { id: project.id },
    select: {
      id: true,
      title: true,
      kpis: { select: { id: true, name: true, targetValue: true } },
      reports: { orderBy: { sequence: "asc" }, select: { id: true, sequence: true, dueAt: true, status: true } },
    },
  });
}
