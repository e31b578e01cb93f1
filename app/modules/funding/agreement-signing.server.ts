// Signing an issued agreement version: a member of the organization signs, then the
// bureau countersigns. Each signature records the typed name, the account, the time,
// the IP and is tied to the SHA-256 of the exact text the signer read. Countersigning
// the first version starts delivery (the signing tranches, the report schedule and the
// evaluations, all in the countersign's transaction); countersigning an amendment
// supersedes the version before it and applies its change.
import { recordAudit } from "~/modules/audit/audit.server";
import { redateFinalEvaluation, scheduleEvaluations } from "~/modules/evaluation/create.server";
import { notifyAdmins, notifyOrganization } from "~/modules/notifications/notifications.server";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Tx } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { getClientIp } from "~/utils/http";
import { fail, failFields, succeed } from "~/utils/write-result";
import { GRANT_SUBJECT_TYPE } from "../grants/applications/application-form";
import { grantApplicationWorkflow } from "../grants/applications/application-workflow";
import { signerNameMatches } from "./agreement-forms";
import { agreementKindLabel, agreementWorkflow } from "./agreement-workflow";
import { AGREEMENT_ENTITY, openAgreement } from "./agreements.server";
import { GRANT_PROJECT_ENTITY } from "./create-projects.server";
import { grantProjectWorkflow } from "./project-workflow";
import { scheduleReports } from "./reports.server";
import { meetTrancheGates } from "./tranches.server";

type Signer = { id: string; name: string };
type SignInput = { projectId: string; signer: Signer; signerName: string; textHash: string; request?: Request };
/** `at`: when the bureau signed; only the demo seed, which signs last year's projects, passes one. */
type CountersignInput = SignInput & { at?: Date };

const TEXT_CHANGED = "协议文本已更新，请刷新页面、重新阅读后再签署";

function checkSignature(input: SignInput, agreement: { textHash: string | null }) {
  if (!signerNameMatches(input.signerName, input.signer.name)) {
    return failFields({ signerName: [`请输入当前登录账号的姓名（${input.signer.name}）`] });
  }
  if (!agreement.textHash || agreement.textHash !== input.textHash) return fail(TEXT_CHANGED, { status: 409 });
  return null;
}

/** 机构签署: a member of the organization holding the project (the route's guard checked that). */
export async function signAsOrganization(input: SignInput) {
  return prisma.$transaction(async (tx) => {
    const open = await openAgreement(tx, input.projectId);
    if (!open || open.status !== "AWAITING_ORG") return fail("没有待本机构签署的协议", { status: 409 });
    const problem = checkSignature(input, open);
    if (problem) return problem;
    const now = new Date();
    await runTransition(tx, {
      workflow: agreementWorkflow,
      entityType: AGREEMENT_ENTITY,
      entityId: open.id,
      from: "AWAITING_ORG",
      to: "AWAITING_BUREAU",
      actor: { id: input.signer.id, role: "ORG_MEMBER" },
      reason: `${input.signerName.trim()} 签署第 ${open.version} 版（SHA-256 ${open.textHash}）`,
      request: input.request,
      apply: async () =>
        (
          await tx.grantAgreement.updateMany({
            where: { id: open.id, status: "AWAITING_ORG", textHash: input.textHash },
            data: {
              status: "AWAITING_BUREAU",
              orgSignerName: input.signerName.trim(),
              orgSignerId: input.signer.id,
              orgSignedAt: now,
              orgSignedIp: input.request ? getClientIp(input.request) || null : null,
            },
          })
        ).count,
    });
    const project = await tx.grantProject.findUniqueOrThrow({
      where: { id: input.projectId },
      select: { projectNo: true, title: true, organization: { select: { name: true } } },
    });
    await notifyAdmins(tx, {
      title: `${project.projectNo} 协议待会签`,
      body: `${project.organization.name}已签署「${project.title}」的${agreementKindLabel(open.kind)}（第 ${open.version} 版），请会签。`,
      link: `/admin/projects/${input.projectId}/agreement`,
    });
    return succeed();
  });
}

/** 民政局会签: the version takes effect. */
export async function countersign(input: CountersignInput) {
  return prisma.$transaction(async (tx) => {
    const open = await openAgreement(tx, input.projectId);
    if (!open || open.status !== "AWAITING_BUREAU") return fail("没有待会签的协议", { status: 409 });
    const problem = checkSignature(input, open);
    if (problem) return problem;
    const now = input.at ?? new Date();
    const actor = { id: input.signer.id, role: "ADMIN" as const };
    await runTransition(tx, {
      workflow: agreementWorkflow,
      entityType: AGREEMENT_ENTITY,
      entityId: open.id,
      from: "AWAITING_BUREAU",
      to: "SIGNED",
      actor,
      reason: `${input.signerName.trim()} 会签第 ${open.version} 版（SHA-256 ${open.textHash}）`,
      request: input.request,
      apply: async () =>
        (
          await tx.grantAgreement.updateMany({
            where: { id: open.id, status: "AWAITING_BUREAU", textHash: input.textHash },
            data: {
              status: "SIGNED",
              bureauSignerName: input.signerName.trim(),
              bureauSignerId: input.signer.id,
              bureauSignedAt: now,
              bureauSignedIp: input.request ? getClientIp(input.request) || null : null,
            },
          })
        ).count,
    });
    if (open.kind === "ORIGINAL") await startDelivery(tx, { ...input, at: now, endsOn: open.endsOn });
    else await applyAmendment(tx, { ...input, agreement: open });
    const project = await tx.grantProject.findUniqueOrThrow({
      where: { id: input.projectId },
      select: { organizationId: true, title: true },
    });
    await notifyOrganization(tx, project.organizationId, {
      title: `${agreementKindLabel(open.kind)}已生效：${project.title}`,
      body: `区民政局已于 ${formatDate(now)} 会签第 ${open.version} 版协议，协议生效。`,
      link: `/org/projects/${input.projectId}/agreement`,
    });
    return succeed();
  });
}

/**
 * The first version signed: project → 执行中, application → 执行中, signedAt, the signing
 * tranches open, the progress reports are scheduled and the evaluations created. Both
 * schedules only add what is missing, so a second call changes nothing.
 */
async function startDelivery(tx: Tx, input: SignInput & { at: Date; endsOn: Date }) {
  const actor = { id: input.signer.id, role: "ADMIN" as const };
  const project = await tx.grantProject.findUniqueOrThrow({
    where: { id: input.projectId },
    select: { id: true, applicationId: true, application: { select: { status: true } } },
  });
  await runTransition(tx, {
    workflow: grantProjectWorkflow,
    entityType: GRANT_PROJECT_ENTITY,
    entityId: project.id,
    from: "AWAITING_SIGNATURE",
    to: "IN_DELIVERY",
    actor,
    request: input.request,
    apply: async () =>
      (
        await tx.grantProject.updateMany({
          where: { id: project.id, status: "AWAITING_SIGNATURE" },
          data: { status: "IN_DELIVERY", signedAt: input.at, endsOn: input.endsOn },
        })
      ).count,
  });
  if (project.application.status === "FUNDED") {
    await runTransition(tx, {
      workflow: grantApplicationWorkflow,
      entityType: GRANT_SUBJECT_TYPE,
      entityId: project.applicationId,
      from: "FUNDED",
      to: "IN_PROGRESS",
      actor,
      request: input.request,
      apply: async () =>
        (
          await tx.grantApplication.updateMany({
            where: { id: project.applicationId, status: "FUNDED" },
            data: { status: "IN_PROGRESS" },
          })
        ).count,
    });
  }
  await meetTrancheGates(tx, {
    projectId: project.id,
    trigger: "SIGNING",
    at: input.at,
    actor,
    reason: "双方签订协议",
    request: input.request,
  });
  await scheduleReports(tx, project.id);
  await scheduleEvaluations(tx, project.id, { actor, request: input.request });
}

/** An amendment signed: the version before it is superseded; an extension moves the project's end date. */
async function applyAmendment(
  tx: Tx,
  input: SignInput & { agreement: { id: string; version: number; kind: string; endsOn: Date } },
) {
  const actor = { id: input.signer.id, role: "ADMIN" as const };
  const previous = await tx.grantAgreement.findMany({
    where: { projectId: input.projectId, status: "SIGNED", version: { lt: input.agreement.version } },
    select: { id: true },
  });
  for (const p of previous) {
    await runTransition(tx, {
      workflow: agreementWorkflow,
      entityType: AGREEMENT_ENTITY,
      entityId: p.id,
      from: "SIGNED",
      to: "SUPERSEDED",
      actor,
      reason: `由第 ${input.agreement.version} 版替代`,
      request: input.request,
      apply: async () =>
        (await tx.grantAgreement.updateMany({ where: { id: p.id, status: "SIGNED" }, data: { status: "SUPERSEDED" } }))
          .count,
    });
  }
  if (input.agreement.kind === "EXTENSION") {
    const project = await tx.grantProject.findUniqueOrThrow({
      where: { id: input.projectId },
      select: { endsOn: true },
    });
    await tx.grantProject.update({
      where: { id: input.projectId },
      data: { endsOn: input.agreement.endsOn },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "grant_project.extend",
      entityType: GRANT_PROJECT_ENTITY,
      entityId: input.projectId,
      reason: `补充协议第 ${input.agreement.version} 版生效：执行期截止日由 ${formatDate(project.endsOn)} 延至 ${formatDate(input.agreement.endsOn)}`,
      request: input.request,
    });
    // The later end date adds report periods (and re-dates the ones nobody has started), and the
    // final evaluation falls due that much later too (while nothing is submitted for it).
    await scheduleReports(tx, input.projectId);
    await redateFinalEvaluation(tx, input.projectId, { actor, request: input.request });
  }
}
