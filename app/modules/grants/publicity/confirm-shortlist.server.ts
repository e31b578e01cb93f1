// 确认立项名单 (#6): the end of the publicity, in one transaction.
import { createFundedProject } from "~/modules/funding/create-projects.server";
import { notifyUsers } from "~/modules/notifications/notifications.server";
import { pendingObjections } from "~/modules/publicity/decide.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma } from "~/utils/db.server";
import { formatFen } from "~/utils/format";
import { succeed } from "~/utils/write-result";
import { GRANT_SUBJECT_TYPE } from "../applications/application-form";
import { grantApplicationWorkflow, type GrantApplicationState } from "../applications/application-workflow";
import { reviewRoundWorkflow } from "../review/round-workflow";
import { confirmProblem, cutOffScore, formatScore, grantPublication, notFundedReason } from "./publicity";

/**
 * 确认立项名单: the round becomes CONFIRMED, selected entries FUNDED, every other
 * ranked application still SCREEN_PASSED NOT_FUNDED with its score against the
 * cut-off; each FUNDED application gets its funded project (funding/create-projects);
 * every applicant organization is told. One transaction.
 */
export async function confirmShortlist(input: { callId: string; actorId: string; request: Request }) {
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    const call = await tx.grantCall.findUnique({
      where: { id: input.callId },
      select: { id: true, title: true, reviewStage: true, publicityEndsAt: true },
    });
    if (!call) throw new WorkflowError("未找到该活动", 400);
    const pending = await pendingObjections(tx, grantPublication(call.id));
    const problem = confirmProblem(call, pending, now);
    if (problem) throw new WorkflowError(problem, 409);

    await runTransition(tx, {
      workflow: reviewRoundWorkflow,
      entityType: "GrantCall",
      entityId: call.id,
      from: "PUBLICIZED",
      to: "CONFIRMED",
      actor: { id: input.actorId, role: "ADMIN" },
      request: input.request,
      apply: async () =>
        (
          await tx.grantCall.updateMany({
            where: { id: call.id, reviewStage: "PUBLICIZED" },
            data: { reviewStage: "CONFIRMED", confirmedAt: now },
          })
        ).count,
    });

    const awards = await tx.grantAward.findMany({
      where: { callId: call.id },
      orderBy: [{ rank: "asc" }],
      select: {
        selected: true,
        rank: true,
        finalScore: true,
        amountFen: true,
        application: { select: { id: true, title: true, status: true, organizationId: true } },
      },
    });
    const cutOff = cutOffScore(awards);
    const members = await tx.membership.findMany({
      where: { organizationId: { in: [...new Set(awards.map((a) => a.application.organizationId))] } },
      select: { userId: true, organizationId: true },
    });
    const membersOf = (orgId: string) => members.filter((m) => m.organizationId === orgId).map((m) => m.userId);

    let funded = 0;
    let notFunded = 0;
    for (const award of awards) {
      const app = award.application;
      const from = app.status as GrantApplicationState;
      let to: GrantApplicationState | null = null;
      let reason: string | null = null;
      if (award.selected && from === "SHORTLISTED") to = "FUNDED";
      else if (!award.selected && from === "SCREEN_PASSED") {
        to = "NOT_FUNDED";
        reason = notFundedReason(award.finalScore, cutOff);
      }
      if (to) {
        await runTransition(tx, {
          workflow: grantApplicationWorkflow,
          entityType: GRANT_SUBJECT_TYPE,
          entityId: app.id,
          from,
          to,
          actor: { id: input.actorId, role: "ADMIN" },
          reason,
          request: input.request,
          apply: async () =>
            (await tx.grantApplication.updateMany({ where: { id: app.id, status: from }, data: { status: to! } }))
              .count,
        });
      }
      const isFunded = to === "FUNDED";
      if (isFunded) {
        await createFundedProject(tx, {
          applicationId: app.id,
          awardFen: award.amountFen,
          actorId: input.actorId,
          request: input.request,
          now,
        });
      }
      if (!isFunded && award.selected) continue; // selected but not shortlisted: nothing to announce
      if (isFunded) funded++;
      else notFunded++;
      await notifyUsers(tx, {
        userIds: membersOf(app.organizationId),
        title: isFunded ? `公益创投项目已立项：${app.title}` : `公益创投项目未获资助：${app.title}`,
        body: isFunded
          ? `${call.title}立项名单已确认，资助金额 ${formatFen(award.amountFen)}。`
          : `${call.title}立项名单已确认。综合得分 ${formatScore(award.finalScore)} 分${cutOff != null ? `，入围分数线 ${formatScore(cutOff)} 分` : ""}，可查看评审反馈。`,
        link: isFunded ? `/org/grants/${app.id}` : `/org/grants/${app.id}#feedback`,
      });
    }
    return succeed({ funded, notFunded });
  });
}
