// Staff's tranche writes: record a payment (only when paymentProblem says none, which
// starts with THE gate check), withhold / resume / stop with a reason, and record a
// mid-term or final gate by hand through meetTrancheGates. Each one transaction, audited
// through runTransition, the organization told.
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { runTransition } from "~/modules/workflow/transition.server";
import { parseDateInput, shanghaiParts } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { formatDate, formatFen } from "~/utils/format";
import { fail, succeed } from "~/utils/write-result";
import { assertProjectOpen } from "./frozen.server";
import { canRecordGate, paymentProblem } from "./tranche-rules";
import { trancheWorkflow, type TrancheState } from "./tranche-workflow";
import { TRIGGER_LABELS, type TrancheTrigger } from "./tranches";
import { GRANT_TRANCHE_ENTITY, meetTrancheGates } from "./tranches.server";

type Staff = { id: string };

const projectFacts = {
  id: true,
  projectNo: true,
  title: true,
  status: true,
  organizationId: true,
  signedAt: true,
  midtermPassedAt: true,
  finalPassedAt: true,
} as const;

async function findTranche(projectId: string, trancheId: string) {
  return prisma.grantTranche.findFirst({
    where: { id: trancheId, projectId },
    select: {
      id: true,
      position: true,
      amountFen: true,
      trigger: true,
      status: true,
      gateMetAt: true,
      project: { select: projectFacts },
    },
  });
}

/** The calendar day in Shanghai, comparable as a number (20260531). */
const dayOf = (at: Date) => {
  const p = shanghaiParts(at);
  return p.year * 10_000 + p.month * 100 + p.day;
};

export async function recordPayment(input: {
  projectId: string;
  trancheId: string;
  paidOn: string;
  voucherNo: string;
  receivingAccount: string;
  actor: Staff;
  request?: Request;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const tranche = await findTranche(input.projectId, input.trancheId);
  if (!tranche) return fail("未找到该笔拨付", { status: 404 });
  const problem = paymentProblem(tranche, tranche.project);
  if (problem) return fail(problem, { status: 409 });
  const paidOn = parseDateInput(input.paidOn);
  if (!paidOn) return fail("拨付日期不是有效日期", { field: "paidOn" });
  if (dayOf(paidOn) > dayOf(now)) return fail("拨付日期不能晚于今天", { field: "paidOn" });
  if (tranche.gateMetAt && dayOf(paidOn) < dayOf(tranche.gateMetAt))
    return fail(`拨付日期不能早于拨付条件达成日（${formatDate(tranche.gateMetAt)}）`, { field: "paidOn" });
  const voucherNo = input.voucherNo.trim();
  const reused = await prisma.grantTranche.findFirst({
    where: { voucherNo, id: { not: tranche.id } },
    select: { position: true, project: { select: { projectNo: true } } },
  });
  if (reused)
    return fail(`该凭证号已用于 ${reused.project.projectNo} 第 ${reused.position} 笔拨付`, { field: "voucherNo" });

  const project = tranche.project;
  await prisma.$transaction(async (tx) => {
    await assertProjectOpen(tx, input.projectId);
    await runTransition(tx, {
      workflow: trancheWorkflow,
      entityType: GRANT_TRANCHE_ENTITY,
      entityId: tranche.id,
      from: "PAYABLE",
      to: "PAID",
      actor: { id: input.actor.id, role: "ADMIN" },
      reason: `凭证号 ${voucherNo}，拨付 ${formatFen(tranche.amountFen)}`,
      request: input.request,
      apply: async () =>
        (
          await tx.grantTranche.updateMany({
            where: { id: tranche.id, status: "PAYABLE" },
            data: {
              status: "PAID",
              paidAt: paidOn,
              voucherNo,
              receivingAccount: input.receivingAccount.trim(),
              paidById: input.actor.id,
            },
          })
        ).count,
    });
    await notifyOrganization(tx, project.organizationId, {
      title: `${project.projectNo} 第 ${tranche.position} 笔资助款已拨付`,
      body: `「${project.title}」${formatFen(tranche.amountFen)}已于 ${formatDate(paidOn)} 拨付至 ${input.receivingAccount.trim()}（凭证号 ${voucherNo}）。`,
      link: `/org/projects/${project.id}/tranches`,
    });
  });
  return succeed({ position: tranche.position });
}

const MOVE_NOTICE: Partial<Record<TrancheState, string>> = {
  WITHHELD: "暂缓拨付",
  PAYABLE: "恢复拨付",
  STOPPED: "停止拨付",
};

/** Withhold, resume or stop one tranche, with the reason the table requires. */
export async function moveTranche(input: {
  projectId: string;
  trancheId: string;
  to: "WITHHELD" | "PAYABLE" | "STOPPED";
  reason: string;
  actor: Staff;
  request?: Request;
}) {
  const tranche = await findTranche(input.projectId, input.trancheId);
  if (!tranche) return fail("未找到该笔拨付", { status: 404 });
  const from = tranche.status as TrancheState;
  if (input.to === "PAYABLE" && from !== "WITHHELD") return fail("只有暂缓拨付的款项可以恢复拨付", { status: 409 });
  const reason = input.reason.trim();
  const project = tranche.project;
  await prisma.$transaction(async (tx) => {
    await assertProjectOpen(tx, input.projectId);
    await runTransition(tx, {
      workflow: trancheWorkflow,
      entityType: GRANT_TRANCHE_ENTITY,
      entityId: tranche.id,
      from,
      to: input.to,
      actor: { id: input.actor.id, role: "ADMIN" },
      reason,
      request: input.request,
      apply: async () =>
        (
          await tx.grantTranche.updateMany({
            where: { id: tranche.id, status: from },
            data: { status: input.to, holdReason: input.to === "PAYABLE" ? null : reason },
          })
        ).count,
    });
    await notifyOrganization(tx, project.organizationId, {
      title: `${project.projectNo} 第 ${tranche.position} 笔资助款${MOVE_NOTICE[input.to]}`,
      body: `「${project.title}」${formatFen(tranche.amountFen)}：${reason}`,
      link: `/org/projects/${project.id}/tranches`,
    });
  });
  return succeed({ position: tranche.position });
}

/** Staff record a mid-term or final gate as met by hand (until the evaluations set it), with a reason. */
export async function recordGateByHand(input: {
  projectId: string;
  trigger: TrancheTrigger;
  metOn: string;
  reason: string;
  actor: Staff;
  request?: Request;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const project = await prisma.grantProject.findUnique({
    where: { id: input.projectId },
    select: {
      ...projectFacts,
      tranches: { where: { trigger: input.trigger }, select: { status: true, trigger: true } },
    },
  });
  if (!project) return fail("未找到该项目", { status: 404 });
  if (!project.tranches.some((t) => canRecordGate(t, project)))
    return fail(
      input.trigger === "SIGNING"
        ? "协议签订后由系统自动转为待拨付，不能手工登记"
        : `没有待达成「${TRIGGER_LABELS[input.trigger]}」条件的拨付`,
      { status: 409 },
    );
  const metOn = parseDateInput(input.metOn);
  if (!metOn) return fail("达成日期不是有效日期", { field: "metOn" });
  if (dayOf(metOn) > dayOf(now)) return fail("达成日期不能晚于今天", { field: "metOn" });
  if (project.signedAt && dayOf(metOn) < dayOf(project.signedAt))
    return fail(`达成日期不能早于协议签订日（${formatDate(project.signedAt)}）`, { field: "metOn" });
  const result = await prisma.$transaction(async (tx) => {
    await assertProjectOpen(tx, project.id);
    return meetTrancheGates(tx, {
      projectId: project.id,
      trigger: input.trigger,
      at: metOn,
      actor: { id: input.actor.id, role: "ADMIN" },
      reason: `人工登记：${input.reason.trim()}`,
      request: input.request,
    });
  });
  return succeed({ opened: result.opened.length });
}
