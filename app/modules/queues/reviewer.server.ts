// 待办 of a reviewer (#16; review/ imports no area, so the line lives here): how many tasks are open, the soonest due and how many are late.
import { OPEN_ASSIGNMENT_STATES } from "~/modules/review/assignment-workflow";
import { prisma } from "~/utils/db.server";
import type { QueueSource, ReviewerQueueContext } from "./queue";

export const reviewerTasks: QueueSource<ReviewerQueueContext> = async ({ now, userId }) => {
  const where = { reviewerId: userId, status: { in: OPEN_ASSIGNMENT_STATES } };
  const [count, overdue, soonest] = await Promise.all([
    prisma.reviewAssignment.count({ where }),
    prisma.reviewAssignment.count({ where: { ...where, dueAt: { lt: now } } }),
    prisma.reviewAssignment.findFirst({ where, orderBy: { dueAt: "asc" }, select: { dueAt: true } }),
  ]);
  return {
    key: "review.tasks",
    label: "评审任务待完成",
    count,
    overdue,
    dueAt: soonest?.dueAt ?? null,
    // The task list names each project (through the panel kinds), soonest due first.
    href: "/reviewer/reviews",
  };
};
