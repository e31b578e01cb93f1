// A call's evaluation panel for staff: the evaluations of its projects with their experts and
// progress, automatic assignment on the GrantEvaluation kind, and the blind setting.
import { recordAudit } from "~/modules/audit/audit.server";
import { autoAssignHandler } from "~/modules/review/auto-assign-action.server";
import { autoAssign, type AutoAssignInput } from "~/modules/review/auto-assign.server";
import { loadPanelPage } from "~/modules/review/panel-page.server";
import type { PanelCtx } from "~/modules/review/panel-result";
import { prisma } from "~/utils/db.server";
import { succeed } from "~/utils/write-result";
import { EVALUATION_AUTO_ASSIGN_WORDS } from "./panel";
import { grantEvaluationSubject as kind } from "./subject.server";

export async function loadEvaluationPanel(callId: string) {
  const [page, unscheduled] = await Promise.all([
    loadPanelPage(kind, callId, {
      subjects: () =>
        prisma.grantEvaluation.findMany({
          where: { project: { callId }, status: { not: "CANCELLED" } },
          orderBy: [{ dueAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            kind: true,
            round: true,
            status: true,
            dueAt: true,
            selfTotal: true,
            expertTotal: true,
            grade: true,
            project: {
              select: { id: true, projectNo: true, title: true, organization: { select: { name: true } } },
            },
          },
        }),
      // Experts are wanted once the organization has submitted its self-assessment.
      awaitsReviewers: (e) => e.status === "SUBMITTED",
    }),
    prisma.grantProject.count({
      where: {
        callId,
        signedAt: { not: null },
        status: { in: ["IN_DELIVERY", "RECTIFYING", "SUSPENDED"] },
        evaluations: { none: {} },
      },
    }),
  ]);
  if (!page) return null;
  const { subjects: evaluations, ...panel } = page;
  return { ...panel, unscheduled, evaluations };
}

/** The automatic assignment on a call's evaluations (the demo seed runs it). */
export function autoAssignEvaluations(callId: string, input: AutoAssignInput, ctx: PanelCtx) {
  return autoAssign(kind, callId, input, ctx);
}

/** The panel page's automatic assignment (the shared card's action) on this call's evaluations. */
export function evaluationAutoAssignHandler(callId: string, ctx: PanelCtx) {
  return autoAssignHandler(kind, callId, EVALUATION_AUTO_ASSIGN_WORDS, ctx);
}

/** Blind review on or off for the call's evaluation panel. */
export async function savePanelSettings(input: { callId: string; blind: boolean; actorId: string; request: Request }) {
  return prisma.$transaction(async (tx) => {
    await tx.grantCall.update({
      where: { id: input.callId },
      data: { evaluationBlind: input.blind },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "grant_evaluation_review.settings",
      entityType: "GrantCall",
      entityId: input.callId,
      reason: input.blind ? "项目评估改为匿名评审" : "项目评估改为实名评审",
      request: input.request,
    });
    return succeed();
  });
}
