// What the staff panel pages show for any subject kind: per subject, its active
// reviewers, progress and final score; for the round, the candidates, totals
// and the last automatic assignment; for one subject, every assignment with its
// scores, who could still be added, and the trail. Batched: a page costs the
// same number of statements whatever the size of the round.
import { prisma } from "~/utils/db.server";
import { weightedTotal } from "./aggregation";
import { ACTIVE_ASSIGNMENT_STATES, ASSIGNMENT_ENTITY_TYPE, OPEN_ASSIGNMENT_STATES } from "./assignment-workflow";
import { conflictsOf, panelCandidates } from "./conflicts.server";
import { stateOf } from "./panel-result";
import { roundAggregates } from "./scores.server";
import type { PanelRound, PanelSubject, PanelSubjectKind } from "./subject";

const isIn = (states: readonly string[], status: string) => states.includes(status);

/** The round's panel for the subjects on one page (`subjectIds`). */
export async function loadRoundPanel(kind: PanelSubjectKind, round: PanelRound, subjectIds: string[]) {
  const now = new Date();
  const where = { roundId: round.id, subjectType: kind.type };
  const [candidates, byStatus, overdue, aggregates, lastAutoAssign, assignments] = await Promise.all([
    panelCandidates(kind.type, round.id),
    prisma.reviewAssignment.groupBy({ by: ["status"], where, _count: { _all: true } }),
    prisma.reviewAssignment.count({ where: { ...where, status: { in: OPEN_ASSIGNMENT_STATES }, dueAt: { lt: now } } }),
    roundAggregates(kind.type, round),
    prisma.auditEvent.findFirst({
      where: { entityType: kind.roundEntityType, entityId: round.id, action: `${kind.auditPrefix}.auto_assign` },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, reason: true, actor: { select: { name: true } } },
    }),
    prisma.reviewAssignment.findMany({
      where: { subjectType: kind.type, subjectId: { in: subjectIds } },
      orderBy: { createdAt: "asc" },
      select: { id: true, subjectId: true, status: true, dueAt: true, reviewer: { select: { id: true, name: true } } },
    }),
  ]);
  const count = (states: string[]) =>
    byStatus.filter((s) => states.includes(s.status)).reduce((n, s) => n + s._count._all, 0);
  const k = round.reviewersPerSubject;
  /** One subject's line of the panel. */
  const rowOf = (subjectId: string) => {
    const rows = assignments.filter((r) => r.subjectId === subjectId);
    const active = rows.filter((r) => isIn(ACTIVE_ASSIGNMENT_STATES, r.status));
    const aggregate = aggregates.get(subjectId);
    return {
      reviewers: active.map((r) => ({
        assignmentId: r.id,
        name: r.reviewer.name,
        status: stateOf(r.status),
        overdue: isIn(OPEN_ASSIGNMENT_STATES, r.status) && !!r.dueAt && r.dueAt < now,
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
  };
  return {
    candidates,
    lastAutoAssign,
    rowOf,
    totals: {
      assignments: count(ACTIVE_ASSIGNMENT_STATES),
      submitted: count(["SUBMITTED"]),
      overdue,
      recused: count(["RECUSED"]),
    },
  };
}

/** One subject's panel: its assignments with scores, eligible reviewers to add, the trail. */
export async function loadSubjectPanel(
  kind: PanelSubjectKind,
  round: PanelRound,
  subject: Pick<PanelSubject, "id" | "organizationId">,
) {
  const [assignments, candidates, aggregates] = await Promise.all([
    prisma.reviewAssignment.findMany({
      where: { subjectType: kind.type, subjectId: subject.id },
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
    panelCandidates(kind.type, round.id),
    roundAggregates(kind.type, round),
  ]);
  const conflicts = await conflictsOf(prisma, candidates, [subject.organizationId]);
  const onSubject = new Set(assignments.map((a) => a.reviewer.id));
  const eligible = candidates.filter(
    (c) => !onSubject.has(c.id) && !(conflicts.get(c.id) ?? []).includes(subject.organizationId),
  );
  const events = await prisma.auditEvent.findMany({
    where: {
      OR: [
        { entityType: ASSIGNMENT_ENTITY_TYPE, entityId: { in: assignments.map((a) => a.id) } },
        { entityType: kind.type, entityId: subject.id, action: { startsWith: `${kind.auditPrefix}.` } },
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
  const active = assignments.filter((a) => isIn(ACTIVE_ASSIGNMENT_STATES, a.status));
  const aggregate = aggregates.get(subject.id);
  return {
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
        total: a.scores.length ? weightedTotal(round.criteria, scores) : null,
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
