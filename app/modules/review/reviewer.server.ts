// The reviewer's side of expert review, for every registered panel subject:
// their task list, one task with the subject to read beside the rubric, saving /
// submitting scores and recusal. Every query is scoped to the reviewer; blind
// rounds never hand out the owner's identity (each subject kind drops it).
// Bound to the registry of subjects in use by app/modules/panels.server.ts.
import { notifyAdmins } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Prisma } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";
import { succeed } from "~/utils/write-result";
import {
  ASSIGNMENT_ENTITY_TYPE,
  OPEN_ASSIGNMENT_STATES,
  reviewAssignmentWorkflow,
  type ReviewAssignmentState,
} from "./assignment-workflow";
import type { RubricValues } from "./rubric";
import type {
  AnyPanelSubjectKind,
  PanelRegistry,
  PanelReviewerPage,
  PanelSubjectKind,
  PanelTaskSummary,
} from "./subject";

/** The states a reviewer works in; RECUSED / REPLACED rows are kept apart. */
export const LISTED_STATES = ["ASSIGNED", "DRAFTED", "SUBMITTED"] as const satisfies readonly ReviewAssignmentState[];
export type ListedState = (typeof LISTED_STATES)[number];

export function parseTaskFilter(value: string | null): ListedState | null {
  return LISTED_STATES.find((s) => s === value) ?? null;
}

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
  scores: { select: { criterionId: true, score: true, note: true } },
} as const satisfies Prisma.ReviewAssignmentSelect;

type TaskAssignment = Prisma.ReviewAssignmentGetPayload<{ select: typeof assignmentSelect }>;

/** One task as every subject kind has it; the kind's view is spread beside it. */
export type ReviewerTaskCore = {
  subjectType: string;
  assignment: TaskAssignment;
  /** why staff reopened the submitted review, when it is a draft again because of them */
  reopenReason: string | null;
} & Omit<PanelReviewerPage<unknown>, "view">;

/** A task of one of the registered kinds: its core and that kind's view. */
export type ReviewerTask<Kind> =
  Kind extends PanelSubjectKind<infer View, infer Type> ? ReviewerTaskCore & { subjectType: Type } & View : never;

/** Why the task cannot be scored now, or null. */
export function scoringBlock(
  task: Pick<ReviewerTaskCore, "assignment" | "round">,
): { status: 409; message: string } | null {
  if (task.assignment.status === "SUBMITTED")
    return { status: 409, message: "评分已提交并锁定，如需修改请联系工作人员" };
  if (!task.round.open) return { status: 409, message: "本轮专家评审已结束，不能再修改评分" };
  if (!OPEN_ASSIGNMENT_STATES.includes(task.assignment.status as ReviewAssignmentState)) {
    return { status: 409, message: "该评审任务已不能评分" };
  }
  return null;
}

/** Why staff last reopened a submitted review, so the reviewer knows what to revisit. */
async function lastReopenReason(assignmentId: string) {
  const event = await prisma.auditEvent.findFirst({
    where: { entityType: ASSIGNMENT_ENTITY_TYPE, entityId: assignmentId, fromState: "SUBMITTED", toState: "DRAFTED" },
    orderBy: { createdAt: "desc" },
    select: { reason: true },
  });
  return event ? (event.reason ?? "") : null;
}

type Actor = { id: string };

/** The reviewer's desk over the registered subjects. */
export function reviewerDesk<Kinds extends AnyPanelSubjectKind>(registry: PanelRegistry<Kinds>) {
  const mine = (reviewerId: string) => ({ reviewerId, subjectType: { in: registry.types } });

  /** Task-list lines of the given assignments: one read per subject kind among them. */
  async function summaries(rows: { subjectType: string; subjectId: string }[]) {
    const idsByType = new Map<string, Set<string>>();
    for (const r of rows) idsByType.set(r.subjectType, (idsByType.get(r.subjectType) ?? new Set()).add(r.subjectId));
    const found = await Promise.all(
      [...idsByType].map(async ([type, ids]) => [type, await registry.get(type)!.summarize(prisma, [...ids])] as const),
    );
    const byType = new Map<string, Map<string, PanelTaskSummary>>(found);
    return (r: { subjectType: string; subjectId: string }) => byType.get(r.subjectType)?.get(r.subjectId) ?? null;
  }

  async function listReviewerTasks(reviewerId: string, filter: ListedState | null, page: number) {
    const base = mine(reviewerId);
    const where = { ...base, status: filter ? filter : { in: [...LISTED_STATES] } };
    const [rows, counts, recused] = await Promise.all([
      prisma.reviewAssignment.findMany({
        where,
        // ASSIGNED < DRAFTED < SUBMITTED: open work first, then by deadline (index reviewerId, status, dueAt).
        orderBy: [{ status: "asc" }, { dueAt: "asc" }, { createdAt: "asc" }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: {
          id: true,
          subjectType: true,
          subjectId: true,
          roundId: true,
          status: true,
          dueAt: true,
          submittedAt: true,
        },
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
        select: { id: true, subjectType: true, subjectId: true, recuseReason: true, updatedAt: true },
      }),
    ]);
    const summaryOf = await summaries([...rows, ...recused]);
    const count = (s: ListedState) => counts.find((c) => c.status === s)?._count._all ?? 0;
    const totals = { ASSIGNED: count("ASSIGNED"), DRAFTED: count("DRAFTED"), SUBMITTED: count("SUBMITTED") };
    return {
      tasks: rows.map((r) => ({ ...r, subject: summaryOf(r) })),
      total: filter ? totals[filter] : totals.ASSIGNED + totals.DRAFTED + totals.SUBMITTED,
      totals,
      recused: recused.map((r) => ({
        id: r.id,
        recuseReason: r.recuseReason,
        updatedAt: r.updatedAt,
        title: summaryOf(r)?.title ?? "—",
      })),
    };
  }

  /**
   * The reviewer's next task still to score (待评审 or 草稿), other than `exceptId`, in the
   * task list's order, for "下一项待评审" after a submission; null when none is left.
   */
  async function nextOpenTask(reviewerId: string, exceptId: string) {
    const next = await prisma.reviewAssignment.findFirst({
      where: { ...mine(reviewerId), status: { in: ["ASSIGNED", "DRAFTED"] }, id: { not: exceptId } },
      orderBy: [{ status: "asc" }, { dueAt: "asc" }, { createdAt: "asc" }],
      select: { id: true, subjectType: true, subjectId: true },
    });
    if (!next) return null;
    const summaryOf = await summaries([next]);
    return { id: next.id, title: summaryOf(next)?.title ?? "评审任务" };
  }

  /** Counts for the dashboard. */
  async function reviewerProgress(reviewerId: string) {
    const counts = await prisma.reviewAssignment.groupBy({
      by: ["status"],
      where: { ...mine(reviewerId), status: { in: [...LISTED_STATES] } },
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

  /**
   * One of the reviewer's own assignments with everything the scoring page shows,
   * or null when it is not theirs (the route answers 404). Recused and replaced
   * rows are not theirs to open any more.
   */
  async function getReviewerTask(reviewerId: string, assignmentId: string): Promise<ReviewerTask<Kinds> | null> {
    const found = await prisma.reviewAssignment.findFirst({
      where: { id: assignmentId, ...mine(reviewerId), status: { in: [...LISTED_STATES] } },
      select: { ...assignmentSelect, subjectType: true },
    });
    const kind = found && registry.get(found.subjectType);
    if (!found || !kind) return null;
    const page = (await kind.reviewerPage(prisma, found.subjectId, found)) as PanelReviewerPage<object> | null;
    if (!page) return null;
    const { subjectType, ...assignment } = found;
    const { view, ...core } = page;
    const reopenReason = assignment.status === "DRAFTED" ? await lastReopenReason(assignment.id) : null;
    return { ...view, ...core, subjectType, assignment, reopenReason } as ReviewerTask<Kinds>;
  }

  /**
   * Saves a draft or submits; scores and status are written together. `notes` keeps a remark per
   * criterion beside its score (a rating expert's 扣分原因).
   */
  async function saveReview(input: {
    task: ReviewerTaskCore;
    values: RubricValues;
    notes?: Record<string, string>;
    actor: Actor;
    request: Request;
  }) {
    const { task, values, actor, request } = input;
    const block = scoringBlock(task);
    if (block) throw new WorkflowError(block.message, block.status);
    const from = task.assignment.status as ReviewAssignmentState;
    const to: ReviewAssignmentState = values.intent === "submit" ? "SUBMITTED" : "DRAFTED";
    const now = new Date();
    const criterionIds = new Set(task.criteria.map((c) => c.id));
    const scoreRows = Object.entries(values.scores)
      .filter(([id]) => criterionIds.has(id))
      .map(([criterionId, score]) => ({
        assignmentId: task.assignment.id,
        criterionId,
        score,
        note: input.notes?.[criterionId]?.trim() || null,
      }));
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
          entityType: ASSIGNMENT_ENTITY_TYPE,
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
      if (to === "SUBMITTED") {
        const { id, subjectId, roundId } = task.assignment;
        await registry.get(task.subjectType)?.onSubmitted?.(tx, { id, subjectId, roundId, reviewerId: actor.id });
      }
    });
    return succeed({ submitted: to === "SUBMITTED" });
  }

  /** The reviewer steps back from a task; staff are told to find a replacement. */
  async function recuseFromReview(input: {
    task: ReviewerTaskCore;
    reason: string;
    actor: Actor & { name: string };
    request: Request;
  }) {
    const { task, reason, actor, request } = input;
    const kind = registry.get(task.subjectType);
    if (!kind) throw new WorkflowError("该评审任务已不能评分");
    const from = task.assignment.status as ReviewAssignmentState;
    if (!OPEN_ASSIGNMENT_STATES.includes(from))
      throw new WorkflowError("评分已提交，不能再申请回避，如有需要请联系工作人员");
    if (!task.round.open) throw new WorkflowError("本轮专家评审已结束，不能再申请回避");
    await prisma.$transaction(async (tx) => {
      await runTransition(tx, {
        workflow: reviewAssignmentWorkflow,
        entityType: ASSIGNMENT_ENTITY_TYPE,
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
        body: `${actor.name} 申请回避${kind.labels.item}「${task.title}」（${task.round.title}）。回避理由：${reason}`,
        link: kind.panelLink(task.round.id),
      });
    });
  }

  return { listReviewerTasks, reviewerProgress, getReviewerTask, nextOpenTask, saveReview, recuseFromReview };
}
