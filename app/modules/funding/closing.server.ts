// Closing (结项, #14 item 8): the facts behind the checklist, and the close itself
// (project → CLOSED with its public summary, application → COMPLETED), after which
// every write path refuses the project's records (assertProjectOpen).
import { grantApplicationWorkflow } from "~/modules/grants/applications/application-workflow";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Db } from "~/utils/db.server";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { closingChecklist, leftoverFenOf, type ClosingFacts } from "./closing";
import { GRANT_PROJECT_ENTITY } from "./create-projects.server";
import { assertProjectOpen } from "./frozen.server";
import { grantProjectWorkflow } from "./project-workflow";

/** The final grade once final: the project's (set when the final evaluation's publicity ended), else the evaluation's. */
export async function loadClosingFacts(db: Db, projectId: string): Promise<ClosingFacts> {
  const p = await db.grantProject.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      finalGrade: true,
      leftoverNote: true,
      tranches: { orderBy: { position: "asc" }, select: { position: true, status: true, amountFen: true } },
      evaluations: {
        where: { kind: "FINAL", finalAt: { not: null } },
        orderBy: { round: "desc" },
        take: 1,
        select: { grade: true },
      },
      reports: {
        orderBy: [{ sequence: "desc" }],
        select: { kind: true, status: true },
      },
      refunds: {
        where: { kind: "LEFTOVER" },
        select: { kind: true, amountFen: true, receivedFen: true, status: true },
      },
    },
  });
  const spent = await db.grantExpense.aggregate({
    where: { projectId, status: "RECORDED" },
    _sum: { amountFen: true },
  });
  // The final financial report: the one filed as FINAL, else the last report of the schedule (it ends with the agreement).
  const finalReport = p.reports.find((r) => r.kind === "FINAL") ?? p.reports.find((r) => r.kind === "PROGRESS") ?? null;
  return {
    finalGrade: p.finalGrade ?? p.evaluations[0]?.grade ?? null,
    finalReportStatus: finalReport?.status ?? null,
    tranches: p.tranches,
    paidFen: p.tranches.filter((t) => t.status === "PAID").reduce((sum, t) => sum + t.amountFen, 0),
    spentFen: spent._sum.amountFen ?? 0,
    leftoverRefunds: p.refunds,
    leftoverNote: p.leftoverNote,
  };
}

export async function loadClosing(projectId: string) {
  const facts = await loadClosingFacts(prisma, projectId);
  return {
    facts,
    checklist: closingChecklist(facts),
    leftoverFen: leftoverFenOf(facts.paidFen, facts.spentFen),
  };
}

/** Staff close a project whose checklist holds, with the public closing summary. */
export async function closeProject(input: {
  projectId: string;
  summary: string;
  actorId: string;
  request?: Request;
  now?: Date;
}): Promise<WriteResult> {
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const project = await assertProjectOpen(tx, input.projectId);
    const checklist = closingChecklist(await loadClosingFacts(tx, input.projectId));
    const missing = checklist.items.filter((i) => !i.ok);
    if (missing.length > 0) return fail(`尚不能结项：${missing.map((i) => i.detail).join("；")}`, { status: 409 });
    const row = await tx.grantProject.findUniqueOrThrow({
      where: { id: input.projectId },
      select: { title: true, organizationId: true, application: { select: { id: true, status: true } } },
    });
    await runTransition(tx, {
      workflow: grantProjectWorkflow,
      entityType: GRANT_PROJECT_ENTITY,
      entityId: input.projectId,
      from: project.status as "IN_DELIVERY",
      to: "CLOSED",
      actor: { id: input.actorId, role: "ADMIN" },
      request: input.request,
      apply: async () =>
        (
          await tx.grantProject.updateMany({
            where: { id: input.projectId, status: project.status },
            data: { status: "CLOSED", closedAt: now, closingSummary: input.summary },
          })
        ).count,
    });
    if (row.application.status === "IN_PROGRESS") {
      await runTransition(tx, {
        workflow: grantApplicationWorkflow,
        entityType: "GrantApplication",
        entityId: row.application.id,
        from: "IN_PROGRESS",
        to: "COMPLETED",
        actor: { id: input.actorId, role: "ADMIN" },
        request: input.request,
        apply: async () =>
          (
            await tx.grantApplication.updateMany({
              where: { id: row.application.id, status: "IN_PROGRESS" },
              data: { status: "COMPLETED" },
            })
          ).count,
      });
    }
    await notifyOrganization(tx, row.organizationId, {
      title: `公益创投项目「${row.title}」已结项`,
      body: "项目记录已归档，可在项目的“结项”栏目打印结项证书。",
      link: `/org/projects/${input.projectId}/closing`,
    });
    return succeed();
  });
}

/** What the closing tab shows of a closed or ended project. */
export async function loadClosingRecord(projectId: string) {
  return prisma.grantProject.findUniqueOrThrow({
    where: { id: projectId },
    select: { closedAt: true, closingSummary: true, endedReason: true, leftoverNote: true, finalGrade: true },
  });
}

/** The 结项证书 of a closed project, or null while it is not closed. */
export async function loadCompletionCertificate(projectId: string) {
  const p = await prisma.grantProject.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      status: true,
      projectNo: true,
      title: true,
      awardFen: true,
      startsOn: true,
      endsOn: true,
      closedAt: true,
      finalGrade: true,
      evaluations: {
        where: { kind: "FINAL", finalAt: { not: null } },
        orderBy: { round: "desc" },
        take: 1,
        select: { grade: true },
      },
      organization: { select: { name: true, uscc: true } },
      call: { select: { title: true, year: true } },
    },
  });
  if (p.status !== "CLOSED") return null;
  const { evaluations, status: _status, ...rest } = p;
  return { ...rest, finalGrade: p.finalGrade ?? evaluations[0]?.grade ?? null };
}
