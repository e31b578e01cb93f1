// 跟踪评估 and 核查评估: staff draw a seeded sample of 4A+ organizations (the
// seed is stored, so the draw can be repeated and checked), or open a check of
// one organization after an event; a check ends keeping the grade or changing it.
import { recordAudit } from "~/modules/audit/audit.server";
import { getRules } from "~/modules/config/rules.server";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { gradeLabel } from "~/modules/registry/grade";
import { gradesInForce } from "~/modules/registry/grade.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma } from "~/utils/db.server";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { decideGradeActionIn, proposeGradeAction } from "./downgrade.server";
import { CHECK_KIND_LABELS, drawSample, newSeed, type CheckKind } from "./follow-up";
import { checkWorkflow } from "./grade-workflow";

/** The organizations whose grade in force is at least `minGrade` at `now`, sorted by id. */
async function followUpPopulation(minGrade: number, now: Date) {
  const orgs = await prisma.organization.findMany({
    where: { status: "REGISTERED", currentGrade: { gte: minGrade } },
    select: { id: true },
  });
  // currentGrade narrows the search on its index; the rows decide.
  const grades = await gradesInForce(
    prisma,
    orgs.map((o) => o.id),
    now,
  );
  return [...grades.values()].filter((g) => g.grade >= minGrade);
}

/** Draws `size` 4A+ organizations with `seed` (a fresh one when empty) and opens a 跟踪评估 for each. */
export async function drawFollowUpSample(input: {
  size: number;
  seed?: string | null;
  actorId: string;
  request?: Request;
  now?: Date;
}): Promise<WriteResult<{ sampleId: string; drawn: number; seed: string }>> {
  const now = input.now ?? new Date();
  const minGrade = (await getRules(now))["rating.followUpMinGrade"];
  const population = await followUpPopulation(minGrade, now);
  if (population.length === 0) return fail(`目前没有 ${gradeLabel(minGrade)} 及以上的社会组织可供抽查`);
  const seed = input.seed?.trim() || newSeed(now);
  const picked = drawSample(
    population.map((g) => g.organizationId),
    input.size,
    seed,
  );
  const gradeOf = new Map(population.map((g) => [g.organizationId, g.grade]));
  const sample = await prisma.$transaction(async (tx) => {
    const sample = await tx.ratingCheckSample.create({
      data: { seed, size: input.size, minGrade, population: population.length, drawnById: input.actorId, drawnAt: now },
      select: { id: true },
    });
    await tx.ratingCheck.createMany({
      data: picked.map((organizationId) => ({
        kind: "FOLLOW_UP",
        sampleId: sample.id,
        organizationId,
        gradeBefore: gradeOf.get(organizationId)!,
        createdById: input.actorId,
        createdAt: now,
      })),
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "ratingCheck.sample",
      entityType: "RatingCheckSample",
      entityId: sample.id,
      reason: `从 ${population.length} 家 ${gradeLabel(minGrade)} 及以上社会组织中抽取 ${picked.length} 家进行跟踪评估（种子 ${seed}）`,
      request: input.request,
    });
    for (const organizationId of picked) {
      await notifyOrganization(tx, organizationId, {
        title: "贵机构被抽中参加跟踪评估",
        body: "民政局将对贵机构的评估等级进行跟踪评估，请配合提供相关材料。",
      });
    }
    return sample;
  });
  return succeed({ sampleId: sample.id, drawn: picked.length, seed });
}

/** Opens a 核查评估 of one graded organization after an event (a complaint, a report, a penalty…). */
export async function openVerification(input: {
  organizationId: string;
  trigger: string;
  actorId: string;
  request?: Request;
  now?: Date;
}): Promise<WriteResult<{ checkId: string }>> {
  const now = input.now ?? new Date();
  const row = (await gradesInForce(prisma, [input.organizationId], now)).get(input.organizationId);
  if (!row) return fail("该组织没有现行有效的评估等级", { field: "organizationId" });
  const check = await prisma.$transaction(async (tx) => {
    const check = await tx.ratingCheck.create({
      data: {
        kind: "VERIFICATION",
        organizationId: input.organizationId,
        trigger: input.trigger.trim(),
        gradeBefore: row.grade,
        createdById: input.actorId,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "ratingCheck.open",
      entityType: "RatingCheck",
      entityId: check.id,
      toState: "OPEN",
      reason: `核查评估：${input.trigger.trim()}`,
      request: input.request,
    });
    await notifyOrganization(tx, input.organizationId, {
      title: "贵机构的评估等级将接受核查评估",
      body: input.trigger.trim(),
    });
    return check;
  });
  return succeed({ checkId: check.id });
}

/** Ends a check: the grade is kept, or changed to `toGrade` (null cancels it) with the reason. */
export async function decideCheck(input: {
  checkId: string;
  outcome: "KEPT" | "CHANGED";
  toGrade?: number | null;
  note: string;
  actorId: string;
  request?: Request;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const check = await prisma.ratingCheck.findUnique({
    where: { id: input.checkId },
    select: { id: true, kind: true, status: true, organizationId: true, gradeBefore: true },
  });
  if (!check) throw new WorkflowError("未找到该评估", 400);
  const toGrade = input.outcome === "CHANGED" ? (input.toGrade ?? null) : check.gradeBefore;
  if (input.outcome === "CHANGED" && toGrade === check.gradeBefore) {
    throw new WorkflowError("调整后的等级与原等级相同；如维持等级请选择「维持等级」", 400);
  }
  const note = input.note.trim();
  const label = CHECK_KIND_LABELS[check.kind as CheckKind];
  await prisma.$transaction(async (tx) => {
    await runTransition(tx, {
      workflow: checkWorkflow,
      entityType: "RatingCheck",
      entityId: check.id,
      from: check.status as "OPEN",
      to: input.outcome,
      actor: { id: input.actorId, role: "ADMIN" },
      reason: note,
      request: input.request,
      apply: async () =>
        (
          await tx.ratingCheck.updateMany({
            where: { id: check.id, status: "OPEN" },
            data: {
              status: input.outcome,
              gradeAfter: toGrade,
              outcomeNote: note,
              decidedById: input.actorId,
              decidedAt: now,
            },
          })
        ).count,
    });
    if (input.outcome === "KEPT") {
      await notifyOrganization(tx, check.organizationId, {
        title: `${label}结论：维持 ${gradeLabel(check.gradeBefore)}`,
        body: note,
      });
      return;
    }
    // The change is a grade action the same staff member proposes and confirms at once.
    const action = await proposeGradeAction(tx, {
      organizationId: check.organizationId,
      cause: check.kind === "FOLLOW_UP" ? "FOLLOW_UP" : "VERIFICATION",
      detail: note,
      toGrade,
      sourceType: "RatingCheck",
      sourceId: check.id,
      actorId: input.actorId,
      request: input.request,
      now,
    });
    if (!action) throw new WorkflowError("该组织已没有现行有效的评估等级，或已有同类待处理事项");
    await decideGradeActionIn(tx, {
      actionId: action.id,
      decision: "CONFIRMED",
      note: `${label}结论`,
      actorId: input.actorId,
      request: input.request,
      now,
    });
  });
}

export async function listChecks() {
  const [checks, samples] = await Promise.all([
    prisma.ratingCheck.findMany({
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      take: 200,
      select: {
        id: true,
        kind: true,
        status: true,
        trigger: true,
        gradeBefore: true,
        gradeAfter: true,
        outcomeNote: true,
        createdAt: true,
        decidedAt: true,
        organization: { select: { id: true, name: true } },
      },
    }),
    prisma.ratingCheckSample.findMany({
      orderBy: { drawnAt: "desc" },
      take: 10,
      select: { id: true, seed: true, size: true, minGrade: true, population: true, drawnAt: true },
    }),
  ]);
  return { checks, samples };
}
