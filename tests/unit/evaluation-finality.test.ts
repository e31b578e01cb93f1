// Decision 026: a published evaluation result becomes final when its publicity period ends with
// no objection pending, settled by the first read through the system (no staff click), with its
// effect: a passing mid-term opens the next tranche; a final 不合格 ends the project.
import { describe, expect, test } from "vitest";
import { redateFinalEvaluation } from "~/modules/evaluation/create.server";
import { finalDueAt } from "~/modules/evaluation/due";
import { settleEndedPublicity } from "~/modules/evaluation/finality.server";
import { decideEvaluationObjection } from "~/modules/evaluation/publicity.server";
import { addDays } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { inPublicity, objectTo } from "./helpers/evaluation-in-publicity";

const tranche = (projectId: string, position: number) =>
  prisma.grantTranche.findFirstOrThrow({
    where: { projectId, position },
    select: { status: true, gateMetAt: true, holdReason: true },
  });

describe("the end of an evaluation result's publicity", () => {
  test("a passing mid-term is final as of the period's end and its tranche payable, by the system, once", async () => {
    const { project, evaluationId, endsAt } = await inPublicity("MIDTERM", "良好", 86, 3);
    expect(await settleEndedPublicity({ projectId: project.projectId })).toBe(1);
    expect(await settleEndedPublicity({ projectId: project.projectId })).toBe(0);
    const row = await prisma.grantEvaluation.findUniqueOrThrow({
      where: { id: evaluationId },
      select: { status: true, finalAt: true },
    });
    expect(row).toEqual({ status: "FINAL", finalAt: endsAt });
    expect(await tranche(project.projectId, 2)).toMatchObject({ status: "PAYABLE", gateMetAt: endsAt });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: evaluationId, toState: "FINAL" },
      select: { actorId: true, fromState: true },
    });
    expect(audit).toEqual({ actorId: null, fromState: "PUBLICITY" });
  });

  test("a result still in its period, or with an objection pending, stays in publicity", async () => {
    const open = await inPublicity("MIDTERM", "合格", 70, -2);
    expect(await settleEndedPublicity({ projectId: open.project.projectId })).toBe(0);

    const waiting = await inPublicity("MIDTERM", "合格", 70, 1);
    const objection = await objectTo(waiting);
    expect(await settleEndedPublicity({ callId: waiting.project.callId })).toBe(0);
    expect(await tranche(waiting.project.projectId, 2)).toMatchObject({ status: "PLANNED" });

    // Dismissing the last objection after the period makes the result final in the same step.
    await decideEvaluationObjection({
      projectId: waiting.project.projectId,
      objectionId: objection.id,
      outcome: "DISMISSED",
      reply: "经核查，服务人次属实。",
      actorId: waiting.admin.id,
      request: new Request("http://localhost/"),
    });
    const row = await prisma.grantEvaluation.findUniqueOrThrow({
      where: { id: waiting.evaluationId },
      select: { status: true, finalAt: true },
    });
    expect(row.status).toBe("FINAL");
    expect(row.finalAt!.getTime()).toBeGreaterThan(waiting.endsAt.getTime());
    expect(await tranche(waiting.project.projectId, 2)).toMatchObject({ status: "PAYABLE" });
  });

  test("a final 不合格 ends the project: last tranche stopped, project and application terminated, ban", async () => {
    const { org, project, endsAt } = await inPublicity("FINAL", "不合格", 52, 2);
    expect(await settleEndedPublicity({ organizationId: org.id })).toBe(1);
    const row = await prisma.grantProject.findUniqueOrThrow({
      where: { id: project.projectId },
      select: { status: true, finalGrade: true, endedReason: true, application: { select: { status: true } } },
    });
    expect(row).toMatchObject({ status: "TERMINATED", finalGrade: "不合格", application: { status: "TERMINATED" } });
    expect(row.endedReason).toContain("终期评估不合格（得分 52");
    const last = await tranche(project.projectId, 3);
    expect(last.status).toBe("STOPPED");
    expect(last.holdReason).toContain("尾款不予拨付");
    const bans = await prisma.grantBan.findMany({
      where: { organizationId: org.id },
      select: { reason: true, startsAt: true },
    });
    expect(bans).toHaveLength(1);
    expect(bans[0]!.reason).toContain("终期评估不合格");
    expect(bans[0]!.startsAt).toEqual(endsAt);
    expect(await prisma.grantRefund.count({ where: { projectId: project.projectId } })).toBe(0);
  });
});

describe("an extension re-dates the final evaluation", () => {
  test("due the call's months before the new end while nothing is submitted; a submitted one keeps its date", async () => {
    const { project, evaluationId } = await inPublicity("MIDTERM", "良好", 86, 3);
    const row = await prisma.grantProject.findUniqueOrThrow({
      where: { id: project.projectId },
      select: { endsOn: true, call: { select: { finalBeforeEndMonths: true } } },
    });
    const oldDue = finalDueAt(row.endsOn, row.call.finalBeforeEndMonths);
    const final = await prisma.grantEvaluation.create({
      data: { projectId: project.projectId, kind: "FINAL", dueAt: oldDue },
      select: { id: true },
    });
    const newEnd = addDays(row.endsOn, 92);
    await prisma.grantProject.update({ where: { id: project.projectId }, data: { endsOn: newEnd } });
    const who = { actor: { id: null, role: "SYSTEM" as const } };
    const moved = await prisma.$transaction((tx) => redateFinalEvaluation(tx, project.projectId, who));
    expect(moved).toEqual(finalDueAt(newEnd, row.call.finalBeforeEndMonths));
    const redated = await prisma.grantEvaluation.findUniqueOrThrow({
      where: { id: final.id },
      select: { dueAt: true },
    });
    expect(redated.dueAt).toEqual(moved);
    expect(moved!.getTime()).toBeGreaterThan(oldDue.getTime());
    // Again: nothing to move. The mid-term (in publicity here) is never re-dated.
    expect(await prisma.$transaction((tx) => redateFinalEvaluation(tx, project.projectId, who))).toBeNull();
    const midterm = await prisma.grantEvaluation.findUniqueOrThrow({
      where: { id: evaluationId },
      select: { dueAt: true },
    });
    expect(midterm.dueAt.getTime()).toBeLessThan(oldDue.getTime());

    await prisma.grantEvaluation.update({ where: { id: final.id }, data: { status: "SUBMITTED" } });
    await prisma.grantProject.update({ where: { id: project.projectId }, data: { endsOn: addDays(newEnd, 60) } });
    expect(await prisma.$transaction((tx) => redateFinalEvaluation(tx, project.projectId, who))).toBeNull();
  });
});
