// Money owed back by a project (GrantRefund): the refunds with their receipts for
// the 结项 tab, a clawback asked for (at termination or later), a receipt (part payments
// allowed; the last 分 settles it through the refund workflow) and the request for leftover
// funds at closing.
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import type { Actor } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Db, type Tx } from "~/utils/db.server";
import { formatDate, formatFen } from "~/utils/format";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { assertProjectOpen } from "./frozen.server";
import { GRANT_REFUND_ENTITY, refundWorkflow } from "./refund-workflow";
import { receiptProblem, REFUND_KIND_LABELS, settlesRefund } from "./refunds";

export async function loadRefunds(db: Db, projectId: string) {
  return db.grantRefund.findMany({
    where: { projectId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      amountFen: true,
      receivedFen: true,
      status: true,
      reason: true,
      dueAt: true,
      receivedAt: true,
      receipts: {
        orderBy: { receivedOn: "asc" },
        select: { id: true, receivedOn: true, amountFen: true, voucherNo: true },
      },
    },
  });
}

/**
 * A CLAWBACK refund owed from today (state OUTSTANDING, audited as its creation), in the
 * caller's transaction. The caller checked the amount against what was paid and tells the
 * organization; from here on the refund moves only through the refund workflow.
 */
export async function createClawback(
  tx: Tx,
  input: {
    projectId: string;
    amountFen: number;
    reason: string;
    dueAt: Date | null;
    actor: { id: string | null; role: Actor };
    request?: Request;
  },
) {
  const refund = await tx.grantRefund.create({
    data: {
      projectId: input.projectId,
      kind: "CLAWBACK",
      amountFen: input.amountFen,
      reason: input.reason,
      dueAt: input.dueAt,
      createdById: input.actor.id,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: input.actor.id,
    action: "grant_refund.create",
    entityType: GRANT_REFUND_ENTITY,
    entityId: refund.id,
    toState: "OUTSTANDING",
    reason: `${REFUND_KIND_LABELS.CLAWBACK} ${formatFen(input.amountFen)}：${input.reason}`,
    request: input.request,
  });
  return refund.id;
}

/** Staff record money received against a refund; the receipt of the last 分 settles it. */
export async function recordRefundReceipt(input: {
  projectId: string;
  refundId: string;
  amountFen: number;
  receivedOn: Date;
  voucherNo: string;
  actorId: string;
  request?: Request;
  now?: Date;
}): Promise<WriteResult<{ settled: boolean }>> {
  const now = input.now ?? new Date();
  if (input.receivedOn.getTime() > now.getTime()) return fail("收款日期不能晚于今天", { field: "receivedOn" });
  return prisma.$transaction(async (tx) => {
    const refund = await tx.grantRefund.findFirst({
      where: { id: input.refundId, projectId: input.projectId },
      select: {
        id: true,
        kind: true,
        amountFen: true,
        receivedFen: true,
        status: true,
        project: { select: { id: true, title: true, organizationId: true } },
      },
    });
    if (!refund) return fail("未找到该应退款项", { status: 404 });
    if (refund.kind === "LEFTOVER") await assertProjectOpen(tx, input.projectId);
    const problem = receiptProblem(input.amountFen, refund);
    if (problem) return fail(problem, { field: "amount" });
    const settled = settlesRefund(input.amountFen, refund);
    await tx.grantRefundReceipt.create({
      data: {
        refundId: refund.id,
        receivedOn: input.receivedOn,
        amountFen: input.amountFen,
        voucherNo: input.voucherNo,
        recordedById: input.actorId,
      },
    });
    const changed = await tx.grantRefund.updateMany({
      where: { id: refund.id, status: "OUTSTANDING", receivedFen: refund.receivedFen },
      data: { receivedFen: refund.receivedFen + input.amountFen, receivedAt: input.receivedOn },
    });
    if (changed.count !== 1) return fail("该款项已被他人更新，请刷新后重试", { status: 409 });
    const label = REFUND_KIND_LABELS[refund.kind] ?? "退款";
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "grant_refund.receipt",
      entityType: GRANT_REFUND_ENTITY,
      entityId: refund.id,
      reason: `${label}收款 ${formatFen(input.amountFen)}（凭证号 ${input.voucherNo}，${formatDate(input.receivedOn)}）`,
      request: input.request,
    });
    if (settled) {
      await runTransition(tx, {
        workflow: refundWorkflow,
        entityType: GRANT_REFUND_ENTITY,
        entityId: refund.id,
        from: "OUTSTANDING",
        to: "RECEIVED",
        actor: { id: input.actorId, role: "ADMIN" },
        request: input.request,
        apply: async () =>
          (
            await tx.grantRefund.updateMany({
              where: { id: refund.id, status: "OUTSTANDING" },
              data: { status: "RECEIVED", receivedAt: input.receivedOn },
            })
          ).count,
      });
    }
    const owed = refund.amountFen - refund.receivedFen - input.amountFen;
    await notifyOrganization(tx, refund.project.organizationId, {
      title: `已收到「${refund.project.title}」${label} ${formatFen(input.amountFen)}`,
      body: settled ? "该笔应退款项已全部结清。" : `尚欠 ${formatFen(owed)}。`,
      link: `/org/projects/${refund.project.id}/closing`,
    });
    return succeed({ settled });
  });
}

/** At closing: ask for leftover funds back (a LEFTOVER refund), or accept staff's explanation of them. */
export async function settleLeftover(input: {
  projectId: string;
  mode: "REFUND" | "EXPLAIN";
  amountFen: number | null;
  dueAt: Date | null;
  note: string | null;
  maxFen: number;
  actorId: string;
  request?: Request;
}): Promise<WriteResult> {
  if (input.mode === "REFUND" && (input.amountFen ?? 0) > input.maxFen)
    return fail(`应退回金额不能超过结余 ${formatFen(input.maxFen)}`, { field: "amount" });
  return prisma.$transaction(async (tx) => {
    const project = await assertProjectOpen(tx, input.projectId);
    const row = await tx.grantProject.findUniqueOrThrow({
      where: { id: input.projectId },
      select: { title: true, organizationId: true, refunds: { where: { kind: "LEFTOVER" }, select: { id: true } } },
    });
    if (project.status !== "IN_DELIVERY") return fail("只有执行中的项目可以办理结余资金", { status: 409 });
    if (input.mode === "EXPLAIN") {
      await tx.grantProject.update({ where: { id: input.projectId }, data: { leftoverNote: input.note } });
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "grant_project.leftover_note",
        entityType: "GrantProject",
        entityId: input.projectId,
        reason: `结余资金说明：${input.note}`,
        request: input.request,
      });
      return succeed();
    }
    if (row.refunds.length > 0) return fail("已要求退回结余资金，请登记收款", { status: 409 });
    const refund = await tx.grantRefund.create({
      data: {
        projectId: input.projectId,
        kind: "LEFTOVER",
        amountFen: input.amountFen!,
        reason: "结项结余资金退回",
        dueAt: input.dueAt,
        createdById: input.actorId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "grant_refund.create",
      entityType: GRANT_REFUND_ENTITY,
      entityId: refund.id,
      toState: "OUTSTANDING",
      reason: `结余退回 ${formatFen(input.amountFen!)}`,
      request: input.request,
    });
    await notifyOrganization(tx, row.organizationId, {
      title: `请退回「${row.title}」的结余资金 ${formatFen(input.amountFen!)}`,
      body: `退回期限：${formatDate(input.dueAt)}。结余资金退回后方可结项。`,
      link: `/org/projects/${input.projectId}/closing`,
    });
    return succeed();
  });
}
