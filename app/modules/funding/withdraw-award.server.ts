// 撤销资助: staff withdraw the award of a project never signed (typically after the
// signing deadline), with a reason. The project is WITHDRAWN (the call's ledger no
// longer counts its money as awarded), its unsigned agreement version is cancelled,
// its planned tranches are stopped and the application reads 已撤销资助.
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { runBulkTransition, runTransition } from "~/modules/workflow/transition.server";
import { prisma } from "~/utils/db.server";
import { fail, succeed } from "~/utils/write-result";
import { GRANT_SUBJECT_TYPE } from "../grants/applications/application-form";
import { grantApplicationWorkflow } from "../grants/applications/application-workflow";
import { cancelVersion, openAgreement } from "./agreements.server";
import { GRANT_PROJECT_ENTITY } from "./create-projects.server";
import { grantProjectWorkflow } from "./project-workflow";
import { trancheWorkflow } from "./tranche-workflow";
import { GRANT_TRANCHE_ENTITY } from "./tranches.server";

export async function withdrawAward(input: {
  projectId: string;
  actor: { id: string };
  reason: string;
  request?: Request;
}) {
  const reason = input.reason.trim();
  return prisma.$transaction(async (tx) => {
    const project = await tx.grantProject.findUniqueOrThrow({
      where: { id: input.projectId },
      select: {
        id: true,
        status: true,
        title: true,
        organizationId: true,
        applicationId: true,
        application: { select: { status: true } },
        tranches: { where: { status: "PLANNED" }, select: { id: true } },
      },
    });
    if (project.status !== "AWAITING_SIGNATURE") return fail("只有待签约的项目可以撤销资助", { status: 409 });
    const actor = { id: input.actor.id, role: "ADMIN" as const };
    await runTransition(tx, {
      workflow: grantProjectWorkflow,
      entityType: GRANT_PROJECT_ENTITY,
      entityId: project.id,
      from: "AWAITING_SIGNATURE",
      to: "WITHDRAWN",
      actor,
      reason,
      request: input.request,
      apply: async () =>
        (
          await tx.grantProject.updateMany({
            where: { id: project.id, status: "AWAITING_SIGNATURE" },
            data: { status: "WITHDRAWN", endedReason: reason },
          })
        ).count,
    });
    const open = await openAgreement(tx, project.id);
    if (open) await cancelVersion(tx, { ...input, reason: `撤销资助：${reason}`, agreement: open });
    if (project.tranches.length) {
      await runBulkTransition(tx, {
        workflow: trancheWorkflow,
        entityType: GRANT_TRANCHE_ENTITY,
        entities: project.tranches.map((t) => ({ id: t.id, from: "PLANNED" as const })),
        to: "STOPPED",
        actor,
        reason: `撤销资助：${reason}`,
        request: input.request,
        apply: async (from, ids) =>
          (
            await tx.grantTranche.updateMany({
              where: { id: { in: ids }, status: from },
              data: { status: "STOPPED", holdReason: `撤销资助：${reason}` },
            })
          ).count,
      });
    }
    if (project.application.status === "FUNDED") {
      await runTransition(tx, {
        workflow: grantApplicationWorkflow,
        entityType: GRANT_SUBJECT_TYPE,
        entityId: project.applicationId,
        from: "FUNDED",
        to: "AWARD_WITHDRAWN",
        actor,
        reason,
        request: input.request,
        apply: async () =>
          (
            await tx.grantApplication.updateMany({
              where: { id: project.applicationId, status: "FUNDED" },
              data: { status: "AWARD_WITHDRAWN" },
            })
          ).count,
      });
    }
    await notifyOrganization(tx, project.organizationId, {
      title: `资助已撤销：${project.title}`,
      body: `区民政局撤销了该项目的资助。理由：${reason}`,
      link: `/org/projects/${project.id}`,
    });
    return succeed();
  });
}
