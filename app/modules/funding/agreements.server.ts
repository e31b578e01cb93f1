// Preparing agreement versions: staff edit the draft's variable parts, issue it (the
// text is frozen with its SHA-256), recall an issued version to correct it, start an
// amendment (a new version) and cancel one. Signing is in agreement-signing.server.ts.
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { runTransition } from "~/modules/workflow/transition.server";
import { parseDateInput } from "~/utils/dates";
import { prisma, type Tx } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { fail, failFields, succeed } from "~/utils/write-result";
import type { AgreementVariables } from "./agreement-template";
import { composeAgreementText, loadAgreementFacts } from "./agreement-text.server";
import {
  agreementKindLabel,
  agreementWorkflow,
  OPEN_AGREEMENT_STATES,
  type AgreementKind,
  type AgreementState,
} from "./agreement-workflow";
import { ACTIVE_PROJECT_STATES, type GrantProjectState } from "./project-workflow";

export const AGREEMENT_ENTITY = "GrantAgreement";

type Staff = { id: string };
type Base = { projectId: string; actor: Staff; request?: Request };

/** The version being prepared or signed (at most one per project). */
export async function openAgreement(db: Tx | typeof prisma, projectId: string) {
  return db.grantAgreement.findFirst({
    where: { projectId, status: { in: OPEN_AGREEMENT_STATES } },
    orderBy: { version: "desc" },
    select: { id: true, version: true, kind: true, status: true, endsOn: true, textHash: true },
  });
}

const orgLink = (projectId: string) => `/org/projects/${projectId}/agreement`;

/** Saves the variable parts of the draft version (nothing is frozen until it is issued). */
export async function saveAgreementDraft(
  input: Base & { values: Omit<AgreementVariables, "specialTerms"> & { specialTerms?: string; endsOn: string } },
) {
  return prisma.$transaction(async (tx) => {
    const draft = await openAgreement(tx, input.projectId);
    if (!draft || draft.status !== "DRAFT")
      return fail("没有可编辑的协议草稿（已出具的协议须先撤回修改）", { status: 409 });
    const project = await tx.grantProject.findUniqueOrThrow({
      where: { id: input.projectId },
      select: { startsOn: true, endsOn: true },
    });
    const endsOn = parseDateInput(input.values.endsOn)!;
    if (endsOn <= project.startsOn) return failFields({ endsOn: ["截止日须晚于执行期起始日"] });
    const { endsOn: _ignored, ...variables } = input.values;
    const saved: AgreementVariables = { ...variables, specialTerms: variables.specialTerms ?? "" };
    const changed = await tx.grantAgreement.updateMany({
      where: { id: draft.id, status: "DRAFT" },
      data: { variables: JSON.stringify(saved), endsOn },
    });
    if (changed.count !== 1) return fail("协议状态已被他人更新，请刷新后重试", { status: 409 });
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: "grant_agreement.edit",
      entityType: AGREEMENT_ENTITY,
      entityId: draft.id,
      reason: `修改第 ${draft.version} 版协议的可变条款`,
      request: input.request,
    });
    return succeed();
  });
}

/** 出具协议: freezes the exact text and its SHA-256, and asks the organization to sign. */
export async function issueAgreement(input: Base) {
  return prisma.$transaction(async (tx) => {
    const draft = await openAgreement(tx, input.projectId);
    if (!draft || draft.status !== "DRAFT") return fail("没有待出具的协议草稿", { status: 409 });
    const project = await tx.grantProject.findUniqueOrThrow({
      where: { id: input.projectId },
      select: { status: true, organizationId: true, title: true },
    });
    const projectOpen =
      draft.kind === "ORIGINAL"
        ? project.status === "AWAITING_SIGNATURE"
        : ACTIVE_PROJECT_STATES.includes(project.status as GrantProjectState);
    if (!projectOpen) return fail("项目当前状态不能出具该协议", { status: 409 });
    const { text, textHash, variables } = await composeAgreementText(tx, draft.id);
    const now = new Date();
    await runTransition(tx, {
      workflow: agreementWorkflow,
      entityType: AGREEMENT_ENTITY,
      entityId: draft.id,
      from: "DRAFT",
      to: "AWAITING_ORG",
      actor: { id: input.actor.id, role: "ADMIN" },
      reason: `出具第 ${draft.version} 版（SHA-256 ${textHash}）`,
      request: input.request,
      apply: async () =>
        (
          await tx.grantAgreement.updateMany({
            where: { id: draft.id, status: "DRAFT" },
            data: { status: "AWAITING_ORG", text, textHash, issuedAt: now, variables: JSON.stringify(variables) },
          })
        ).count,
    });
    await notifyOrganization(tx, project.organizationId, {
      title: `${agreementKindLabel(draft.kind)}待签署：${project.title}`,
      body: "区民政局已出具协议文本，请阅读后在线签署。",
      link: orgLink(input.projectId),
    });
    return succeed();
  });
}

/** 撤回修改: an issued version goes back to draft; signatures so far are void because the text will change. */
export async function recallAgreement(input: Base & { reason: string }) {
  return prisma.$transaction(async (tx) => {
    const open = await openAgreement(tx, input.projectId);
    if (!open || (open.status !== "AWAITING_ORG" && open.status !== "AWAITING_BUREAU")) {
      return fail("没有可撤回的协议", { status: 409 });
    }
    const from = open.status as AgreementState;
    await runTransition(tx, {
      workflow: agreementWorkflow,
      entityType: AGREEMENT_ENTITY,
      entityId: open.id,
      from,
      to: "DRAFT",
      actor: { id: input.actor.id, role: "ADMIN" },
      reason: input.reason,
      request: input.request,
      apply: async () =>
        (
          await tx.grantAgreement.updateMany({
            where: { id: open.id, status: from },
            data: {
              status: "DRAFT",
              text: null,
              textHash: null,
              issuedAt: null,
              orgSignerName: null,
              orgSignerId: null,
              orgSignedAt: null,
              orgSignedIp: null,
            },
          })
        ).count,
    });
    const project = await tx.grantProject.findUniqueOrThrow({
      where: { id: input.projectId },
      select: { organizationId: true, title: true },
    });
    await notifyOrganization(tx, project.organizationId, {
      title: `协议已撤回修改：${project.title}`,
      body: `撤回理由：${input.reason}。修改后将重新出具，届时请重新签署。`,
      link: orgLink(input.projectId),
    });
    return succeed();
  });
}

/** Starts an amendment (a new version, copied from the version in force) with its reason and change. */
export async function startAmendment(
  input: Base & { kind: Exclude<AgreementKind, "ORIGINAL">; reason: string; endsOn?: string; projectLead?: string },
) {
  return prisma.$transaction(async (tx) => {
    const project = await tx.grantProject.findUniqueOrThrow({
      where: { id: input.projectId },
      select: { status: true, endsOn: true, organizationId: true, title: true },
    });
    if (!ACTIVE_PROJECT_STATES.includes(project.status as GrantProjectState)) {
      return fail("只有执行中的项目可以签订补充协议", { status: 409 });
    }
    if (await openAgreement(tx, input.projectId))
      return fail("已有正在办理的协议版本，请先办结或作废", { status: 409 });
    const current = await tx.grantAgreement.findFirst({
      where: { projectId: input.projectId, status: "SIGNED" },
      orderBy: { version: "desc" },
      select: { id: true, version: true, endsOn: true },
    });
    if (!current) return fail("项目没有已生效的协议", { status: 409 });
    let endsOn = current.endsOn;
    if (input.kind === "EXTENSION") {
      const asked = parseDateInput(input.endsOn ?? "");
      if (!asked) return failFields({ endsOn: ["请填写延期后的截止日"] });
      if (asked <= project.endsOn) {
        return failFields({ endsOn: [`延期后的截止日须晚于现截止日（${formatDate(project.endsOn)}）`] });
      }
      endsOn = asked;
    }
    const { facts } = await loadAgreementFacts(tx, current.id);
    const variables: AgreementVariables = {
      ...facts.variables,
      ...(input.kind === "LEAD_CHANGE" && input.projectLead ? { projectLead: input.projectLead } : {}),
    };
    const latest = await tx.grantAgreement.findFirstOrThrow({
      where: { projectId: input.projectId },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    const created = await tx.grantAgreement.create({
      data: {
        projectId: input.projectId,
        version: latest.version + 1,
        kind: input.kind,
        status: "DRAFT",
        amendmentReason: input.reason,
        variables: JSON.stringify(variables),
        endsOn,
        createdById: input.actor.id,
      },
      select: { id: true, version: true },
    });
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: "grant_agreement.amend",
      entityType: AGREEMENT_ENTITY,
      entityId: created.id,
      toState: "DRAFT",
      reason: `${agreementKindLabel(input.kind)}（第 ${created.version} 版）：${input.reason}`,
      request: input.request,
    });
    await notifyOrganization(tx, project.organizationId, {
      title: `拟签订补充协议：${project.title}`,
      body: `${agreementKindLabel(input.kind)}。事由：${input.reason}。协议出具后请在线签署。`,
      link: orgLink(input.projectId),
    });
    return succeed({ version: created.version });
  });
}

/** 作废 an amendment that will not be signed (the original version is only ended by withdrawing the award). */
export async function cancelAmendment(input: Base & { reason: string }) {
  return prisma.$transaction(async (tx) => {
    const open = await openAgreement(tx, input.projectId);
    if (!open || open.kind === "ORIGINAL") return fail("没有可作废的补充协议", { status: 409 });
    await cancelVersion(tx, { ...input, agreement: open });
    const project = await tx.grantProject.findUniqueOrThrow({
      where: { id: input.projectId },
      select: { organizationId: true, title: true },
    });
    await notifyOrganization(tx, project.organizationId, {
      title: `补充协议已作废：${project.title}`,
      body: `理由：${input.reason}`,
      link: orgLink(input.projectId),
    });
    return succeed();
  });
}

/** Moves an unsigned version to CANCELLED (shared with the award withdrawal). */
export async function cancelVersion(
  tx: Tx,
  input: Base & { reason: string; agreement: { id: string; status: string } },
) {
  const from = input.agreement.status as AgreementState;
  await runTransition(tx, {
    workflow: agreementWorkflow,
    entityType: AGREEMENT_ENTITY,
    entityId: input.agreement.id,
    from,
    to: "CANCELLED",
    actor: { id: input.actor.id, role: "ADMIN" },
    reason: input.reason,
    request: input.request,
    apply: async () =>
      (
        await tx.grantAgreement.updateMany({
          where: { id: input.agreement.id, status: from },
          data: { status: "CANCELLED" },
        })
      ).count,
  });
}
