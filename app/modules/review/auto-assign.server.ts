// Automatic assignment of a round (decision 006): every assignable subject
// topped up to k reviewers by planAssignments, with a stored seed so the plan
// can be reproduced; the rows, the round's seed, the audit event and the
// reviewers' notices are written in one transaction.
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyUsers } from "~/modules/notifications/notifications.server";
import { parseDateInput, shanghaiEndOfDay, shanghaiParts } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import type { WriteResult } from "~/utils/write-result";
import { newSeed, planAssignments } from "./assignment";
import { ACTIVE_ASSIGNMENT_STATES } from "./assignment-workflow";
import { insertAssignments } from "./bulk-insert.server";
import { conflictsOf, reviewerSelect, tagsOf } from "./conflicts.server";
import { REVIEWER_TASKS_LINK, type PanelCtx } from "./panel-result";
import { loadRange } from "./reminders";
import type { PanelSubjectKind } from "./subject";

export type AutoAssignInput = { reviewerIds: string[]; k: number; seed?: string; dueAt?: string };

export type AutoAssignOutcome = {
  seed: string;
  added: number;
  notified: number;
  loadRange: string;
  loads: { id: string; name: string; load: number }[];
  /** subjects still short of k reviewers after the run */
  unfilled: { id: string; title: string; missing: number }[];
};

/** The end of the Shanghai day of an <input type=date> value, or null. */
function endOfDayOf(input: string | undefined) {
  if (!input) return null;
  const date = parseDateInput(input);
  if (!date) return null;
  const p = shanghaiParts(date);
  return shanghaiEndOfDay(p.year, p.month, p.day);
}

export async function autoAssign(
  kind: PanelSubjectKind,
  roundId: string,
  input: AutoAssignInput,
  ctx: PanelCtx,
): Promise<WriteResult<AutoAssignOutcome>> {
  const { labels } = kind;
  const now = new Date();
  return prisma.$transaction(async (tx): Promise<WriteResult<AutoAssignOutcome>> => {
    const round = await kind.loadRound(tx, roundId);
    if (!round) return { ok: false, formErrors: [`未找到该${labels.round}`] };
    if (!round.open) return { ok: false, formErrors: ["专家评审环节已结束，不能再分配评审专家"] };
    const dueAt = endOfDayOf(input.dueAt) ?? round.reviewEndsAt;
    if (dueAt.getTime() < now.getTime()) return { ok: false, fieldErrors: { dueAt: ["评审截止日期不能早于今天"] } };
    if (input.k !== round.reviewersPerSubject) {
      const submitted = await tx.reviewAssignment.count({
        where: { roundId, subjectType: kind.type, status: "SUBMITTED" },
      });
      if (submitted > 0)
        return {
          ok: false,
          fieldErrors: {
            k: [`已有专家提交评分，每项${labels.subject}的评审专家人数只能是 ${round.reviewersPerSubject}`],
          },
        };
    }

    const [subjects, reviewerRows] = await Promise.all([
      kind.assignableSubjects(tx, roundId),
      tx.user.findMany({
        where: { id: { in: input.reviewerIds }, role: "REVIEWER", status: "ACTIVE" },
        orderBy: { createdAt: "asc" },
        select: reviewerSelect,
      }),
    ]);
    if (reviewerRows.length === 0)
      return { ok: false, fieldErrors: { reviewerIds: ["所选专家均已停用或不存在，请重新选择"] } };
    if (subjects.length === 0) return { ok: false, formErrors: [labels.nothingToAssign] };

    const [conflicts, existing] = await Promise.all([
      conflictsOf(tx, reviewerRows, [...new Set(subjects.map((s) => s.organizationId))]),
      // The round's rows (on the roundId, subjectType index), not an IN list of thousands of subjects.
      tx.reviewAssignment.findMany({
        where: { roundId, subjectType: kind.type },
        select: { subjectId: true, reviewerId: true, status: true },
      }),
    ]);
    const subjectIds = new Set(subjects.map((s) => s.id));
    const seed = input.seed?.trim() || newSeed();
    const plan = planAssignments({
      subjects: subjects.map((s) => ({ id: s.id, organizationId: s.organizationId, category: s.category })),
      reviewers: reviewerRows.map((r) => ({
        id: r.id,
        tags: tagsOf(r),
        conflictOrganizationIds: conflicts.get(r.id) ?? [],
      })),
      existing: existing
        .filter((e) => subjectIds.has(e.subjectId))
        .map((e) => ({
          subjectId: e.subjectId,
          reviewerId: e.reviewerId,
          active: (ACTIVE_ASSIGNMENT_STATES as string[]).includes(e.status),
        })),
      k: input.k,
      seed,
    });

    await insertAssignments(
      tx,
      { subjectType: kind.type, roundId, status: "ASSIGNED", assignmentSeed: seed, dueAt },
      plan.added,
      now,
    );
    await kind.saveAssignmentRun(tx, roundId, { seed, k: input.k });
    const titleOf = new Map(subjects.map((s) => [s.id, s.title]));
    const nameOf = new Map(reviewerRows.map((r) => [r.id, r.name]));
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: `${kind.auditPrefix}.auto_assign`,
      entityType: kind.roundEntityType,
      entityId: roundId,
      reason: `种子 ${seed}；每项 ${input.k} 位专家；专家库 ${reviewerRows.length} 人；新增分配 ${plan.added.length} 项；未满额${labels.subject} ${plan.unfilled.length} 项`,
      request: ctx.request,
    });
    const newlyAssigned = [...new Set(plan.added.map((a) => a.reviewerId))];
    await notifyUsers(tx, {
      userIds: newlyAssigned,
      title: `新的${labels.item}评审任务：${round.title}`,
      body: `您被指派评审「${round.title}」的${labels.subject}${labels.item}，请在 ${formatDate(dueAt)} 前完成评分。`,
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
      })),
    };
  });
}
