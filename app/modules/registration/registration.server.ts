// Queries and writes for registration (登记) and filing (备案) applications.
import { listDocuments, saveWithDocuments } from "~/modules/attachments/document-set.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { getRules } from "~/modules/config/rules.server";
import { notifyAdmins, notifyOrganization } from "~/modules/notifications/notifications.server";
import type { OrgType } from "~/modules/organizations/labels";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { PAGE_SIZE } from "~/utils/paging";
import { applicationKindLabel, kindForType, parseApplicationData, type ApplicationData } from "./application-form";
import { APPLICATION_SUBJECT_TYPE, registrationDocuments, type DocumentKey } from "./documents";
import { decisionDueAt, OPEN_STATES } from "./review";
import { EDITABLE_REGISTRATION_STATES, registrationWorkflow, type RegistrationState } from "./workflow";

export const ENTITY_TYPE = APPLICATION_SUBJECT_TYPE;

export const listSelect = {
  id: true,
  kind: true,
  orgType: true,
  proposedName: true,
  status: true,
  submissions: true,
  firstSubmittedAt: true,
  submittedAt: true,
  dueAt: true,
  decidedAt: true,
  createdAt: true,
} as const satisfies Prisma.RegistrationApplicationSelect;

export const detailSelect = {
  ...listSelect,
  organizationId: true,
  data: true,
  correctionNotes: true,
  decisionReason: true,
  updatedAt: true,
} as const satisfies Prisma.RegistrationApplicationSelect;

export function stateOf(status: string): RegistrationState {
  if (!registrationWorkflow.isState(status)) throw new Error(`Unknown registration state ${status}`);
  return status;
}

function stateLabel(status: string) {
  return registrationWorkflow.stateLabels[status as RegistrationState] ?? status;
}

// ───────────────────────── Organization side ─────────────────────────

export async function listOrgApplications(organizationId: string, page: number) {
  const where = { organizationId };
  const [applications, total] = await Promise.all([
    prisma.registrationApplication.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: listSelect,
    }),
    prisma.registrationApplication.count({ where }),
  ]);
  return { applications, total };
}

/** The application the organization is working on or waiting for, if any. */
export async function findOpenApplication(organizationId: string) {
  return prisma.registrationApplication.findFirst({
    where: { organizationId, status: { in: OPEN_STATES } },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true },
  });
}

/**
 * Opens a draft, filled in from what the organization already wrote in its
 * profile. Refused when it is registered already or has an open application.
 */
export async function startApplication(input: {
  organizationId: string;
  userId: string;
  orgType: OrgType;
  request: Request;
}) {
  return prisma.$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: input.organizationId },
      select: {
        name: true,
        status: true,
        address: true,
        area: true,
        areaCode: true,
        purpose: true,
        scope: true,
        legalRepresentative: true,
        capitalFen: true,
        category: true,
        supervisingUnit: true,
      },
    });
    if (org.status !== "PREPARING") throw new WorkflowError("本机构已办理登记（备案），无需再次申请");
    const open = await tx.registrationApplication.findFirst({
      where: { organizationId: input.organizationId, status: { in: OPEN_STATES } },
      select: { id: true },
    });
    if (open) throw new WorkflowError("本机构已有正在办理的申请，请在该申请中继续");
    const prefill = parseApplicationData(
      JSON.stringify({
        proposedName: org.name,
        address: org.address ?? undefined,
        area: org.area ?? undefined,
        areaCode: org.areaCode ?? undefined,
        purpose: org.purpose ?? undefined,
        scope: org.scope ?? undefined,
        legalRepresentative: org.legalRepresentative ?? undefined,
        capitalFen: org.capitalFen == null ? undefined : Number(org.capitalFen),
        category: org.category ?? undefined,
        supervisingUnit: org.supervisingUnit ?? undefined,
      }),
      input.orgType,
    );
    const kind = kindForType(input.orgType);
    const application = await tx.registrationApplication.create({
      data: {
        organizationId: input.organizationId,
        kind,
        orgType: input.orgType,
        proposedName: prefill.proposedName ?? "",
        data: JSON.stringify(prefill),
        createdById: input.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.userId,
      action: "registration.create",
      entityType: ENTITY_TYPE,
      entityId: application.id,
      toState: "DRAFT",
      reason: `${applicationKindLabel(kind)}申请：${prefill.proposedName ?? ""}`,
      request: input.request,
    });
    return application;
  });
}

export async function getOrgApplication(organizationId: string, applicationId: string) {
  return prisma.registrationApplication.findFirst({
    where: { id: applicationId, organizationId },
    select: detailSelect,
  });
}

/** The documents stored for an application, newest first. */
export async function listApplicationDocuments(applicationId: string) {
  return listDocuments(registrationDocuments, applicationId, "desc");
}

/**
 * Organization.name is unique: a name already used by another organization
 * cannot be given to this one. Returns the message for the name field, or null.
 */
export async function nameConflictMessage(name: string, organizationId: string, db: Tx | typeof prisma = prisma) {
  const other = await db.organization.findUnique({ where: { name }, select: { id: true, status: true } });
  if (!other || other.id === organizationId) return null;
  if (other.status === "REGISTERED") return `「${name}」与已登记的社会组织重名，请更换名称`;
  return `「${name}」已被其他社会组织使用，请更换名称`;
}

/**
 * Saves the form (and any new documents, replacing earlier ones of the same
 * kind); with `submit`, also moves the application to 已提交 and tells staff.
 */
export async function saveApplication(input: {
  organizationId: string;
  applicationId: string;
  actorId: string;
  data: ApplicationData;
  files: Partial<Record<DocumentKey, File>>;
  submit: boolean;
  request: Request;
}) {
  return saveWithDocuments({
    set: registrationDocuments,
    subjectId: input.applicationId,
    organizationId: input.organizationId,
    actorId: input.actorId,
    request: input.request,
    files: input.files,
    saveDraft: (tx) => saveDraft(tx, input),
    submit: input.submit ? (tx, draft) => submitApplication(tx, input, draft) : null,
  });
}

type SaveInput = Parameters<typeof saveApplication>[0];

async function saveDraft(tx: Tx, input: SaveInput) {
  const app = await tx.registrationApplication.findFirst({
    where: { id: input.applicationId, organizationId: input.organizationId },
    select: { status: true, firstSubmittedAt: true, dueAt: true, submissions: true },
  });
  if (!app) throw new WorkflowError("未找到该申请");
  const from = stateOf(app.status);
  if (!EDITABLE_REGISTRATION_STATES.includes(from)) {
    throw new WorkflowError(`申请当前为「${stateLabel(from)}」，不能修改`);
  }
  const kind = kindForType(input.data.orgType);
  const saved = await tx.registrationApplication.updateMany({
    where: { id: input.applicationId, status: from },
    data: {
      kind,
      orgType: input.data.orgType,
      proposedName: input.data.proposedName ?? "",
      data: JSON.stringify(input.data),
    },
  });
  if (saved.count !== 1) throw new WorkflowError("该申请的状态已被他人更新，请刷新后重试");
  return { ...app, from, kind };
}

async function submitApplication(tx: Tx, input: SaveInput, app: Awaited<ReturnType<typeof saveDraft>>) {
  const { from, kind } = app;
  const now = new Date();
  const rules = await getRules(now, tx);
  const firstSubmittedAt = app.firstSubmittedAt ?? now;
  const dueAt = app.dueAt ?? decisionDueAt(firstSubmittedAt, rules["registration.reviewDays"]);
  await runTransition(tx, {
    workflow: registrationWorkflow,
    entityType: ENTITY_TYPE,
    entityId: input.applicationId,
    from,
    to: "SUBMITTED",
    actor: { id: input.actorId, role: "ORG_MEMBER" },
    request: input.request,
    apply: async () =>
      (
        await tx.registrationApplication.updateMany({
          where: { id: input.applicationId, status: from },
          data: { status: "SUBMITTED", submissions: { increment: 1 }, submittedAt: now, firstSubmittedAt, dueAt },
        })
      ).count,
  });
  const name = input.data.proposedName ?? "";
  const kindLabel = applicationKindLabel(kind);
  const round = app.submissions + 1;
  await notifyAdmins(tx, {
    title: round > 1 ? `${kindLabel}申请补正后重新提交：${name}` : `新的${kindLabel}申请：${name}`,
    body: `第 ${round} 次提交。请在 ${formatDate(dueAt)} 前作出决定。`,
    link: `/admin/registrations/${input.applicationId}`,
  });
  await notifyOrganization(tx, input.organizationId, {
    title: `${kindLabel}申请已提交：${name}`,
    body: `区民政局将审查您的申请，办理期限至 ${formatDate(dueAt)}。`,
    link: `/org/registration/${input.applicationId}`,
  });
}

export async function listApplicationHistory(applicationId: string) {
  return prisma.auditEvent.findMany({
    where: { entityType: ENTITY_TYPE, entityId: applicationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 100,
    select: {
      id: true,
      action: true,
      fromState: true,
      toState: true,
      reason: true,
      createdAt: true,
      actor: { select: { name: true } },
    },
  });
}

/** The particulars printed on the certificate; null unless registered with a code. */
export async function getCertificate(organizationId: string) {
  const org = await prisma.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      name: true,
      type: true,
      uscc: true,
      status: true,
      address: true,
      area: true,
      legalRepresentative: true,
      scope: true,
      purpose: true,
      supervisingUnit: true,
      capitalFen: true,
      registeredAt: true,
    },
  });
  if (!org || org.status !== "REGISTERED" || !org.uscc || !org.registeredAt) return null;
  return { ...org, uscc: org.uscc, registeredAt: org.registeredAt };
}
