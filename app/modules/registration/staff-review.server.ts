// The staff's side of registration applications: the review list, and the
// decisions (受理, 退回补正, 准予登记, 不予登记) with the registration that
// approval brings (a USCC, the particulars copied onto the organization).
import { recordAudit } from "~/modules/audit/audit.server";
import { getRules } from "~/modules/config/rules.server";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { ORG_TYPES } from "~/modules/organizations/labels";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";
import { applicationKindLabel, parseApplicationData } from "./application-form";
import { detailSelect, ENTITY_TYPE, listSelect, nameConflictMessage, stateOf } from "./registration.server";
import { assignUscc, REVIEW_LIST_STATES, UNDECIDED_STATES } from "./review";
import { registrationWorkflow, type RegistrationState } from "./workflow";

export const REVIEW_FILTERS = ["PENDING", ...REVIEW_LIST_STATES, "ALL"] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export function parseReviewFilter(value: string | null): ReviewFilter {
  return (REVIEW_FILTERS as readonly string[]).includes(value ?? "") ? (value as ReviewFilter) : "PENDING";
}

function statesFor(filter: ReviewFilter): RegistrationState[] {
  if (filter === "PENDING") return UNDECIDED_STATES;
  if (filter === "ALL") return REVIEW_LIST_STATES;
  return [filter];
}

/** Submitted applications (never drafts), earliest due first. Uses the (status, dueAt) index. */
export async function listApplicationsForReview(filter: ReviewFilter, page: number) {
  const where: Prisma.RegistrationApplicationWhereInput = { status: { in: statesFor(filter) } };
  const [applications, total] = await Promise.all([
    prisma.registrationApplication.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { ...listSelect, organization: { select: { id: true, name: true } } },
    }),
    prisma.registrationApplication.count({ where }),
  ]);
  return { applications, total };
}

export async function getApplicationForReview(applicationId: string) {
  return prisma.registrationApplication.findFirst({
    where: { id: applicationId, status: { in: REVIEW_LIST_STATES } },
    select: {
      ...detailSelect,
      organization: { select: { id: true, name: true, status: true, uscc: true, registeredAt: true } },
    },
  });
}

/** Staff transitions: 受理, 退回补正, 准予登记, 不予登记. */
export async function decideApplication(input: {
  applicationId: string;
  to: RegistrationState;
  reason?: string | null;
  actorId: string;
  request?: Request;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const reason = input.reason?.trim() || null;
  return prisma.$transaction(async (tx) => {
    const app = await tx.registrationApplication.findFirst({
      where: { id: input.applicationId, status: { in: REVIEW_LIST_STATES } },
      select: {
        id: true,
        organizationId: true,
        kind: true,
        orgType: true,
        proposedName: true,
        status: true,
        data: true,
      },
    });
    if (!app) throw new WorkflowError("未找到该申请");
    const from = stateOf(app.status);
    const decided = input.to === "APPROVED" || input.to === "REJECTED";
    // The status write comes first: it takes SQLite's write lock, so the codes
    // read below cannot change before this transaction commits.
    await runTransition(tx, {
      workflow: registrationWorkflow,
      entityType: ENTITY_TYPE,
      entityId: app.id,
      from,
      to: input.to,
      actor: { id: input.actorId, role: "ADMIN" },
      reason,
      request: input.request,
      apply: async () =>
        (
          await tx.registrationApplication.updateMany({
            where: { id: app.id, status: from },
            data: {
              status: input.to,
              ...(input.to === "CORRECTION" ? { correctionNotes: reason } : {}),
              ...(decided ? { decidedAt: now, decisionReason: reason } : {}),
            },
          })
        ).count,
    });

    const kindLabel = applicationKindLabel(app.kind);
    const link = `/org/registration/${app.id}`;
    let uscc: string | null = null;
    if (input.to === "APPROVED") {
      uscc = await registerOrganization(tx, app, input.actorId, now, input.request);
      await notifyOrganization(tx, app.organizationId, {
        title: `准予${kindLabel}：${app.proposedName}`,
        body: `统一社会信用代码：${uscc}。可在“登记申请”中查看并打印登记证书。`,
        link,
      });
    } else if (input.to === "ACCEPTED") {
      await notifyOrganization(tx, app.organizationId, {
        title: `${kindLabel}申请已受理：${app.proposedName}`,
        body: "区民政局已受理您的申请，正在审查。",
        link,
      });
    } else if (input.to === "CORRECTION") {
      await notifyOrganization(tx, app.organizationId, {
        title: `${kindLabel}申请需要补正：${app.proposedName}`,
        body: `补正内容：${reason ?? ""}`,
        link,
      });
    } else if (input.to === "REJECTED") {
      await notifyOrganization(tx, app.organizationId, {
        title: `不予${kindLabel}：${app.proposedName}`,
        body: `理由：${reason ?? ""}`,
        link,
      });
    }
    return { uscc };
  });
}

/**
 * On approval: a new USCC, the application's registered particulars copied
 * onto the organization, status REGISTERED and a REGISTER change record.
 */
async function registerOrganization(
  tx: Tx,
  app: { id: string; organizationId: string; kind: string; orgType: string; data: string },
  actorId: string,
  now: Date,
  request?: Request,
) {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: app.organizationId }, select: { status: true } });
  if (org.status !== "PREPARING") throw new WorkflowError("该组织已办理登记（备案），不能重复登记");
  const data = parseApplicationData(app.data, app.orgType);
  const name = data.proposedName?.trim();
  if (!name) throw new WorkflowError("申请未填写名称，不能准予登记，请退回补正", 400);
  const conflict = await nameConflictMessage(name, app.organizationId, tx);
  if (conflict) throw new WorkflowError(`名称「${name}」已被其他社会组织使用，不能准予登记，请退回补正`);
  const rules = await getRules(now, tx);
  const areaCode = data.areaCode ?? rules["registration.areaCode"][0];
  if (!areaCode || !/^\d{6}$/.test(areaCode)) throw new WorkflowError("申请的行政区划代码无效，请退回补正", 400);

  const coded = await tx.organization.findMany({ where: { uscc: { not: null } }, select: { uscc: true } });
  const uscc = assignUscc({
    orgType: app.orgType,
    kind: app.kind,
    areaCode,
    existingCodes: coded.map((o) => o.uscc!),
  });
  const type = (ORG_TYPES as readonly string[]).includes(app.orgType) ? app.orgType : data.orgType;
  await tx.organization.update({
    where: { id: app.organizationId },
    data: {
      name,
      type,
      uscc,
      address: data.address ?? null,
      area: data.area ?? null,
      areaCode,
      purpose: data.purpose ?? null,
      scope: data.scope ?? null,
      legalRepresentative: data.legalRepresentative ?? null,
      capitalFen: data.capitalFen == null ? null : BigInt(data.capitalFen),
      category: data.category ?? null,
      supervisingUnit: data.supervisingUnit ?? null,
      status: "REGISTERED",
      registeredAt: now,
    },
    select: { id: true },
  });
  await tx.organizationChange.create({
    data: {
      organizationId: app.organizationId,
      kind: "REGISTER",
      newValue: uscc,
      reason: `准予${applicationKindLabel(app.kind)}（申请 ${app.id}）`,
      effectiveAt: now,
      recordedById: actorId,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId,
    action: "organization.register",
    entityType: "Organization",
    entityId: app.organizationId,
    fromState: "PREPARING",
    toState: "REGISTERED",
    reason: `统一社会信用代码 ${uscc}`,
    request,
  });
  return uscc;
}

/** What happened to an application, oldest first, from the audit log. */
