// The reviewer's side of expert review: their task list, one task with the
// application to read, saving / submitting scores and recusal. Every query is
// scoped to the reviewer; blind calls never hand out the applicant's identity.
import { GRANT_SUBJECT_TYPE, parseGrantData } from "~/modules/grants/application-form";
import { notifyAdmins } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Prisma } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";
import { OPEN_ASSIGNMENT_STATES, reviewAssignmentWorkflow, type ReviewAssignmentState } from "./assignment-workflow";
import { GRANT_REVIEW_SUBJECT, type RubricValues } from "./rubric";

const ENTITY_TYPE = "ReviewAssignment";

/** The states a reviewer works in; RECUSED / REPLACED rows are kept apart. */
export const LISTED_STATES = ["ASSIGNED", "DRAFTED", "SUBMITTED"] as const satisfies readonly ReviewAssignmentState[];
export type ListedState = (typeof LISTED_STATES)[number];

export function parseTaskFilter(value: string | null): ListedState | null {
  return LISTED_STATES.find((s) => s === value) ?? null;
}

/** Files of an application a blind call keeps from reviewers (the organization's own papers). */
export function isOrgIdentityPurpose(purpose: string) {
  return purpose.startsWith("org.");
}

// ───────────────────────── The list ─────────────────────────

export async function listReviewerTasks(reviewerId: string, filter: ListedState | null, page: number) {
  const base = { reviewerId, subjectType: GRANT_REVIEW_SUBJECT };
  const where = { ...base, status: filter ? filter : { in: [...LISTED_STATES] } };
  const [rows, counts, recused] = await Promise.all([
    prisma.reviewAssignment.findMany({
      where,
      // ASSIGNED < DRAFTED < SUBMITTED: open work first, then by deadline (index reviewerId, status, dueAt).
      orderBy: [{ status: "asc" }, { dueAt: "asc" }, { createdAt: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, subjectId: true, roundId: true, status: true, dueAt: true, submittedAt: true },
    }),
    prisma.reviewAssignment.groupBy({
      by: ["status"],
      where: { ...base, status: { in: [...LISTED_STATES] } },
      _count: { _all: true },
    }),
    prisma.reviewAssignment.findMany({
      where: { ...base, status: "RECUSED" },
      orderBy: { updatedAt: "desc" },
      take: 10,
      select: { id: true, subjectId: true, recuseReason: true, updatedAt: true },
    }),
  ]);
  const subjectIds = [...new Set([...rows.map((r) => r.subjectId), ...recused.map((r) => r.subjectId)])];
  const applications = subjectIds.length
    ? await prisma.grantApplication.findMany({
        where: { id: { in: subjectIds } },
        select: {
          id: true,
          title: true,
          category: true,
          call: { select: { id: true, title: true, blindReview: true, reviewEndsAt: true, reviewStage: true } },
          organization: { select: { name: true } },
        },
      })
    : [];
  const byId = new Map(applications.map((a) => [a.id, a]));
  const describe = (subjectId: string) => {
    const app = byId.get(subjectId);
    if (!app) return null;
    return {
      title: app.title,
      category: app.category,
      callTitle: app.call.title,
      blind: app.call.blindReview,
      reviewStage: app.call.reviewStage,
      reviewEndsAt: app.call.reviewEndsAt,
      // Never leaves the server for a blind call.
      organizationName: app.call.blindReview ? null : app.organization.name,
    };
  };
  const count = (s: ListedState) => counts.find((c) => c.status === s)?._count._all ?? 0;
  const totals = { ASSIGNED: count("ASSIGNED"), DRAFTED: count("DRAFTED"), SUBMITTED: count("SUBMITTED") };
  return {
    tasks: rows.map((r) => ({ ...r, application: describe(r.subjectId) })),
    total: filter ? totals[filter] : totals.ASSIGNED + totals.DRAFTED + totals.SUBMITTED,
    totals,
    recused: recused.map((r) => ({
      id: r.id,
      recuseReason: r.recuseReason,
      updatedAt: r.updatedAt,
      title: byId.get(r.subjectId)?.title ?? "—",
    })),
  };
}

/** Counts for the dashboard. */
export async function reviewerProgress(reviewerId: string) {
  const counts = await prisma.reviewAssignment.groupBy({
    by: ["status"],
    where: { reviewerId, subjectType: GRANT_REVIEW_SUBJECT, status: { in: [...LISTED_STATES] } },
    _count: { _all: true },
  });
  const count = (s: ListedState) => counts.find((c) => c.status === s)?._count._all ?? 0;
  const submitted = count("SUBMITTED");
  return {
    open: count("ASSIGNED") + count("DRAFTED"),
    submitted,
    total: submitted + count("ASSIGNED") + count("DRAFTED"),
  };
}

// ───────────────────────── One task ─────────────────────────

const assignmentSelect = {
  id: true,
  subjectId: true,
  roundId: true,
  status: true,
  comment: true,
  recommendation: true,
  recuseReason: true,
  dueAt: true,
  submittedAt: true,
  updatedAt: true,
  scores: { select: { criterionId: true, score: true } },
} as const satisfies Prisma.ReviewAssignmentSelect;

/**
 * One of the reviewer's own assignments with everything the scoring page shows,
 * or null when it is not theirs (the route answers 404). Recused and replaced
 * rows are not theirs to open any more.
 */
export async function getReviewerTask(reviewerId: string, assignmentId: string) {
  const assignment = await prisma.reviewAssignment.findFirst({
    where: { id: assignmentId, reviewerId, subjectType: GRANT_REVIEW_SUBJECT, status: { in: [...LISTED_STATES] } },
    select: assignmentSelect,
  });
  if (!assignment) return null;
  const app = await prisma.grantApplication.findUnique({
    where: { id: assignment.subjectId },
    select: {
      id: true,
      title: true,
      category: true,
      data: true,
      projectStart: true,
      projectEnd: true,
      requestedFen: true,
      ownFundsFen: true,
      matchedFen: true,
      totalBudgetFen: true,
      submittedAt: true,
      call: {
        select: {
          id: true,
          title: true,
          blindReview: true,
          reviewStage: true,
          reviewEndsAt: true,
          criteria: {
            orderBy: { position: "asc" },
            select: { id: true, name: true, description: true, maxScore: true, weightPct: true },
          },
        },
      },
      organization: { select: { name: true, uscc: true } },
      budgetLines: {
        orderBy: { position: "asc" },
        select: { category: true, description: true, requestedFen: true, ownFen: true, matchedFen: true },
      },
      milestones: { orderBy: { position: "asc" }, select: { title: true, description: true, dueDate: true } },
      indicators: { orderBy: { position: "asc" }, select: { kind: true, name: true, target: true } },
    },
  });
  if (!app) return null;
  const blind = app.call.blindReview;
  const documents = await prisma.attachment.findMany({
    where: {
      subjectType: GRANT_SUBJECT_TYPE,
      subjectId: app.id,
      ...(blind ? { NOT: { purpose: { startsWith: "org." } } } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, purpose: true, originalName: true },
  });
  const { call, organization, data, ...application } = app;
  const { criteria, ...callInfo } = call;
  return {
    assignment,
    reopenReason: assignment.status === "DRAFTED" ? await lastReopenReason(assignment.id) : null,
    application,
    data: parseGrantData(data),
    documents,
    call: callInfo,
    criteria,
    // The applicant's identity is dropped here, so a blind call's loader cannot leak it.
    organization: blind ? null : organization,
  };
}

/** Why staff last reopened a submitted review, so the reviewer knows what to revisit. */
async function lastReopenReason(assignmentId: string) {
  const event = await prisma.auditEvent.findFirst({
    where: { entityType: ENTITY_TYPE, entityId: assignmentId, fromState: "SUBMITTED", toState: "DRAFTED" },
    orderBy: { createdAt: "desc" },
    select: { reason: true },
  });
  return event ? (event.reason ?? "") : null;
}

export type ReviewerTask = NonNullable<Awaited<ReturnType<typeof getReviewerTask>>>;

/** Why the task cannot be scored now, or null. */
export function scoringBlock(task: Pick<ReviewerTask, "assignment" | "call">): { status: 409; message: string } | null {
  if (task.assignment.status === "SUBMITTED")
    return { status: 409, message: "评分已提交并锁定，如需修改请联系工作人员" };
  if (task.call.reviewStage !== "OPEN") return { status: 409, message: "本轮专家评审已结束，不能再修改评分" };
  if (!OPEN_ASSIGNMENT_STATES.includes(task.assignment.status as ReviewAssignmentState)) {
    return { status: 409, message: "该评审任务已不能评分" };
  }
  return null;
}

type Actor = { id: string };

/** Saves a draft or submits; scores and status are written together. */
export async function saveReview(input: { task: ReviewerTask; values: RubricValues; actor: Actor; request: Request }) {
  const { task, values, actor, request } = input;
  const block = scoringBlock(task);
  if (block) throw new WorkflowError(block.message, block.status);
  const from = task.assignment.status as ReviewAssignmentState;
  const to: ReviewAssignmentState = values.intent === "submit" ? "SUBMITTED" : "DRAFTED";
  const now = new Date();
  const criterionIds = new Set(task.criteria.map((c) => c.id));
  const scoreRows = Object.entries(values.scores)
    .filter(([id]) => criterionIds.has(id))
    .map(([criterionId, score]) => ({ assignmentId: task.assignment.id, criterionId, score }));
  const data = {
    comment: values.comment,
    recommendation: values.recommendation,
    ...(to === "SUBMITTED" ? { submittedAt: now } : {}),
  };

  await prisma.$transaction(async (tx) => {
    if (from === to) {
      // Saving a draft again: no state change, but still only while it is a draft.
      const { count } = await tx.reviewAssignment.updateMany({
        where: { id: task.assignment.id, reviewerId: actor.id, status: from },
        data,
      });
      if (count !== 1) throw new WorkflowError("该评审任务的状态已被更新，请刷新后重试");
    } else {
      await runTransition(tx, {
        workflow: reviewAssignmentWorkflow,
        entityType: ENTITY_TYPE,
        entityId: task.assignment.id,
        from,
        to,
        actor: { id: actor.id, role: "REVIEWER" },
        request,
        apply: async () =>
          (
            await tx.reviewAssignment.updateMany({
              where: { id: task.assignment.id, reviewerId: actor.id, status: from },
              data: { ...data, status: to },
            })
          ).count,
      });
    }
    // The stored scores become exactly what the form holds (a cleared draft field is removed).
    await tx.reviewScore.deleteMany({ where: { assignmentId: task.assignment.id } });
    if (scoreRows.length) await tx.reviewScore.createMany({ data: scoreRows });
  });
  return { submitted: to === "SUBMITTED" };
}

/** The reviewer steps back from a task; staff are told to find a replacement. */
export async function recuseFromReview(input: {
  task: ReviewerTask;
  reason: string;
  actor: Actor & { name: string };
  request: Request;
}) {
  const { task, reason, actor, request } = input;
  const from = task.assignment.status as ReviewAssignmentState;
  if (!OPEN_ASSIGNMENT_STATES.includes(from))
    throw new WorkflowError("评分已提交，不能再申请回避，如有需要请联系工作人员");
  if (task.call.reviewStage !== "OPEN") throw new WorkflowError("本轮专家评审已结束，不能再申请回避");
  await prisma.$transaction(async (tx) => {
    await runTransition(tx, {
      workflow: reviewAssignmentWorkflow,
      entityType: ENTITY_TYPE,
      entityId: task.assignment.id,
      from,
      to: "RECUSED",
      actor: { id: actor.id, role: "REVIEWER" },
      reason,
      request,
      apply: async () =>
        (
          await tx.reviewAssignment.updateMany({
            where: { id: task.assignment.id, reviewerId: actor.id, status: from },
            data: { status: "RECUSED", recuseReason: reason },
          })
        ).count,
    });
    await notifyAdmins(tx, {
      title: "评审专家申请回避，需要补派",
      body: `${actor.name} 申请回避项目「${task.application.title}」（${task.call.title}）。回避理由：${reason}`,
      link: `/admin/grants/${task.call.id}/review`,
    });
  });
}
