// Staff's decision after a final mid-term 不合格 (#14 item 5), with a reason: 整改 (project →
// RECTIFYING, a due date, a re-evaluation row round + 1 due then), stopping payments (project →
// SUSPENDED, unpaid tranches STOPPED) or termination (the closing module's terminateProject:
// tranches stopped, clawback, ban). One transaction, through the project and tranche workflows.
import { GRANT_PROJECT_ENTITY } from "~/modules/funding/create-projects.server";
import { grantProjectWorkflow, type GrantProjectState } from "~/modules/funding/project-workflow";
import { terminateProject } from "~/modules/funding/termination.server";
import { trancheWorkflow, type TrancheState } from "~/modules/funding/tranche-workflow";
import { GRANT_TRANCHE_ENTITY } from "~/modules/funding/tranches.server";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { succeed } from "~/utils/write-result";
import { createEvaluation } from "./create.server";
import { decisionEffect, STOPPABLE_TRANCHE_STATES } from "./gates";
import { FAIL_DECISION_LABELS, type FailDecision } from "./workflow";

export type FailDecisionInput = {
  projectId: string;
  evaluationId: string;
  decision: FailDecision;
  reason: string;
  /** 整改: the date the rectification and the re-evaluation are due */
  rectifyDueAt: Date | null;
  /** termination: what must be paid back, and by when */
  clawbackFen: number;
  clawbackDueAt: Date | null;
  actorId: string;
  request: Request;
};

export async function decideFailedMidterm(input: FailDecisionInput) {
  const now = new Date();
  const actor = { id: input.actorId, role: "ADMIN" as const };
  return prisma.$transaction(async (tx) => {
    const evaluation = await tx.grantEvaluation.findFirst({
      where: { id: input.evaluationId, projectId: input.projectId },
      select: {
        id: true,
        kind: true,
        round: true,
        status: true,
        grade: true,
        decision: true,
        project: { select: { id: true, status: true, projectNo: true, organizationId: true } },
      },
    });
    if (!evaluation) throw new WorkflowError("未找到该评估", 400);
    if (evaluation.kind !== "MIDTERM" || evaluation.status !== "FINAL" || evaluation.grade !== "不合格")
      throw new WorkflowError("只有已生效的中期评估不合格结果需要作出处理决定");
    if (evaluation.decision) throw new WorkflowError("已对该评估结果作出处理决定");
    const effect = decisionEffect(input.decision);
    if (input.decision === "RECTIFY") {
      if (!input.rectifyDueAt || input.rectifyDueAt.getTime() <= now.getTime())
        throw new WorkflowError("整改期限须晚于今天", 400);
    }
    const claimed = await tx.grantEvaluation.updateMany({
      where: { id: evaluation.id, decision: null },
      data: {
        decision: input.decision,
        decisionReason: input.reason,
        rectifyDueAt: input.decision === "RECTIFY" ? input.rectifyDueAt : null,
      },
    });
    if (claimed.count !== 1) throw new WorkflowError("该记录的状态已被他人更新，请刷新后重试");

    if (input.decision === "TERMINATE") {
      await terminateProject(tx, {
        projectId: evaluation.project.id,
        reason: `中期评估不合格：${input.reason}`,
        clawbackFen: input.clawbackFen,
        dueAt: input.clawbackDueAt,
        actor,
        request: input.request,
        now,
      });
      return succeed();
    }

    const from = evaluation.project.status as GrantProjectState;
    // A failed re-evaluation may be given another rectification: the project stays RECTIFYING.
    if (from !== effect.projectTo)
      await runTransition(tx, {
        workflow: grantProjectWorkflow,
        entityType: GRANT_PROJECT_ENTITY,
        entityId: evaluation.project.id,
        from,
        to: effect.projectTo,
        actor,
        reason: `中期评估不合格：${input.reason}`,
        request: input.request,
        apply: async () =>
          (
            await tx.grantProject.updateMany({
              where: { id: evaluation.project.id, status: from },
              data: { status: effect.projectTo },
            })
          ).count,
      });
    if (effect.stopTranches) {
      const tranches = await tx.grantTranche.findMany({
        where: { projectId: evaluation.project.id, status: { in: [...STOPPABLE_TRANCHE_STATES] } },
        select: { id: true, status: true },
      });
      for (const t of tranches) {
        await runTransition(tx, {
          workflow: trancheWorkflow,
          entityType: GRANT_TRANCHE_ENTITY,
          entityId: t.id,
          from: t.status as TrancheState,
          to: "STOPPED",
          actor,
          reason: `中期评估不合格，停止拨付：${input.reason}`,
          request: input.request,
          apply: async () =>
            (
              await tx.grantTranche.updateMany({
                where: { id: t.id, status: t.status },
                data: { status: "STOPPED", holdReason: input.reason },
              })
            ).count,
        });
      }
    }
    if (effect.reevaluate && input.rectifyDueAt) {
      await createEvaluation(tx, {
        projectId: evaluation.project.id,
        kind: "MIDTERM",
        round: evaluation.round + 1,
        dueAt: input.rectifyDueAt,
        actor,
        request: input.request,
      });
    }
    await notifyOrganization(tx, evaluation.project.organizationId, {
      title: `${evaluation.project.projectNo} 中期评估不合格：${FAIL_DECISION_LABELS[input.decision]}`,
      body:
        input.decision === "RECTIFY"
          ? `请于 ${formatDate(input.rectifyDueAt)} 前完成整改并提交重新评估的报告及自评。理由：${input.reason}`
          : `理由：${input.reason}`,
      link: `/org/projects/${evaluation.project.id}/evaluations`,
    });
    return succeed();
  });
}
