// Queries and writes for the staff review panel (#6): review settings,
// automatic and manual reviewer assignment, reopening a submitted review and
// chasing late reviewers. Pure rules live in review-panel.ts and review/*.
import { recordAudit } from "~/modules/audit/audit.server";
import { sendMail } from "~/modules/mail/mailer.server";
import { notifyUsers } from "~/modules/notifications/notifications.server";
import { aggregateScores, weightedTotal, type AggregationMode, type ReviewerTotal } from "~/modules/review/aggregation";
import { conflictingOrganizationIds, newSeed, planAssignments } from "~/modules/review/assignment";
import {
  ACTIVE_ASSIGNMENT_STATES,
  OPEN_ASSIGNMENT_STATES,
  reviewAssignmentWorkflow,
  type ReviewAssignmentState,
} from "~/modules/review/assignment-workflow";
import { parseExpertiseTags } from "~/modules/users/reviewer";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { parseDateInput, shanghaiEndOfDay, shanghaiParts } from "~/utils/dates";
import { prisma, type Tx } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { GRANT_SUBJECT_TYPE } from "./application-form";
import {
  AGGREGATION_LABELS,
  ASSIGNMENT_ENTITY_TYPE,
  loadRange,
  lockedSettingErrors,
  REVIEW_PANEL_PAGE_SIZE,
  REVIEW_SUBJECT_TYPE,
  reviewersToRemind,
  unfilledExplanation,
  type ReviewSettingsInput,
} from "./review-panel";
import { roundScores } from "./review-results.server";

type Db = Tx | typeof prisma;
type Actor = { id: string };
type Ctx = { actor: Actor; request?: Request };

const CALL_ENTITY_TYPE = "GrantCall";
const REVIEWER_TASKS_LINK = "/reviewer/reviews";
const DAY = 86_400_000;

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

const callSelect = {
  id: true,
  title: true,
  reviewersPerApplication: true,
  blindReview: true,
  aggregation: true,
  zScoreNormalize: true,
  disagreementThreshold: true,
  reviewStage: true,
  assignmentSeed: true,
  reviewEndsAt: true,
  criteria: { orderBy: { position: "asc" }, select: { id: true, name: true, maxScore: true, weightPct: true } },
} as const;

export async function getReviewCall(callId: string) {
  return prisma.grantCall.findUnique({ where: { id: callId }, select: callSelect });
}
type ReviewCall = NonNullable<Awaited<ReturnType<typeof getReviewCall>>>;

function aggregationMode(value: string): AggregationMode {
  return value === "TRIMMED_MEAN" ? "TRIMMED_MEAN" : "MEAN";
}

function stateOf(status: string): ReviewAssignmentState {
  if (!reviewAssignmentWorkflow.isState(status)) throw new WorkflowError(`未知的评审任务状态：${status}`);
  return status;
}

function assertOpen(call: { reviewStage: string }) {
  if (call.reviewStage !== "OPEN") throw new WorkflowError("专家评审环节已结束，不能再调整评审专家或评分", 409);
}

/** Final scores and disagreement flags of every application in the round, from submitted reviews. */
async function roundAggregates(db: Db, call: ReviewCall) {
  // The scores in one flat read: a nested select would list every submitted
  // assignment's id in an IN (…) that Prisma splits into a statement per 999 ids.
  const [submitted, scoresOf] = await Promise.all([
    db.reviewAssignment.findMany({
      where: { roundId: call.id, subjectType: REVIEW_SUBJECT_TYPE, status: "SUBMITTED" },
      select: { id: true, subjectId: true, reviewerId: true },
    }),
    roundScores(db, call.id, REVIEW_SUBJECT_TYPE),
  ]);
  const totals: ReviewerTotal[] = submitted.map((a) => ({
    subjectId: a.subjectId,
    reviewerId: a.reviewerId,
    total: weightedTotal(call.criteria, scoresOf.get(a.id) ?? {}),
  }));
  const aggregates = totals.length
    ? aggregateScores(totals, {
        mode: aggregationMode(call.aggregation),
        zScore: call.zScoreNormalize,
        disagreementThreshold: call.disagreementThreshold,
      })
    : [];
  return new Map(aggregates.map((a) => [a.subjectId, a]));
}

/** Organizations each reviewer may not review, computed in bulk (three queries). */
async function conflictsOf(db: Db, reviewers: { id: string; name: string }[], subjectOrganizationIds: string[]) {
  const ids = reviewers.map((r) => r.id);
  const [memberships, affiliations] = await Promise.all([
    db.membership.findMany({ where: { userId: { in: ids } }, select: { userId: true, organizationId: true } }),
    db.reviewerAffiliation.findMany({
      where: { reviewerId: { in: ids } },
      select: { reviewerId: true, organizationId: true },
    }),
  ]);
  const orgIds = new Set([
    ...subjectOrganizationIds,
    ...memberships.map((m) => m.organizationId),
    ...affiliations.map((a) => a.organizationId),
  ]);
  const organizations = await db.organization.findMany({
    where: { id: { in: [...orgIds] } },
    select: { id: true, legalRepresentative: true },
  });
  const result = new Map<string, string[]>();
  for (const r of reviewers) {
    result.set(
      r.id,
      conflictingOrganizationIds(
        {
          name: r.name,
          memberOrganizationIds: memberships.filter((m) => m.userId === r.id).map((m) => m.organizationId),
          affiliatedOrganizationIds: affiliations.filter((a) => a.reviewerId === r.id).map((a) => a.organizationId),
        },
        organizations,
      ),
    );
  }
  return result;
}

/** Active reviewers with their tags and their active load in this round. */
async function panelCandidates(db: Db, callId: string) {
  const [reviewers, loads] = await Promise.all([
    db.user.findMany({
      where: { role: "REVIEWER", status: "ACTIVE" },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, reviewerProfile: { select: { expertiseTags: true } } },
    }),
    db.reviewAssignment.groupBy({
      by: ["reviewerId"],
      where: { roundId: callId, subjectType: REVIEW_SUBJECT_TYPE, status: { in: ACTIVE_ASSIGNMENT_STATES } },
      _count: { _all: true },
    }),
  ]);
  const loadOf = new Map(loads.map((l) => [l.reviewerId, l._count._all]));
  return reviewers.map((r) => ({
    id: r.id,
    name: r.name,
    tags: parseExpertiseTags(r.reviewerProfile?.expertiseTags),
    load: loadOf.get(r.id) ?? 0,
  }));
}

// ---------------------------------------------------------------------------
// The panel page

export async function loadPanel(callId: string, page: number) {
  const call = await getReviewCall(callId);
  if (!call) return null;
  const now = new Date();
  const appWhere = { callId, status: { in: REVIEWED_APPLICATION_STATES } };
  const [candidates, total, applications, byStatus, overdue, aggregates, lastAutoAssign] = await Promise.all([
    panelCandidates(prisma, callId),
    prisma.grantApplication.count({ where: appWhere }),
    prisma.grantApplication.findMany({
      where: appWhere,
      orderBy: { id: "asc" },
      skip: (page - 1) * REVIEW_PANEL_PAGE_SIZE,
      take: REVIEW_PANEL_PAGE_SIZE,
      select: { id: true, title: true, category: true, status: true, organization: { select: { name: true } } },
    }),
    prisma.reviewAssignment.groupBy({
      by: ["status"],
      where: { roundId: callId, subjectType: REVIEW_SUBJECT_TYPE },
      _count: { _all: true },
    }),
    prisma.reviewAssignment.count({
      where: {
        roundId: callId,
        subjectType: REVIEW_SUBJECT_TYPE,
        status: { in: OPEN_ASSIGNMENT_STATES },
        dueAt: { lt: now },
      },
    }),
    roundAggregates(prisma, call),
    prisma.auditEvent.findFirst({
      where: { entityType: CALL_ENTITY_TYPE, entityId: callId, action: "grant_review.auto_assign" },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, reason: true, actor: { select: { name: true } } },
    }),
  ]);
  const assignments = await prisma.reviewAssignment.findMany({
    where: { subjectType: REVIEW_SUBJECT_TYPE, subjectId: { in: applications.map((a) => a.id) } },
    orderBy: { createdAt: "asc" },
    select: { id: true, subjectId: true, status: true, dueAt: true, reviewer: { select: { id: true, name: true } } },
  });
  const count = (states: string[]) =>
    byStatus.filter((s) => states.includes(s.status)).reduce((n, s) => n + s._count._all, 0);
  const k = call.reviewersPerApplication;
  return {
    call: {
      id: call.id,
      title: call.title,
      reviewersPerApplication: k,
      blindReview: call.blindReview,
      aggregation: aggregationMode(call.aggregation),
      zScoreNormalize: call.zScoreNormalize,
      disagreementThreshold: call.disagreementThreshold,
      reviewStage: call.reviewStage,
      assignmentSeed: call.assignmentSeed,
      reviewEndsAt: call.reviewEndsAt,
    },
    lastAutoAssign,
    candidates,
    applications: applications.map((a) => {
      const rows = assignments.filter((r) => r.subjectId === a.id);
      const active = rows.filter((r) => (ACTIVE_ASSIGNMENT_STATES as string[]).includes(r.status));
      const aggregate = aggregates.get(a.id);
      return {
        id: a.id,
        title: a.title,
        category: a.category,
        status: a.status,
        organizationName: a.organization.name,
        reviewers: active.map((r) => ({
          assignmentId: r.id,
          name: r.reviewer.name,
          status: stateOf(r.status),
          overdue: (OPEN_ASSIGNMENT_STATES as string[]).includes(r.status) && !!r.dueAt && r.dueAt < now,
        })),
        activeCount: active.length,
        submittedCount: active.filter((r) => r.status === "SUBMITTED").length,
        recusedCount: rows.filter((r) => r.status === "RECUSED").length,
        replacedCount: rows.filter((r) => r.status === "REPLACED").length,
        needsReviewer: active.length < k,
        finalScore: aggregate?.finalScore ?? null,
        flagged: aggregate?.flagged ?? false,
        spread: aggregate?.spread ?? 0,
      };
    }),
    totals: {
      applications: total,
      assignments: count(ACTIVE_ASSIGNMENT_STATES),
      submitted: count(["SUBMITTED"]),
      overdue,
      recused: count(["RECUSED"]),
    },
    page,
    pageSize: REVIEW_PANEL_PAGE_SIZE,
  };
}

// ---------------------------------------------------------------------------
// Settings

export type PanelResult<T = object> =
  ({ ok: true } & T) | { ok: false; fieldErrors?: Record<string, string[]>; formErrors?: string[] };

export async function updateReviewSettings(
  callId: string,
  input: Omit<ReviewSettingsInput, "intent">,
  ctx: Ctx,
): Promise<PanelResult> {
  return prisma.$transaction(async (tx): Promise<PanelResult> => {
    const call = await tx.grantCall.findUnique({
      where: { id: callId },
      select: { id: true, reviewStage: true, reviewersPerApplication: true, blindReview: true },
    });
    if (!call) return { ok: false, formErrors: ["未找到该公益创投活动"] };
    if (call.reviewStage !== "OPEN") return { ok: false, formErrors: ["专家评审环节已结束，评审设置不能再修改"] };
    const submitted = await tx.reviewAssignment.count({
      where: { roundId: callId, subjectType: REVIEW_SUBJECT_TYPE, status: "SUBMITTED" },
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
      action: "grant_review.settings",
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
// Automatic assignment

export type AutoAssignInput = { reviewerIds: string[]; k: number; seed?: string; dueAt?: string };

function endOfDayOf(input: string | undefined) {
  if (!input) return null;
  const date = parseDateInput(input);
  if (!date) return null;
  const p = shanghaiParts(date);
  return shanghaiEndOfDay(p.year, p.month, p.day);
}

export type AutoAssignOutcome = {
  seed: string;
  added: number;
  notified: number;
  loadRange: string;
  loads: { id: string; name: string; load: number }[];
  unfilled: { id: string; title: string; missing: number; why: string }[];
};

export async function autoAssign(
  callId: string,
  input: AutoAssignInput,
  ctx: Ctx,
): Promise<PanelResult<AutoAssignOutcome>> {
  const now = new Date();
  const result = await prisma.$transaction(async (tx): Promise<PanelResult<AutoAssignOutcome>> => {
    const call = await tx.grantCall.findUnique({
      where: { id: callId },
      select: { id: true, title: true, reviewStage: true, reviewersPerApplication: true, reviewEndsAt: true },
    });
    if (!call) return { ok: false, formErrors: ["未找到该公益创投活动"] };
    if (call.reviewStage !== "OPEN") return { ok: false, formErrors: ["专家评审环节已结束，不能再分配评审专家"] };
    const dueAt = endOfDayOf(input.dueAt) ?? call.reviewEndsAt;
    if (dueAt.getTime() < now.getTime()) return { ok: false, fieldErrors: { dueAt: ["评审截止日期不能早于今天"] } };
    if (input.k !== call.reviewersPerApplication) {
      const submitted = await tx.reviewAssignment.count({
        where: { roundId: callId, subjectType: REVIEW_SUBJECT_TYPE, status: "SUBMITTED" },
      });
      if (submitted > 0)
        return {
          ok: false,
          fieldErrors: { k: [`已有专家提交评分，每项申报的评审专家人数只能是 ${call.reviewersPerApplication}`] },
        };
    }

    const [subjects, reviewerRows] = await Promise.all([
      tx.grantApplication.findMany({
        where: { callId, status: "SCREEN_PASSED" },
        orderBy: { id: "asc" },
        select: { id: true, title: true, organizationId: true, category: true },
      }),
      tx.user.findMany({
        where: { id: { in: input.reviewerIds }, role: "REVIEWER", status: "ACTIVE" },
        orderBy: { createdAt: "asc" },
        select: { id: true, name: true, reviewerProfile: { select: { expertiseTags: true } } },
      }),
    ]);
    if (reviewerRows.length === 0)
      return { ok: false, fieldErrors: { reviewerIds: ["所选专家均已停用或不存在，请重新选择"] } };
    if (subjects.length === 0) return { ok: false, formErrors: ["本活动没有通过资格审查、待分配评审的申报"] };

    const [conflicts, existing] = await Promise.all([
      conflictsOf(tx, reviewerRows, [...new Set(subjects.map((s) => s.organizationId))]),
      tx.reviewAssignment.findMany({
        where: { subjectType: REVIEW_SUBJECT_TYPE, subjectId: { in: subjects.map((s) => s.id) } },
        select: { subjectId: true, reviewerId: true, status: true },
      }),
    ]);
    const seed = input.seed?.trim() || newSeed();
    const plan = planAssignments({
      subjects: subjects.map((s) => ({ id: s.id, organizationId: s.organizationId, category: s.category })),
      reviewers: reviewerRows.map((r) => ({
        id: r.id,
        tags: parseExpertiseTags(r.reviewerProfile?.expertiseTags),
        conflictOrganizationIds: conflicts.get(r.id) ?? [],
      })),
      existing: existing.map((e) => ({
        subjectId: e.subjectId,
        reviewerId: e.reviewerId,
        active: (ACTIVE_ASSIGNMENT_STATES as string[]).includes(e.status),
      })),
      k: input.k,
      seed,
    });

    if (plan.added.length) {
      await tx.reviewAssignment.createMany({
        data: plan.added.map((a) => ({
          subjectType: REVIEW_SUBJECT_TYPE,
          subjectId: a.subjectId,
          roundId: callId,
          reviewerId: a.reviewerId,
          status: "ASSIGNED",
          assignmentSeed: seed,
          dueAt,
        })),
      });
    }
    await tx.grantCall.update({
      where: { id: callId },
      data: { assignmentSeed: seed, reviewersPerApplication: input.k },
      select: { id: true },
    });
    const titleOf = new Map(subjects.map((s) => [s.id, s.title]));
    const nameOf = new Map(reviewerRows.map((r) => [r.id, r.name]));
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "grant_review.auto_assign",
      entityType: CALL_ENTITY_TYPE,
      entityId: callId,
      reason: `种子 ${seed}；每项 ${input.k} 位专家；专家库 ${reviewerRows.length} 人；新增分配 ${plan.added.length} 项；未满额申报 ${plan.unfilled.length} 项`,
      request: ctx.request,
    });
    const newlyAssigned = [...new Set(plan.added.map((a) => a.reviewerId))];
    await notifyUsers(tx, {
      userIds: newlyAssigned,
      title: `新的项目评审任务：${call.title}`,
      body: `您被指派评审「${call.title}」的申报项目，请在 ${formatDate(dueAt)} 前完成评分。`,
      link: REVIEWER_TASKS_LINK,
    });
    return {
      ok: true,
      seed,
      added: plan.added.length,
      notified: newlyAssigned.length,
      loadRange: loadRange(plan.loads),
      loads: Object.entries(plan.loads).map(([id, load]) => ({ id, name: nameOf.get(id) ?? id, load })),
      unfilled: plan.unfilled.map((u) => ({
        id: u.subjectId,
        title: titleOf.get(u.subjectId) ?? u.subjectId,
        missing: u.missing,
        why: unfilledExplanation(u.missing),
      })),
    };
  });
  return result;
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
  const [assignments, candidates, aggregates] = await Promise.all([
    prisma.reviewAssignment.findMany({
      where: { subjectType: REVIEW_SUBJECT_TYPE, subjectId: applicationId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        status: true,
        dueAt: true,
        submittedAt: true,
        remindedAt: true,
        comment: true,
        recommendation: true,
        recuseReason: true,
        replaceReason: true,
        assignmentSeed: true,
        createdAt: true,
        reviewer: { select: { id: true, name: true } },
        scores: { select: { criterionId: true, score: true } },
      },
    }),
    panelCandidates(prisma, callId),
    roundAggregates(prisma, call),
  ]);
  const conflicts = await conflictsOf(prisma, candidates, [application.organizationId]);
  const onSubject = new Set(assignments.map((a) => a.reviewer.id));
  const eligible = candidates.filter(
    (c) => !onSubject.has(c.id) && !(conflicts.get(c.id) ?? []).includes(application.organizationId),
  );
  const events = await prisma.auditEvent.findMany({
    where: {
      OR: [
        { entityType: ASSIGNMENT_ENTITY_TYPE, entityId: { in: assignments.map((a) => a.id) } },
        { entityType: GRANT_SUBJECT_TYPE, entityId: applicationId, action: { startsWith: "grant_review." } },
      ],
    },
    orderBy: { createdAt: "desc" },
    take: 30,
    select: {
      id: true,
      action: true,
      fromState: true,
      toState: true,
      reason: true,
      createdAt: true,
      actor: { select: { name: true } },
    },
  });
  const active = assignments.filter((a) => (ACTIVE_ASSIGNMENT_STATES as string[]).includes(a.status));
  const aggregate = aggregates.get(applicationId);
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
    assignments: assignments.map((a) => {
      const scores = Object.fromEntries(a.scores.map((s) => [s.criterionId, s.score]));
      return {
        id: a.id,
        status: stateOf(a.status),
        reviewer: a.reviewer,
        dueAt: a.dueAt,
        submittedAt: a.submittedAt,
        remindedAt: a.remindedAt,
        comment: a.comment,
        recommendation: a.recommendation,
        recuseReason: a.recuseReason,
        replaceReason: a.replaceReason,
        bySeed: a.assignmentSeed,
        scores,
        total: a.scores.length ? weightedTotal(call.criteria, scores) : null,
      };
    }),
    activeCount: active.length,
    submittedCount: active.filter((a) => a.status === "SUBMITTED").length,
    finalScore: aggregate?.finalScore ?? null,
    spread: aggregate?.spread ?? 0,
    flagged: aggregate?.flagged ?? false,
    eligible,
    events,
  };
}

/** Why `reviewerId` cannot be put on the application, or null. */
async function ineligibility(tx: Tx, application: { id: string; organizationId: string }, reviewerId: string) {
  const reviewer = await tx.user.findUnique({
    where: { id: reviewerId },
    select: { id: true, name: true, role: true, status: true },
  });
  if (!reviewer || reviewer.role !== "REVIEWER") return { reviewer: null, why: "所选评审专家不存在" };
  if (reviewer.status !== "ACTIVE") return { reviewer, why: `${reviewer.name} 的账号已停用，不能指派` };
  const existing = await tx.reviewAssignment.findUnique({
    where: {
      subjectType_subjectId_reviewerId: { subjectType: REVIEW_SUBJECT_TYPE, subjectId: application.id, reviewerId },
    },
    select: { status: true },
  });
  if (existing) {
    return {
      reviewer,
      why: (ACTIVE_ASSIGNMENT_STATES as string[]).includes(existing.status)
        ? `${reviewer.name} 已在本项目的评审名单中`
        : `${reviewer.name} 曾在本项目${existing.status === "RECUSED" ? "申请回避" : "被更换"}，不能再次指派`,
    };
  }
  const conflicts = await conflictsOf(tx, [reviewer], [application.organizationId]);
  if ((conflicts.get(reviewer.id) ?? []).includes(application.organizationId)) {
    return { reviewer, why: `${reviewer.name} 与申报机构存在利益关联（所属机构、声明的关联机构或法定代表人），需回避` };
  }
  return { reviewer, why: null };
}

async function applicationForChange(tx: Tx, callId: string, applicationId: string) {
  const application = await tx.grantApplication.findFirst({
    where: { id: applicationId, callId },
    select: {
      id: true,
      title: true,
      organizationId: true,
      call: { select: { id: true, title: true, reviewStage: true, reviewersPerApplication: true, reviewEndsAt: true } },
    },
  });
  if (!application) throw new WorkflowError("未找到该申报", 409);
  assertOpen(application.call);
  return application;
}

export async function replaceReviewer(
  callId: string,
  applicationId: string,
  input: { assignmentId: string; reviewerId: string; reason: string },
  ctx: Ctx,
): Promise<PanelResult<{ name: string }>> {
  return prisma.$transaction(async (tx): Promise<PanelResult<{ name: string }>> => {
    const application = await applicationForChange(tx, callId, applicationId);
    const old = await tx.reviewAssignment.findFirst({
      where: { id: input.assignmentId, subjectType: REVIEW_SUBJECT_TYPE, subjectId: applicationId },
      select: { id: true, status: true, dueAt: true, reviewer: { select: { id: true, name: true } } },
    });
    if (!old) return { ok: false, fieldErrors: { assignmentId: ["未找到要更换的评审任务"] } };
    const from = stateOf(old.status);
    if (!(OPEN_ASSIGNMENT_STATES as string[]).includes(from)) {
      return {
        ok: false,
        fieldErrors: {
          assignmentId: [
            `${old.reviewer.name} 的评审任务状态为「${reviewAssignmentWorkflow.stateLabels[from]}」，不能更换`,
          ],
        },
      };
    }
    const check = await ineligibility(tx, application, input.reviewerId);
    if (check.why || !check.reviewer)
      return { ok: false, fieldErrors: { reviewerId: [check.why ?? "所选评审专家不存在"] } };
    await runTransition(tx, {
      workflow: reviewAssignmentWorkflow,
      entityType: ASSIGNMENT_ENTITY_TYPE,
      entityId: old.id,
      from,
      to: "REPLACED",
      actor: { id: ctx.actor.id, role: "ADMIN" },
      reason: input.reason,
      request: ctx.request,
      apply: async () =>
        (
          await tx.reviewAssignment.updateMany({
            where: { id: old.id, status: from },
            data: { status: "REPLACED", replaceReason: input.reason },
          })
        ).count,
    });
    const dueAt = old.dueAt ?? application.call.reviewEndsAt;
    await createAssignment(
      tx,
      application,
      check.reviewer,
      dueAt,
      `更换 ${old.reviewer.name} → ${check.reviewer.name}：${input.reason}`,
      ctx,
    );
    await notifyUsers(tx, {
      userIds: [old.reviewer.id],
      title: `评审任务已调整：${application.title}`,
      body: `区民政局已将您在「${application.call.title}」中该项目的评审任务改派他人，您无需再评审该项目。`,
      link: REVIEWER_TASKS_LINK,
    });
    return { ok: true, name: check.reviewer.name };
  });
}

export async function addReviewer(
  callId: string,
  applicationId: string,
  input: { reviewerId: string; reason: string },
  ctx: Ctx,
): Promise<PanelResult<{ name: string }>> {
  return prisma.$transaction(async (tx): Promise<PanelResult<{ name: string }>> => {
    const application = await applicationForChange(tx, callId, applicationId);
    const active = await tx.reviewAssignment.count({
      where: { subjectType: REVIEW_SUBJECT_TYPE, subjectId: applicationId, status: { in: ACTIVE_ASSIGNMENT_STATES } },
    });
    const k = application.call.reviewersPerApplication;
    if (active >= k) return { ok: false, formErrors: [`本项目已有 ${active} 位评审专家（每项 ${k} 位），无需补派`] };
    const check = await ineligibility(tx, application, input.reviewerId);
    if (check.why || !check.reviewer)
      return { ok: false, fieldErrors: { reviewerId: [check.why ?? "所选评审专家不存在"] } };
    await createAssignment(
      tx,
      application,
      check.reviewer,
      application.call.reviewEndsAt,
      `补派 ${check.reviewer.name}：${input.reason}`,
      ctx,
    );
    return { ok: true, name: check.reviewer.name };
  });
}

async function createAssignment(
  tx: Tx,
  application: { id: string; title: string; call: { id: string; title: string } },
  reviewer: { id: string; name: string },
  dueAt: Date,
  reason: string,
  ctx: Ctx,
) {
  // Never give a new reviewer a deadline already past: at least two days from now.
  const due = dueAt.getTime() < Date.now() + 2 * DAY ? new Date(Date.now() + 2 * DAY) : dueAt;
  await tx.reviewAssignment
    .create({
      data: {
        subjectType: REVIEW_SUBJECT_TYPE,
        subjectId: application.id,
        roundId: application.call.id,
        reviewerId: reviewer.id,
        status: "ASSIGNED",
        dueAt: due,
      },
      select: { id: true },
    })
    .catch((error: unknown) => {
      // Someone else put the same reviewer on this application a moment ago.
      if ((error as { code?: string }).code === "P2002")
        throw new WorkflowError(`${reviewer.name} 已在本项目的评审名单中，请刷新后重试`);
      throw error;
    });
  await recordAudit(tx, {
    actorId: ctx.actor.id,
    action: "grant_review.assign",
    entityType: GRANT_SUBJECT_TYPE,
    entityId: application.id,
    reason,
    request: ctx.request,
  });
  await notifyUsers(tx, {
    userIds: [reviewer.id],
    title: `新的项目评审任务：${application.title}`,
    body: `您被指派评审「${application.call.title}」的申报项目「${application.title}」，请在 ${formatDate(due)} 前完成评分。`,
    link: REVIEWER_TASKS_LINK,
  });
}

export async function reopenReview(
  callId: string,
  applicationId: string,
  input: { assignmentId: string; reason: string },
  ctx: Ctx,
): Promise<PanelResult<{ name: string }>> {
  return prisma.$transaction(async (tx): Promise<PanelResult<{ name: string }>> => {
    const application = await applicationForChange(tx, callId, applicationId);
    const assignment = await tx.reviewAssignment.findFirst({
      where: { id: input.assignmentId, subjectType: REVIEW_SUBJECT_TYPE, subjectId: applicationId },
      select: { id: true, status: true, reviewer: { select: { id: true, name: true } } },
    });
    if (!assignment) return { ok: false, formErrors: ["未找到该评审任务"] };
    const from = stateOf(assignment.status);
    await runTransition(tx, {
      workflow: reviewAssignmentWorkflow,
      entityType: ASSIGNMENT_ENTITY_TYPE,
      entityId: assignment.id,
      from,
      to: "DRAFTED",
      actor: { id: ctx.actor.id, role: "ADMIN" },
      reason: input.reason,
      request: ctx.request,
      apply: async () =>
        (
          await tx.reviewAssignment.updateMany({
            where: { id: assignment.id, status: from },
            data: { status: "DRAFTED", submittedAt: null },
          })
        ).count,
    });
    await notifyUsers(tx, {
      userIds: [assignment.reviewer.id],
      title: `评分已重新开放：${application.title}`,
      body: `区民政局重新开放了您对「${application.title}」的评分，请修改后重新提交。原因：${input.reason}`,
      link: `${REVIEWER_TASKS_LINK}/${assignment.id}`,
    });
    return { ok: true, name: assignment.reviewer.name };
  });
}

// ---------------------------------------------------------------------------
// Reminders

export async function remindLate(callId: string, ctx: Ctx) {
  const now = new Date();
  const mails = await prisma.$transaction(async (tx) => {
    const call = await tx.grantCall.findUnique({ where: { id: callId }, select: { id: true, title: true } });
    if (!call) throw new WorkflowError("未找到该公益创投活动", 409);
    const open = await tx.reviewAssignment.findMany({
      where: { roundId: callId, subjectType: REVIEW_SUBJECT_TYPE, status: { in: OPEN_ASSIGNMENT_STATES } },
      select: {
        id: true,
        reviewerId: true,
        dueAt: true,
        remindedAt: true,
        reviewer: { select: { name: true, email: true, status: true } },
      },
    });
    const active = open.filter((a) => a.reviewer.status === "ACTIVE");
    const targets = reviewersToRemind(active, now);
    if (targets.size === 0) return [];
    await tx.reviewAssignment.updateMany({
      where: { id: { in: [...targets.values()].flat() } },
      data: { remindedAt: now },
    });
    // One notification per reviewer; reviewers with the same pending count share one insert.
    const byCount = new Map<number, string[]>();
    for (const [reviewerId, ids] of targets) byCount.set(ids.length, [...(byCount.get(ids.length) ?? []), reviewerId]);
    for (const [pending, userIds] of byCount) {
      await notifyUsers(tx, {
        userIds,
        title: `评审催办：${call.title}`,
        body: `您在「${call.title}」中还有 ${pending} 项评审任务未提交，请尽快完成。`,
        link: REVIEWER_TASKS_LINK,
      });
    }
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "grant_review.remind",
      entityType: CALL_ENTITY_TYPE,
      entityId: callId,
      reason: `催办 ${targets.size} 位评审专家`,
      request: ctx.request,
    });
    return [...targets].map(([reviewerId, ids]) => {
      const reviewer = active.find((a) => a.reviewerId === reviewerId)!.reviewer;
      return {
        to: reviewer.email,
        subject: `【益苗】评审催办：${call.title}`,
        body: `${reviewer.name}，您好：\n\n您在「${call.title}」中还有 ${ids.length} 项评审任务未提交，请登录益苗评审专家工作台（${REVIEWER_TASKS_LINK}）尽快完成。\n\n区民政局`,
      };
    });
  });
  // The outbox is written outside the transaction, like the other mail senders.
  for (const mail of mails) await sendMail(mail);
  return mails.length;
}
