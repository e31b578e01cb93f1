// The staff review panel of a call (#6): the panel page, the review settings,
// one application's review, and the panel actions. The machinery (assignment,
// replacement, reopening, reminders) is review/'s, run on grant applications
// through grantApplicationSubject; what is grant-only stays here (the call's
// settings, which applications are listed, the explanation of a short panel).
import { recordAudit } from "~/modules/audit/audit.server";
import * as autoAssignment from "~/modules/review/auto-assign.server";
import * as panelChanges from "~/modules/review/panel-changes.server";
import type { PanelCtx } from "~/modules/review/panel-result";
import { loadRoundPanel, loadSubjectPanel } from "~/modules/review/panel-view.server";
import { remindLate as remindLateReviewers } from "~/modules/review/reminders.server";
import { prisma } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";
import { succeed, type WriteResult } from "~/utils/write-result";
import {
  AGGREGATION_LABELS,
  CALL_ENTITY_TYPE,
  lockedSettingErrors,
  unfilledExplanation,
  type ReviewSettingsInput,
} from "./panel";
import { grantApplicationSubject as kind, panelRoundOf, reviewCallSelect } from "./subject.server";

/** Applications that passed screening (and whatever came after). Automatic assignment takes only SCREEN_PASSED. */
const REVIEWED_APPLICATION_STATES = [
  "SCREEN_PASSED",
  "SHORTLISTED",
  "NOT_FUNDED",
  "FUNDED",
  "IN_PROGRESS",
  "COMPLETED",
  "TERMINATED",
];

export async function getReviewCall(callId: string) {
  return prisma.grantCall.findUnique({ where: { id: callId }, select: reviewCallSelect });
}

// ---------------------------------------------------------------------------
// The panel page

export async function loadPanel(callId: string, page: number) {
  const call = await getReviewCall(callId);
  if (!call) return null;
  const round = panelRoundOf(call);
  const appWhere = { callId, status: { in: REVIEWED_APPLICATION_STATES } };
  const [total, applications] = await Promise.all([
    prisma.grantApplication.count({ where: appWhere }),
    prisma.grantApplication.findMany({
      where: appWhere,
      orderBy: { id: "asc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, title: true, category: true, status: true, organization: { select: { name: true } } },
    }),
  ]);
  const panel = await loadRoundPanel(
    kind,
    round,
    applications.map((a) => a.id),
  );
  return {
    call: {
      id: call.id,
      title: call.title,
      reviewersPerApplication: call.reviewersPerApplication,
      blindReview: call.blindReview,
      aggregation: round.aggregation.mode,
      zScoreNormalize: call.zScoreNormalize,
      disagreementThreshold: call.disagreementThreshold,
      reviewStage: call.reviewStage,
      assignmentSeed: call.assignmentSeed,
      reviewEndsAt: call.reviewEndsAt,
    },
    lastAutoAssign: panel.lastAutoAssign,
    candidates: panel.candidates,
    applications: applications.map((a) => ({
      id: a.id,
      title: a.title,
      category: a.category,
      status: a.status,
      organizationName: a.organization.name,
      ...panel.rowOf(a.id),
    })),
    totals: { applications: total, ...panel.totals },
    page,
    pageSize: PAGE_SIZE,
  };
}

// ---------------------------------------------------------------------------
// Settings

export async function updateReviewSettings(
  callId: string,
  input: Omit<ReviewSettingsInput, "intent">,
  ctx: PanelCtx,
): Promise<WriteResult> {
  return prisma.$transaction(async (tx): Promise<WriteResult> => {
    const call = await tx.grantCall.findUnique({
      where: { id: callId },
      select: { id: true, reviewStage: true, reviewersPerApplication: true, blindReview: true },
    });
    if (!call) return { ok: false, formErrors: ["未找到该公益创投活动"] };
    if (call.reviewStage !== "OPEN") return { ok: false, formErrors: ["专家评审环节已结束，评审设置不能再修改"] };
    const submitted = await tx.reviewAssignment.count({
      where: { roundId: callId, subjectType: kind.type, status: "SUBMITTED" },
    });
    const fieldErrors = lockedSettingErrors(call, input, submitted);
    if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
    await tx.grantCall.update({
      where: { id: callId },
      data: {
        reviewersPerApplication: input.reviewersPerApplication,
        blindReview: input.blindReview,
        aggregation: input.aggregation,
        zScoreNormalize: input.zScoreNormalize,
        disagreementThreshold: input.disagreementThreshold,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: `${kind.auditPrefix}.settings`,
      entityType: CALL_ENTITY_TYPE,
      entityId: callId,
      reason: [
        `每项 ${input.reviewersPerApplication} 位专家`,
        input.blindReview ? "匿名评审" : "实名评审",
        AGGREGATION_LABELS[input.aggregation],
        input.zScoreNormalize ? "标准化" : "不标准化",
        `分歧阈值 ${input.disagreementThreshold}`,
      ].join("；"),
      request: ctx.request,
    });
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------
// Panel actions of the whole call

export type AutoAssignInput = autoAssignment.AutoAssignInput;
export type AutoAssignOutcome = Omit<autoAssignment.AutoAssignOutcome, "unfilled"> & {
  unfilled: { id: string; title: string; missing: number; why: string }[];
};

export async function autoAssign(
  callId: string,
  input: AutoAssignInput,
  ctx: PanelCtx,
): Promise<WriteResult<AutoAssignOutcome>> {
  const result = await autoAssignment.autoAssign(kind, callId, input, ctx);
  if (!result.ok) return result;
  return { ...result, unfilled: result.unfilled.map((u) => ({ ...u, why: unfilledExplanation(u.missing) })) };
}

/** Reminds the call's late reviewers; succeeds with how many were mailed. */
export async function remindLate(callId: string, ctx: PanelCtx) {
  return succeed({ count: await remindLateReviewers(kind, callId, ctx) });
}

// ---------------------------------------------------------------------------
// One application's review

export async function loadApplicationReview(callId: string, applicationId: string) {
  const [call, application] = await Promise.all([
    getReviewCall(callId),
    prisma.grantApplication.findFirst({
      where: { id: applicationId, callId },
      select: {
        id: true,
        title: true,
        category: true,
        status: true,
        organizationId: true,
        organization: { select: { name: true } },
      },
    }),
  ]);
  if (!call || !application) return null;
  const panel = await loadSubjectPanel(kind, panelRoundOf(call), application);
  return {
    call: {
      id: call.id,
      title: call.title,
      reviewersPerApplication: call.reviewersPerApplication,
      reviewStage: call.reviewStage,
      disagreementThreshold: call.disagreementThreshold,
      criteria: call.criteria,
    },
    application: {
      id: application.id,
      title: application.title,
      category: application.category,
      status: application.status,
      organizationName: application.organization.name,
    },
    ...panel,
  };
}

export function replaceReviewer(
  callId: string,
  applicationId: string,
  input: { assignmentId: string; reviewerId: string; reason: string },
  ctx: PanelCtx,
) {
  return panelChanges.replaceReviewer(kind, callId, applicationId, input, ctx);
}

export function addReviewer(
  callId: string,
  applicationId: string,
  input: { reviewerId: string; reason: string },
  ctx: PanelCtx,
) {
  return panelChanges.addReviewer(kind, callId, applicationId, input, ctx);
}

export function reopenReview(
  callId: string,
  applicationId: string,
  input: { assignmentId: string; reason: string },
  ctx: PanelCtx,
) {
  return panelChanges.reopenReview(kind, callId, applicationId, input, ctx);
}
