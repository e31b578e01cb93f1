// Staff check of a submitted rating application (#12 item 6): eligibility and completeness, then
// accept it into the expert panel, return it for 补正 with a note, or reject it with a reason.
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma } from "~/utils/db.server";
import { succeed } from "~/utils/write-result";
import { ratingApplicationWorkflow } from "./application-workflow";
import type { CheckDecision } from "./check-decisions";
import { RATING_SUBJECT_TYPE } from "./labels";

const MESSAGES: Record<CheckDecision, (round: string) => { title: string; body?: string }> = {
  ACCEPTED: (round) => ({ title: `${round}申请已通过审核`, body: "已进入专家评估环节。" }),
  RETURNED: (round) => ({ title: `${round}申请被退回补正`, body: "请按审核意见修改后重新提交。" }),
  REJECTED: (round) => ({ title: `${round}申请未予受理` }),
};

/** SUBMITTED → ACCEPTED | RETURNED (note) | REJECTED (reason); the organization is told. */
export async function decideCheck(input: {
  applicationId: string;
  decision: CheckDecision;
  note: string | null;
  actor: { id: string };
  request?: Request;
}) {
  const note = input.note?.trim() || null;
  return prisma.$transaction(async (tx) => {
    const app = await tx.ratingApplication.findUnique({
      where: { id: input.applicationId },
      select: { id: true, status: true, organizationId: true, round: { select: { title: true, status: true } } },
    });
    if (!app) throw new WorkflowError("未找到该评估申请", 400);
    if (input.decision === "ACCEPTED" && !["OPEN", "REVIEWING"].includes(app.round.status)) {
      throw new WorkflowError("评估已进入评估委员会审定，不能再接收申请");
    }
    await runTransition(tx, {
      workflow: ratingApplicationWorkflow,
      entityType: RATING_SUBJECT_TYPE,
      entityId: app.id,
      from: "SUBMITTED",
      to: input.decision,
      actor: { id: input.actor.id, role: "ADMIN" },
      reason: note,
      request: input.request,
      apply: async () =>
        (
          await tx.ratingApplication.updateMany({
            where: { id: app.id, status: "SUBMITTED" },
            data: {
              status: input.decision,
              ...(input.decision === "RETURNED" ? { returnNote: note } : {}),
              ...(input.decision === "REJECTED" ? { rejectReason: note } : {}),
            },
          })
        ).count,
    });
    const message = MESSAGES[input.decision](app.round.title);
    await notifyOrganization(tx, app.organizationId, {
      title: message.title,
      body: note ? `${message.body ?? ""}${note}` : message.body,
      link: `/org/rating/${app.id}`,
    });
    return succeed();
  });
}
