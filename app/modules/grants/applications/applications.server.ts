// Queries and writes for 公益创投 project applications on the organization's side:
// starting and saving the form, submitting, and the automatic checks.
import { listDocuments, saveWithDocuments } from "~/modules/attachments/document-set.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyAdmins, notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { PAGE_SIZE } from "~/utils/paging";
import { parseCallEligibility, type CallEligibility } from "../calls/settings";
import { isEditable, runAutoChecks, submissionBlock, type AutoChecks } from "../screening/screening";
import { GRANT_SUBJECT_TYPE, parseGrantData, type StoredApplication } from "./application-form";
import { type StoredValues } from "./application-schema";
import { grantApplicationWorkflow, grantStateLabel, stateOf } from "./application-workflow";
import { sumLines } from "./budget-checks";
import { grantDocuments, type GrantDocumentKey } from "./documents";
import { callRulesSelect, budgetRulesOf, eligibilityOf, loadEligibilityFacts, type Db } from "./eligibility.server";

const ENTITY_TYPE = GRANT_SUBJECT_TYPE;

/** Published calls taking applications now. */
export async function listOpenCalls(now = new Date()) {
  return prisma.grantCall.findMany({
    where: { status: "PUBLISHED", applyOpensAt: { lte: now }, applyClosesAt: { gte: now } },
    orderBy: { applyClosesAt: "asc" },
    select: { ...callRulesSelect, description: true, poolFen: true },
    take: 50,
  });
}

export async function listOrgGrantApplications(organizationId: string, page: number) {
  const where = { organizationId };
  const [applications, total] = await Promise.all([
    prisma.grantApplication.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        callId: true,
        title: true,
        category: true,
        status: true,
        requestedFen: true,
        submittedAt: true,
        correctionDueAt: true,
        updatedAt: true,
        call: { select: { title: true, applyClosesAt: true } },
      },
    }),
    prisma.grantApplication.count({ where }),
  ]);
  return { applications, total };
}

/** Opens (or returns the existing) application of an organization to a call, after checking eligibility. */
export async function startGrantApplication(input: {
  organizationId: string;
  userId: string;
  callId: string;
  request: Request;
}) {
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    const call = await tx.grantCall.findUnique({ where: { id: input.callId }, select: callRulesSelect });
    if (!call) throw new WorkflowError("未找到该公益创投活动", 400);
    const existing = await tx.grantApplication.findFirst({
      where: { callId: call.id, organizationId: input.organizationId },
      select: { id: true },
    });
    if (existing) return existing.id;
    const block = submissionBlock("DRAFT", call, null, now);
    if (block) throw new WorkflowError(block, 400);
    const eligibility = await eligibilityOf(tx, input.organizationId, call, now);
    if (!eligibility.eligible)
      throw new WorkflowError(`本机构暂不符合申报条件：${eligibility.reasons.join("；")}`, 403);
    const created = await tx.grantApplication.create({
      data: { callId: call.id, organizationId: input.organizationId, title: "", createdById: input.userId },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.userId,
      action: "grant_application.create",
      entityType: ENTITY_TYPE,
      entityId: created.id,
      toState: "DRAFT",
      reason: call.title,
      request: input.request,
    });
    return created.id;
  });
}

const applicationSelect = {
  id: true,
  callId: true,
  organizationId: true,
  status: true,
  title: true,
  category: true,
  data: true,
  projectStart: true,
  projectEnd: true,
  requestedFen: true,
  ownFundsFen: true,
  matchedFen: true,
  totalBudgetFen: true,
  correctionNotes: true,
  correctionDueAt: true,
  screeningNote: true,
  autoChecks: true,
  submittedAt: true,
  createdAt: true,
  updatedAt: true,
  call: { select: callRulesSelect },
  organization: { select: { id: true, name: true, uscc: true, contactName: true, contactPhone: true } },
  budgetLines: {
    orderBy: { position: "asc" },
    select: { category: true, description: true, requestedFen: true, ownFen: true, matchedFen: true },
  },
  milestones: { orderBy: { position: "asc" }, select: { title: true, description: true, dueDate: true } },
  indicators: { orderBy: { position: "asc" }, select: { kind: true, name: true, target: true } },
  /** the funded project once the shortlist is confirmed (its hub is linked from the application) */
  project: { select: { id: true } },
} as const satisfies Prisma.GrantApplicationSelect;

export type ApplicationRow = Prisma.GrantApplicationGetPayload<{ select: typeof applicationSelect }>;

export function toStoredApplication(row: ApplicationRow): StoredApplication {
  return {
    title: row.title,
    category: row.category,
    projectStart: row.projectStart,
    projectEnd: row.projectEnd,
    requestedFen: row.requestedFen,
    ownFen: row.ownFundsFen,
    matchedFen: row.matchedFen,
    data: parseGrantData(row.data),
    milestones: row.milestones,
    indicators: row.indicators,
    budgetLines: row.budgetLines,
  };
}

export async function getOrgGrantApplication(organizationId: string, id: string) {
  return prisma.grantApplication.findFirst({ where: { id, organizationId }, select: applicationSelect });
}

export async function getGrantApplication(id: string) {
  return prisma.grantApplication.findUnique({ where: { id }, select: applicationSelect });
}

export async function listGrantDocuments(applicationId: string) {
  return listDocuments(grantDocuments, applicationId, "asc");
}

export async function listGrantHistory(applicationId: string) {
  return prisma.auditEvent.findMany({
    where: { entityType: ENTITY_TYPE, entityId: applicationId },
    orderBy: { createdAt: "asc" },
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

/** Runs the automatic checks for applications (one query set for all of them). */
async function computeChecks(db: Db, ids: string[], now: Date) {
  const rows = await db.grantApplication.findMany({ where: { id: { in: ids } }, select: applicationSelect });
  const byCall = new Map<string, ApplicationRow[]>();
  for (const row of rows) byCall.set(row.callId, [...(byCall.get(row.callId) ?? []), row]);
  const result = new Map<string, AutoChecks>();
  for (const [callId, list] of byCall) {
    const call = list[0]!.call;
    const facts = await loadEligibilityFacts(
      db,
      list.map((r) => r.organizationId),
      callId,
      now,
    );
    const eligibilityRules: CallEligibility = parseCallEligibility(call.eligibility);
    for (const row of list) {
      const f = facts.get(row.organizationId);
      if (!f) continue;
      result.set(
        row.id,
        runAutoChecks({
          eligibilityRules,
          facts: f,
          budgetRules: budgetRulesOf(call),
          application: toStoredApplication(row),
          now,
        }),
      );
    }
  }
  return result;
}

/** 「重新检查」: recomputes and stores the checks of the given applications. */
export async function recheckApplications(ids: string[]) {
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    const checks = await computeChecks(tx, ids, now);
    for (const [id, value] of checks) {
      await tx.grantApplication.update({
        where: { id },
        data: { autoChecks: JSON.stringify(value) },
        select: { id: true },
      });
    }
    return checks.size;
  });
}

/**
 * Saves the form (rows replaced in the same transaction) and, when `submit`,
 * submits it: the deadline and eligibility are re-checked here, on the server.
 */
export async function saveGrantApplication(input: {
  organizationId: string;
  applicationId: string;
  actorId: string;
  values: StoredValues;
  files: Partial<Record<GrantDocumentKey, File>>;
  submit: boolean;
  request: Request;
}) {
  return saveWithDocuments({
    set: grantDocuments,
    subjectId: input.applicationId,
    organizationId: input.organizationId,
    actorId: input.actorId,
    request: input.request,
    files: input.files,
    saveDraft: (tx) => saveGrantDraft(tx, input),
    submit: input.submit ? (tx, draft) => submitGrantApplication(tx, input, draft) : null,
  });
}

type SaveInput = Parameters<typeof saveGrantApplication>[0];

async function saveGrantDraft(tx: Tx, input: SaveInput) {
  const v = input.values;
  const now = new Date();
  const app = await tx.grantApplication.findFirst({
    where: { id: input.applicationId, organizationId: input.organizationId },
    select: { status: true, correctionDueAt: true, submittedAt: true, call: { select: callRulesSelect } },
  });
  if (!app) throw new WorkflowError("未找到该申报", 400);
  const from = stateOf(app.status);
  if (!isEditable(from, app.correctionDueAt, now)) {
    throw new WorkflowError(
      from === "CORRECTION"
        ? `补正已截止（截止时间：${formatDateTime(app.correctionDueAt)}）`
        : `申报当前为「${grantStateLabel(from)}」，不能修改`,
    );
  }
  const sums = sumLines(v.budgetLines);
  const requestedFen = v.declared.requestedFen ?? sums.requestedFen;
  const ownFundsFen = v.declared.ownFen ?? sums.ownFen;
  const matchedFen = v.declared.matchedFen ?? sums.matchedFen;
  const saved = await tx.grantApplication.updateMany({
    where: { id: input.applicationId, status: from },
    data: {
      title: v.title,
      category: v.category,
      projectStart: v.projectStart,
      projectEnd: v.projectEnd,
      data: JSON.stringify(v.data),
      requestedFen,
      ownFundsFen,
      matchedFen,
      totalBudgetFen: requestedFen + ownFundsFen + matchedFen,
    },
  });
  if (saved.count !== 1) throw new WorkflowError("该申报的状态已被他人更新，请刷新后重试");
  const applicationId = input.applicationId;
  await tx.grantBudgetLine.deleteMany({ where: { applicationId } });
  await tx.grantMilestone.deleteMany({ where: { applicationId } });
  await tx.grantIndicator.deleteMany({ where: { applicationId } });
  if (v.budgetLines.length) {
    await tx.grantBudgetLine.createMany({
      data: v.budgetLines.map((l, position) => ({ ...l, applicationId, position })),
    });
  }
  const milestones = v.milestones.filter((m): m is typeof m & { dueDate: Date } => m.dueDate != null);
  if (milestones.length) {
    await tx.grantMilestone.createMany({
      data: milestones.map((m, position) => ({ ...m, applicationId, position })),
    });
  }
  if (v.indicators.length) {
    await tx.grantIndicator.createMany({
      data: v.indicators.map((i, position) => ({ ...i, applicationId, position })),
    });
  }
  return { from, call: app.call, correctionDueAt: app.correctionDueAt, now };
}

async function submitGrantApplication(tx: Tx, input: SaveInput, draft: Awaited<ReturnType<typeof saveGrantDraft>>) {
  const { from, call, correctionDueAt, now } = draft;
  const applicationId = input.applicationId;
  const title = input.values.title;
  const block = submissionBlock(from, call, correctionDueAt, now);
  if (block) throw new WorkflowError(block, 400);
  const eligibility = await eligibilityOf(tx, input.organizationId, call, now);
  if (!eligibility.eligible) throw new WorkflowError(`本机构暂不符合申报条件：${eligibility.reasons.join("；")}`, 403);
  await runTransition(tx, {
    workflow: grantApplicationWorkflow,
    entityType: ENTITY_TYPE,
    entityId: applicationId,
    from,
    to: "SUBMITTED",
    actor: { id: input.actorId, role: "ORG_MEMBER" },
    request: input.request,
    apply: async () =>
      (
        await tx.grantApplication.updateMany({
          where: { id: applicationId, status: from },
          data: { status: "SUBMITTED", submittedAt: now },
        })
      ).count,
  });
  const checks = (await computeChecks(tx, [applicationId], now)).get(applicationId);
  if (checks)
    await tx.grantApplication.update({
      where: { id: applicationId },
      data: { autoChecks: JSON.stringify(checks) },
      select: { id: true },
    });
  const again = from === "CORRECTION";
  await notifyAdmins(tx, {
    title: again ? `公益创投申报补正后重新提交：${title}` : `新的公益创投申报：${title}`,
    body: `${call.title}`,
    link: `/admin/grants/applications/${applicationId}`,
  });
  await notifyOrganization(tx, input.organizationId, {
    title: `公益创投项目已提交：${title}`,
    body: `${call.title}，区民政局将进行资格审查。`,
    link: `/org/grants/${applicationId}`,
  });
}
