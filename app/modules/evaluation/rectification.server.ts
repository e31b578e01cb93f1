// The end of a rectification (#14 item 5): a passing re-evaluation puts the project back into
// delivery (RECTIFYING → IN_DELIVERY) through the project workflow, in the finalizing transaction.
import { GRANT_PROJECT_ENTITY } from "~/modules/funding/create-projects.server";
import { grantProjectWorkflow } from "~/modules/funding/project-workflow";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import type { Actor } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import type { Tx } from "~/utils/db.server";

export async function endRectification(
  tx: Tx,
  input: { projectId: string; reason: string; actor: { id: string | null; role: Actor }; request?: Request },
) {
  const project = await tx.grantProject.findUniqueOrThrow({
    where: { id: input.projectId },
    select: { id: true, projectNo: true, organizationId: true },
  });
  await runTransition(tx, {
    workflow: grantProjectWorkflow,
    entityType: GRANT_PROJECT_ENTITY,
    entityId: project.id,
    from: "RECTIFYING",
    to: "IN_DELIVERY",
    actor: input.actor,
    reason: input.reason,
    request: input.request,
    apply: async () =>
      (
        await tx.grantProject.updateMany({
          where: { id: project.id, status: "RECTIFYING" },
          data: { status: "IN_DELIVERY" },
        })
      ).count,
  });
  await notifyOrganization(tx, project.organizationId, {
    title: `${project.projectNo} 整改合格，项目恢复执行`,
    body: input.reason,
    link: `/org/projects/${project.id}/evaluations`,
  });
}
