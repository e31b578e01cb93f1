// Expenses against a funded project's budget lines (#13 item 7): recorded by the
// organization with a voucher (stored through the upload checks, readable by the
// organization's members and staff only: Attachment.organizationId and not public),
// voided with a reason, never deleted.
import { attachmentData, withStoredUploads } from "~/modules/attachments/uploads.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyAdmins, notifyOrganization } from "~/modules/notifications/notifications.server";
import type { Actor } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { shanghaiParts, shanghaiEndOfDay, shanghaiMidnight } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { formatDate, formatFen } from "~/utils/format";
import { fail, succeed } from "~/utils/write-result";
import type { ProjectCore } from "./access.server";
import { lineName } from "./budget";
import { EXPENSE_SUBJECT_TYPE, loadBudgetTable, VOUCHER_PURPOSE } from "./budget.server";
import { expenseWorkflow } from "./expense-workflow";
import { assertProjectOpen } from "./frozen.server";
import { ACTIVE_PROJECT_STATES, type GrantProjectState } from "./project-workflow";

type Project = Pick<ProjectCore, "id" | "projectNo" | "title" | "status" | "startsOn" | "organizationId">;

export function expensesOpen(project: Pick<Project, "status">) {
  return ACTIVE_PROJECT_STATES.includes(project.status as GrantProjectState);
}

function dayStart(at: Date) {
  const p = shanghaiParts(at);
  return shanghaiMidnight(p.year, p.month, p.day);
}

/**
 * Records an expense and its voucher in one transaction. The line must belong to
 * the project; the date lies between the project's start and today. Returns the
 * warnings the expense leaves on the budget (overspent line, overhead over the cap),
 * which staff are told about too.
 */
export async function recordExpense(input: {
  project: Project;
  actorId: string;
  values: { budgetLineId: string; spentOn: Date; amountFen: number; description: string };
  voucher: File;
  request?: Request;
  now?: Date;
}) {
  const { project, values } = input;
  if (!expensesOpen(project)) return fail("项目不在执行期，不能登记支出", { status: 409 });
  const line = await prisma.grantProjectBudgetLine.findFirst({
    where: { id: values.budgetLineId, projectId: project.id },
    select: { id: true, category: true, description: true },
  });
  if (!line) return fail("请选择本项目的预算科目", { field: "budgetLineId" });
  const today = shanghaiParts(input.now ?? new Date());
  if (values.spentOn.getTime() > shanghaiEndOfDay(today.year, today.month, today.day).getTime())
    return fail("支出日期不能晚于今天", { field: "spentOn" });
  if (values.spentOn.getTime() < dayStart(project.startsOn).getTime())
    return fail(`支出日期不能早于项目开始日期（${formatDate(project.startsOn)}）`, { field: "spentOn" });

  const warnings = await withStoredUploads([input.voucher], async (tx, [stored]) => {
    await assertProjectOpen(tx, project.id);
    const before = await loadBudgetTable(tx, project.id);
    const expense = await tx.grantExpense.create({
      data: {
        projectId: project.id,
        budgetLineId: line.id,
        spentOn: values.spentOn,
        amountFen: values.amountFen,
        description: values.description,
        createdById: input.actorId,
      },
      select: { id: true },
    });
    await tx.attachment.create({
      data: {
        ...attachmentData(input.voucher, stored!, {
          uploaderId: input.actorId,
          organizationId: project.organizationId,
          purpose: VOUCHER_PURPOSE,
          description: "支出凭证",
        }),
        subjectType: EXPENSE_SUBJECT_TYPE,
        subjectId: expense.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "grant_expense.record",
      entityType: EXPENSE_SUBJECT_TYPE,
      entityId: expense.id,
      toState: "RECORDED",
      reason: `${project.projectNo} ${lineName(line)} ${formatFen(values.amountFen)}：${values.description}`,
      request: input.request,
    });
    const after = await loadBudgetTable(tx, project.id);
    const fresh = after.check.warnings.filter((w) => !before.check.warnings.includes(w));
    if (fresh.length)
      await notifyAdmins(tx, {
        title: `项目支出预警：${project.projectNo} ${project.title}`,
        body: fresh.join("；"),
        link: `/admin/projects/${project.id}/budget`,
      });
    return after.check.warnings;
  });
  return succeed({ warnings });
}

/** Voids a recorded expense with a reason; the other side (staff or the organization) is told. */
export async function voidExpense(input: {
  project: Project;
  expenseId: string;
  reason: string;
  actor: { id: string; role: Actor };
  request?: Request;
}) {
  const { project } = input;
  const expense = await prisma.grantExpense.findFirst({
    where: { id: input.expenseId, projectId: project.id },
    select: { id: true, status: true, amountFen: true, description: true },
  });
  if (!expense) return fail("未找到该支出记录", { status: 404 });
  await prisma.$transaction(async (tx) => {
    await assertProjectOpen(tx, project.id);
    await runTransition(tx, {
      workflow: expenseWorkflow,
      entityType: EXPENSE_SUBJECT_TYPE,
      entityId: expense.id,
      from: expense.status as "RECORDED",
      to: "VOIDED",
      actor: input.actor,
      reason: input.reason,
      request: input.request,
      apply: async () =>
        (
          await tx.grantExpense.updateMany({
            where: { id: expense.id, status: "RECORDED" },
            data: { status: "VOIDED", voidReason: input.reason },
          })
        ).count,
    });
    const notice = {
      title: `支出记录已作废：${project.projectNo} ${project.title}`,
      body: `${expense.description}（${formatFen(expense.amountFen)}），理由：${input.reason}`,
    };
    if (input.actor.role === "ADMIN")
      await notifyOrganization(tx, project.organizationId, { ...notice, link: `/org/projects/${project.id}/budget` });
    else await notifyAdmins(tx, { ...notice, link: `/admin/projects/${project.id}/budget` });
  });
  return succeed();
}
