// Meeting a tranche gate: the one way PLANNED tranches become payable. Agreement
// countersigning calls it for SIGNING, the evaluation module for MIDTERM_PASS and
// FINAL_EVALUATION, and staff may record a gate by hand only through it, with a reason.
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyAdmins, notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError, type Actor } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import type { Tx } from "~/utils/db.server";
import { formatDate, formatFen } from "~/utils/format";
import { GRANT_PROJECT_ENTITY } from "./create-projects.server";
import { trancheWorkflow } from "./tranche-workflow";
import { gateProblem, TRIGGER_LABELS, trancheDueAt, type TrancheTrigger } from "./tranches";

export const GRANT_TRANCHE_ENTITY = "GrantTranche";

/** Projects whose gates can no longer open money. */
const CLOSED_TO_GATES = new Set(["TERMINATED", "WITHDRAWN", "CLOSED"]);

/** The project column that records when each gate was met. */
const GATE_COLUMN = {
  SIGNING: "signedAt",
  MIDTERM_PASS: "midtermPassedAt",
  FINAL_EVALUATION: "finalPassedAt",
} as const satisfies Record<TrancheTrigger, string>;

export type MeetGatesInput = {
  projectId: string;
  trigger: TrancheTrigger;
  /** When the gate was met (countersigning, the evaluation result becoming final…). */
  at: Date;
  actor: { id: string | null; role: Actor };
  /** Why: "双方签订协议", "中期评估结果合格（公示期满）", or staff's own reason. */
  reason: string;
  request?: Request;
};

/**
 * Records that `trigger`'s gate was met at `at` and moves every PLANNED tranche of
 * that trigger to PAYABLE, due 15 working days later (trancheDueAt). Sets the
 * project's gate date when it is not set yet (an earlier date is kept), writes the
 * audit events and tells staff and the organization. Runs in the caller's
 * transaction; returns the tranches it opened.
 */
export async function meetTrancheGates(tx: Tx, input: MeetGatesInput) {
  const reason = input.reason.trim();
  if (!reason) throw new WorkflowError("登记拨付条件达成必须填写理由", 400);
  const project = await tx.grantProject.findUnique({
    where: { id: input.projectId },
    select: {
      id: true,
      projectNo: true,
      title: true,
      status: true,
      organizationId: true,
      signedAt: true,
      midtermPassedAt: true,
      finalPassedAt: true,
      tranches: {
        where: { trigger: input.trigger, status: "PLANNED" },
        orderBy: { position: "asc" },
        select: { id: true, position: true, amountFen: true },
      },
    },
  });
  if (!project) throw new WorkflowError("未找到该项目", 400);
  if (CLOSED_TO_GATES.has(project.status)) throw new WorkflowError("该项目已终止、撤销或结项，不能再登记拨付条件");

  const column = GATE_COLUMN[input.trigger];
  const facts = {
    signedAt: project.signedAt,
    midtermPassedAt: project.midtermPassedAt,
    finalPassedAt: project.finalPassedAt,
  };
  if (!facts[column]) {
    facts[column] = input.at;
    await tx.grantProject.update({ where: { id: project.id }, data: { [column]: input.at }, select: { id: true } });
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: "grant_project.gate_met",
      entityType: GRANT_PROJECT_ENTITY,
      entityId: project.id,
      reason: `拨付条件「${TRIGGER_LABELS[input.trigger]}」于 ${formatDate(input.at)} 达成：${reason}`,
      request: input.request,
    });
  }
  // THE gate rule decides, from the dates just written, that these tranches may open.
  const problem = gateProblem(input.trigger, facts);
  if (problem) throw new WorkflowError(problem);

  const metAt = facts[column]!;
  const dueAt = trancheDueAt(metAt);
  for (const tranche of project.tranches) {
    await runTransition(tx, {
      workflow: trancheWorkflow,
      entityType: GRANT_TRANCHE_ENTITY,
      entityId: tranche.id,
      from: "PLANNED",
      to: "PAYABLE",
      actor: input.actor,
      reason,
      request: input.request,
      apply: async () =>
        (
          await tx.grantTranche.updateMany({
            where: { id: tranche.id, status: "PLANNED" },
            data: { status: "PAYABLE", gateMetAt: metAt, dueAt },
          })
        ).count,
    });
  }
  if (project.tranches.length > 0) {
    const amounts = project.tranches.map((t) => `第 ${t.position} 笔 ${formatFen(t.amountFen)}`).join("、");
    const message = {
      title: `${project.projectNo} 拨付条件「${TRIGGER_LABELS[input.trigger]}」已达成`,
      body: `「${project.title}」${amounts}转为待拨付，应于 ${formatDate(dueAt)} 前拨付。`,
    };
    await notifyAdmins(tx, { ...message, link: `/admin/projects/${project.id}/tranches` });
    await notifyOrganization(tx, project.organizationId, { ...message, link: `/org/projects/${project.id}/tranches` });
  }
  return { metAt, dueAt, opened: project.tranches.map((t) => t.id) };
}
