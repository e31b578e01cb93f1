// Budget change requests (#13 item 7): the organization picks lines and new amounts;
// the band (budget-change.ts, thresholds from the rules) decides what happens. A
// notice-band change applies at once and staff are told; the others wait for staff,
// whose approval writes the lines' revisedFen in the same transaction.
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyAdmins, notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Tx } from "~/utils/db.server";
import { failFields, fail, succeed, type FieldErrors } from "~/utils/write-result";
import { fieldName } from "../grants/applications/budget-checks";
import type { ProjectCore } from "./access.server";
import {
  assessBudgetChange,
  BUDGET_CHANGE_BAND_LABELS,
  describeChanges,
  parseChangeLines,
  type BudgetChangeLine,
} from "./budget-change";
import { budgetChangeWorkflow, type BudgetChangeState } from "./budget-change-workflow";
import { BUDGET_CHANGE_ENTITY, budgetChangeThresholds, loadBudgetLines } from "./budget.server";
import { expensesOpen } from "./expenses.server";
import { assertProjectOpen } from "./frozen.server";

type Project = Pick<ProjectCore, "id" | "projectNo" | "title" | "status" | "organizationId" | "callId">;

export const PENDING_BUDGET_CHANGE = "PENDING";

async function overheadCapOf(callId: string) {
  const call = await prisma.grantCall.findUniqueOrThrow({ where: { id: callId }, select: { overheadCapPct: true } });
  return call.overheadCapPct;
}

/** Writes the new amounts, each only while the line still holds the amount the request was made against. */
async function applyLines(tx: Tx, projectId: string, changes: BudgetChangeLine[]) {
  for (const c of changes) {
    const { count } = await tx.grantProjectBudgetLine.updateMany({
      where: { id: c.budgetLineId, projectId, revisedFen: c.fromFen },
      data: { revisedFen: c.toFen },
    });
    if (count !== 1) throw new WorkflowError("预算科目金额已发生变化，请刷新后重新提交预算调整");
  }
}

/** Files a budget change request: recorded at once in the notice band, else pending for staff. */
export async function requestBudgetChange(input: {
  project: Project;
  actorId: string;
  lines: Array<{ budgetLineId: string; toFen: number | null }>;
  reason: string | null;
  request?: Request;
  now?: Date;
}) {
  const { project } = input;
  if (!expensesOpen(project)) return fail("项目不在执行期，不能调整预算", { status: 409 });
  const pending = await prisma.grantBudgetChange.count({
    where: { projectId: project.id, status: PENDING_BUDGET_CHANGE },
  });
  if (pending > 0) return fail("已有一项预算调整等待审批，审批或撤回后才能提出新的调整", { status: 409 });
  const [lines, overheadCapPct, thresholds] = await Promise.all([
    loadBudgetLines(prisma, project.id),
    overheadCapOf(project.callId),
    budgetChangeThresholds(input.now),
  ]);
  const assessed = assessBudgetChange(lines, input.lines, { thresholds, overheadCapPct, reason: input.reason });
  if (assessed.issues.length) {
    const fieldErrors: FieldErrors = {};
    const formErrors: string[] = [];
    for (const issue of assessed.issues) {
      if (issue.path.length === 0) formErrors.push(issue.message);
      else (fieldErrors[fieldName(issue.path)] ??= []).push(issue.message);
    }
    return failFields(fieldErrors, formErrors);
  }
  const recorded = assessed.band === "NOTICE";
  const summary = describeChanges(lines, assessed.changes).join("；");
  const change = await prisma.$transaction(async (tx) => {
    await assertProjectOpen(tx, input.project.id);
    const row = await tx.grantBudgetChange.create({
      data: {
        projectId: project.id,
        lines: JSON.stringify(assessed.changes),
        movedPct: assessed.movedPct,
        band: assessed.band,
        reason: input.reason?.trim() || null,
        status: recorded ? "RECORDED" : PENDING_BUDGET_CHANGE,
        createdById: input.actorId,
      },
      select: { id: true },
    });
    if (recorded) await applyLines(tx, project.id, assessed.changes);
    await recordAudit(tx, {
      actorId: input.actorId,
      action: recorded ? "grant_budget_change.record" : "grant_budget_change.request",
      entityType: BUDGET_CHANGE_ENTITY,
      entityId: row.id,
      toState: recorded ? "RECORDED" : PENDING_BUDGET_CHANGE,
      reason: `${project.projectNo} ${BUDGET_CHANGE_BAND_LABELS[assessed.band]}（最大调整幅度 ${assessed.movedPct}%）：${summary}`,
      request: input.request,
    });
    await notifyAdmins(tx, {
      title: recorded
        ? `预算调整已备案：${project.projectNo} ${project.title}`
        : `预算调整待审批：${project.projectNo} ${project.title}`,
      body: `${summary}${input.reason?.trim() ? `。理由：${input.reason.trim()}` : ""}`,
      link: `/admin/projects/${project.id}/budget`,
    });
    return row;
  });
  return succeed({ id: change.id, band: assessed.band, recorded });
}

async function findChange(projectId: string, changeId: string) {
  return prisma.grantBudgetChange.findFirst({
    where: { id: changeId, projectId },
    select: { id: true, status: true, lines: true },
  });
}

/** Staff approve (the lines take the new amounts) or reject (with a note) a pending request. */
export async function decideBudgetChange(input: {
  project: Project;
  changeId: string;
  approve: boolean;
  note: string | null;
  actorId: string;
  request?: Request;
  now?: Date;
}) {
  const { project } = input;
  const change = await findChange(project.id, input.changeId);
  if (!change) return fail("未找到该预算调整申请", { status: 404 });
  const to: BudgetChangeState = input.approve ? "APPROVED" : "REJECTED";
  const note = input.note?.trim() || null;
  const changes = parseChangeLines(change.lines);
  const lines = await loadBudgetLines(prisma, project.id);
  await prisma.$transaction(async (tx) => {
    await assertProjectOpen(tx, project.id);
    await runTransition(tx, {
      workflow: budgetChangeWorkflow,
      entityType: BUDGET_CHANGE_ENTITY,
      entityId: change.id,
      from: change.status as BudgetChangeState,
      to,
      actor: { id: input.actorId, role: "ADMIN" },
      reason: note,
      request: input.request,
      apply: async () =>
        (
          await tx.grantBudgetChange.updateMany({
            where: { id: change.id, status: PENDING_BUDGET_CHANGE },
            data: { status: to, decidedById: input.actorId, decidedAt: input.now ?? new Date(), decisionNote: note },
          })
        ).count,
    });
    if (input.approve) await applyLines(tx, project.id, changes);
    await notifyOrganization(tx, project.organizationId, {
      title: `预算调整${input.approve ? "已批准" : "未获批准"}：${project.projectNo} ${project.title}`,
      body: `${describeChanges(lines, changes).join("；")}${note ? `。意见：${note}` : ""}`,
      link: `/org/projects/${project.id}/budget`,
    });
  });
  return succeed();
}

/** The organization withdraws its request before staff decide. */
export async function withdrawBudgetChange(input: {
  project: Project;
  changeId: string;
  actorId: string;
  request?: Request;
}) {
  const { project } = input;
  const change = await findChange(project.id, input.changeId);
  if (!change) return fail("未找到该预算调整申请", { status: 404 });
  await prisma.$transaction(async (tx) => {
    await assertProjectOpen(tx, project.id);
    await runTransition(tx, {
      workflow: budgetChangeWorkflow,
      entityType: BUDGET_CHANGE_ENTITY,
      entityId: change.id,
      from: change.status as BudgetChangeState,
      to: "WITHDRAWN",
      actor: { id: input.actorId, role: "ORG_MEMBER" },
      request: input.request,
      apply: async () =>
        (
          await tx.grantBudgetChange.updateMany({
            where: { id: change.id, status: PENDING_BUDGET_CHANGE },
            data: { status: "WITHDRAWN" },
          })
        ).count,
    });
    await notifyAdmins(tx, {
      title: `预算调整申请已撤回：${project.projectNo} ${project.title}`,
      link: `/admin/projects/${project.id}/budget`,
    });
  });
  return succeed();
}
