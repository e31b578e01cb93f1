// Grade actions: a downgrade or cancellation proposed (by the inspection module
// when it records a conclusion, or by staff for a penalty or false materials),
// confirmed or dismissed by staff; a confirmation writes the grade change.
import { recordAudit } from "~/modules/audit/audit.server";
import { getRules } from "~/modules/config/rules.server";
import { gradeChangeRemoves, gradeTriggerReason } from "~/modules/directory/removal";
import { removeFromDirectory } from "~/modules/directory/removal.server";
import { notifyAdmins, notifyOrganization } from "~/modules/notifications/notifications.server";
import { gradeLabel } from "~/modules/registry/grade";
import { gradesInForce, recomputeCurrentGrade } from "~/modules/registry/grade.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Tx } from "~/utils/db.server";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { issueCertificate, requireReturn } from "./certificate.server";
import {
  changeForCause,
  describeChange,
  GRADE_ACTION_CAUSE_LABELS,
  inspectionDowngradeCause,
  kindOfChange,
  type GradeActionCause,
} from "./downgrade";
import { gradeActionWorkflow } from "./grade-workflow";

type Proposal = {
  organizationId: string;
  cause: GradeActionCause;
  detail: string;
  /** an explicit target (跟踪评估 / 核查评估); otherwise the cause decides */
  toGrade?: number | null;
  sourceType?: string;
  sourceId?: string;
  actorId: string | null;
  request?: Request;
  now: Date;
};

/** Proposes a grade action for an organization with a grade in force; null when it has none or one is pending. */
export async function proposeGradeAction(tx: Tx, p: Proposal) {
  const row = (await gradesInForce(tx, [p.organizationId], p.now)).get(p.organizationId);
  if (!row) return null;
  const pending = await tx.ratingGradeAction.findFirst({
    where: { organizationId: p.organizationId, status: "PROPOSED", cause: p.cause },
    select: { id: true },
  });
  if (pending) return null;
  const change =
    p.toGrade !== undefined
      ? { kind: kindOfChange(row.grade, p.toGrade), toGrade: p.toGrade }
      : changeForCause(p.cause, row.grade);
  const action = await tx.ratingGradeAction.create({
    data: {
      organizationId: p.organizationId,
      gradeId: row.id,
      kind: change.kind,
      cause: p.cause,
      fromGrade: row.grade,
      toGrade: change.toGrade,
      detail: p.detail,
      sourceType: p.sourceType ?? null,
      sourceId: p.sourceId ?? null,
      proposedById: p.actorId,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: p.actorId,
    action: "ratingGradeAction.propose",
    entityType: "RatingGradeAction",
    entityId: action.id,
    toState: "PROPOSED",
    reason: `${GRADE_ACTION_CAUSE_LABELS[p.cause]}：${p.detail}（${describeChange(row.grade, change.toGrade)}）`,
    request: p.request,
  });
  await notifyAdmins(tx, {
    title: `评估等级待处理：${describeChange(row.grade, change.toGrade)}`,
    body: `${GRADE_ACTION_CAUSE_LABELS[p.cause]}：${p.detail}`,
    link: "/admin/rating/grade-actions",
  });
  return action;
}

/**
 * Called by the inspection module in the transaction that records conclusions
 * (a conclusion, or 未参检 for many at once): proposes a downgrade for each
 * graded organization whose year calls for one. One query per kind, not per organization.
 */
export async function proposeDowngradesForInspection(
  tx: Tx,
  reports: { reportId: string; organizationId: string; year: number; conclusion: string }[],
  actor: { id: string | null; request?: Request; now: Date },
) {
  if (reports.length === 0) return 0;
  const graded = await gradesInForce(
    tx,
    reports.map((r) => r.organizationId),
    actor.now,
  );
  const candidates = reports.filter((r) => graded.has(r.organizationId));
  if (candidates.length === 0) return 0;
  const previous = await tx.inspectionReport.findMany({
    where: {
      OR: candidates.map((r) => ({ organizationId: r.organizationId, year: r.year - 1 })),
    },
    select: { organizationId: true, conclusion: true },
  });
  const previousByOrg = new Map(previous.map((p) => [p.organizationId, p.conclusion]));
  let proposed = 0;
  for (const r of candidates) {
    const found = inspectionDowngradeCause(r.year, r.conclusion, previousByOrg.get(r.organizationId));
    if (!found) continue;
    const action = await proposeGradeAction(tx, {
      organizationId: r.organizationId,
      ...found,
      sourceType: "InspectionReport",
      sourceId: r.reportId,
      actorId: actor.id,
      request: actor.request,
      now: actor.now,
    });
    if (action) proposed += 1;
  }
  return proposed;
}

/** Staff raise a downgrade or cancellation by hand (administrative penalty, false materials). */
export async function proposeForCause(input: {
  organizationId: string;
  cause: "PENALTY" | "FALSE_MATERIALS";
  detail: string;
  actorId: string;
  request?: Request;
  now?: Date;
}): Promise<WriteResult<{ actionId: string }>> {
  const now = input.now ?? new Date();
  const action = await prisma.$transaction((tx) =>
    proposeGradeAction(tx, { ...input, detail: input.detail.trim(), now }),
  );
  if (!action) return fail("该组织没有现行有效的评估等级，或已有同一原因的待处理事项", { status: 409 });
  return succeed({ actionId: action.id });
}

/**
 * Writes a grade change at `now`: the row in force ends, a lowered grade
 * becomes a new row valid until the old one would have ended, the cached
 * currentGrade follows, the old certificate must be returned and a 3A+ new
 * grade gets its own certificate. Returns the new row's id (null when cancelled).
 */
export async function applyGradeChange(
  tx: Tx,
  input: { gradeId: string; toGrade: number | null; reason: string; now: Date; actorId: string; request?: Request },
) {
  const row = await tx.organizationGrade.findUniqueOrThrow({
    where: { id: input.gradeId },
    select: { id: true, organizationId: true, grade: true, validTo: true },
  });
  await tx.organizationGrade.update({
    where: { id: row.id },
    data: { validTo: new Date(input.now.getTime() - 1) },
    select: { id: true },
  });
  let newRow: { id: string; organizationId: string; grade: number; validFrom: Date; validTo: Date } | null = null;
  if (input.toGrade != null) {
    newRow = await tx.organizationGrade.create({
      data: {
        organizationId: row.organizationId,
        grade: input.toGrade,
        announcedAt: input.now,
        validFrom: input.now,
        validTo: row.validTo,
        note: input.reason,
        recordedById: input.actorId,
      },
      select: { id: true, organizationId: true, grade: true, validFrom: true, validTo: true },
    });
  }
  await recordAudit(tx, {
    actorId: input.actorId,
    action: "organization.grade_change",
    entityType: "OrganizationGrade",
    entityId: newRow?.id ?? row.id,
    fromState: gradeLabel(row.grade),
    toState: input.toGrade == null ? "取消等级" : gradeLabel(input.toGrade),
    reason: input.reason,
    request: input.request,
  });
  await recomputeCurrentGrade(tx, row.organizationId, input.now);
  // A cancelled grade, or one below the directory's minimum, takes it off the recommended directory at once.
  const minGrade = (await getRules(input.now, tx))["directory.minGrade"];
  if (gradeChangeRemoves(input.toGrade, minGrade)) {
    await removeFromDirectory(
      tx,
      [{ organizationId: row.organizationId, reason: gradeTriggerReason(input.toGrade, minGrade) }],
      { id: input.actorId, request: input.request },
      input.now,
    );
  }
  await requireReturn(tx, {
    gradeId: row.id,
    reason: input.reason,
    now: input.now,
    actorId: input.actorId,
    request: input.request,
  });
  if (newRow) await issueCertificate(tx, newRow, input.now, input.actorId);
  return newRow?.id ?? null;
}

/** Staff confirm (the grade changes) or dismiss a proposed action, with a reason either way. */
export async function decideGradeAction(input: {
  actionId: string;
  decision: "CONFIRMED" | "DISMISSED";
  note: string;
  actorId: string;
  request?: Request;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  await prisma.$transaction((tx) => decideGradeActionIn(tx, { ...input, now }));
}

export async function decideGradeActionIn(
  tx: Tx,
  input: {
    actionId: string;
    decision: "CONFIRMED" | "DISMISSED";
    note: string;
    actorId: string;
    request?: Request;
    now: Date;
  },
) {
  const action = await tx.ratingGradeAction.findUnique({
    where: { id: input.actionId },
    select: {
      id: true,
      status: true,
      organizationId: true,
      gradeId: true,
      fromGrade: true,
      toGrade: true,
      cause: true,
    },
  });
  if (!action) throw new WorkflowError("未找到该事项", 400);
  const note = input.note.trim();
  await runTransition(tx, {
    workflow: gradeActionWorkflow,
    entityType: "RatingGradeAction",
    entityId: action.id,
    from: action.status as "PROPOSED",
    to: input.decision,
    actor: { id: input.actorId, role: "ADMIN" },
    reason: note,
    request: input.request,
    apply: async () =>
      (
        await tx.ratingGradeAction.updateMany({
          where: { id: action.id, status: "PROPOSED" },
          data: { status: input.decision, decisionNote: note, decidedById: input.actorId, decidedAt: input.now },
        })
      ).count,
  });
  const change = describeChange(action.fromGrade, action.toGrade);
  if (input.decision === "DISMISSED") return null;
  const inForce = (await gradesInForce(tx, [action.organizationId], input.now)).get(action.organizationId);
  if (inForce?.id !== action.gradeId) throw new WorkflowError("该组织的评估等级已发生变化，请重新提出");
  const reason = `${GRADE_ACTION_CAUSE_LABELS[action.cause as GradeActionCause]}（${change}）：${note}`;
  const newGradeId = await applyGradeChange(tx, {
    gradeId: action.gradeId,
    toGrade: action.toGrade,
    reason,
    now: input.now,
    actorId: input.actorId,
    request: input.request,
  });
  await tx.ratingGradeAction.update({ where: { id: action.id }, data: { newGradeId }, select: { id: true } });
  await notifyOrganization(tx, action.organizationId, {
    title: `评估等级变更：${change}`,
    body: reason,
    link: "/org/rating/certificates",
  });
  return newGradeId;
}
