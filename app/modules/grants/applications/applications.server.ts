// Queries and writes for 公益创投 project applications: starting and saving the
// form, submitting, the automatic checks, and staff screening.
import { listDocuments, saveWithDocuments } from "~/modules/attachments/document-set.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyAdmins, notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { PAGE_SIZE } from "~/utils/paging";
import { checkEligibility, lastInspectionYear, type EligibilityFacts } from "../calls/eligibility";
import { parseCallEligibility, parseCategories, type CallEligibility } from "../calls/settings";
import {
  isEditable,
  runAutoChecks,
  submissionBlock,
  type AutoChecks,
  type ScreeningAction,
} from "../screening/screening";
import { GRANT_SUBJECT_TYPE, parseGrantData, type StoredApplication, type StoredValues } from "./application-form";
import { grantApplicationWorkflow, type GrantApplicationState } from "./application-workflow";
import { sumLines } from "./budget-checks";
import { grantDocuments, type GrantDocumentKey } from "./documents";

const ENTITY_TYPE = GRANT_SUBJECT_TYPE;
type Db = Tx | typeof prisma;

export const callRulesSelect = {
  id: true,
  title: true,
  year: true,
  status: true,
  categories: true,
  perProjectCapFen: true,
  maxGrantSharePct: true,
  minMatchRatioPct: true,
  overheadCapPct: true,
  applyOpensAt: true,
  applyClosesAt: true,
  eligibility: true,
} as const satisfies Prisma.GrantCallSelect;

type CallRow = Prisma.GrantCallGetPayload<{ select: typeof callRulesSelect }>;

export function budgetRulesOf(call: CallRow) {
  return {
    perProjectCapFen: call.perProjectCapFen,
    maxGrantSharePct: call.maxGrantSharePct,
    minMatchRatioPct: call.minMatchRatioPct,
    overheadCapPct: call.overheadCapPct,
  };
}

export function callRulesOf(call: CallRow) {
  return { ...budgetRulesOf(call), categories: parseCategories(call.categories) };
}

function stateOf(status: string): GrantApplicationState {
  if (!grantApplicationWorkflow.isState(status)) throw new Error(`Unknown grant application state ${status}`);
  return status;
}

export function grantStateLabel(status: string) {
  return grantApplicationWorkflow.stateLabels[status as GrantApplicationState] ?? status;
}

// ───────────────────────── Eligibility ─────────────────────────

/** The facts the eligibility rules look at, for several organizations at once (no query per organization). */
export async function loadEligibilityFacts(db: Db, organizationIds: string[], excludeCallId: string | null, now: Date) {
  const ids = [...new Set(organizationIds)];
  const year = lastInspectionYear(now);
  const [orgs, inspections, credits, projects, incubations] = await Promise.all([
    db.organization.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, currentGrade: true } }),
    db.inspectionReport.findMany({
      where: { organizationId: { in: ids }, year },
      select: { organizationId: true, year: true, status: true, conclusion: true },
    }),
    db.creditRecord.findMany({
      where: { organizationId: { in: ids }, kind: "ABNORMAL_LIST" },
      select: { organizationId: true, kind: true, decidedAt: true, endedAt: true },
    }),
    db.grantApplication.findMany({
      where: {
        organizationId: { in: ids },
        ...(excludeCallId ? { callId: { not: excludeCallId } } : {}),
        OR: [{ status: "TERMINATED" }, { evaluations: { some: { kind: "FINAL", status: "FAILED" } } }],
      },
      select: {
        organizationId: true,
        title: true,
        status: true,
        updatedAt: true,
        evaluations: {
          where: { kind: "FINAL" },
          select: { kind: true, status: true, decidedAt: true, createdAt: true },
        },
      },
    }),
    db.incubationApplication.findMany({
      where: { organizationId: { in: ids }, status: { in: ["IN_RESIDENCE", "GRADUATED"] } },
      select: { organizationId: true, status: true },
    }),
  ]);
  const facts = new Map<string, EligibilityFacts>();
  for (const org of orgs) {
    facts.set(org.id, {
      organization: { status: org.status, currentGrade: org.currentGrade },
      inspections: inspections.filter((r) => r.organizationId === org.id),
      credits: credits.filter((c) => c.organizationId === org.id),
      earlierProjects: projects.filter((p) => p.organizationId === org.id),
      incubations: incubations.filter((i) => i.organizationId === org.id),
    });
  }
  return facts;
}

export async function eligibilityOf(
  db: Db,
  organizationId: string,
  call: { id: string; eligibility: string },
  now = new Date(),
) {
  const facts = (await loadEligibilityFacts(db, [organizationId], call.id, now)).get(organizationId);
  if (!facts) return { eligible: false, reasons: ["未找到本机构"] };
  return checkEligibility(parseCallEligibility(call.eligibility), facts, now);
}

// ───────────────────────── Organization side ─────────────────────────

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

// ───────────────────────── Staff side ─────────────────────────

/**
 * 通过 / 退回补正 / 不通过 for one or many applications, each through the
 * workflow, all in one transaction. Applications not in a state that allows the
 * step are skipped and reported.
 */
export async function screenApplications(input: {
  ids: string[];
  to: ScreeningAction;
  reason: string | null;
  correctionDueAt: Date | null;
  actorId: string;
  request: Request;
  /** only applications of this call (the list page) */
  callId?: string;
}) {
  const ids = [...new Set(input.ids)];
  return prisma.$transaction(async (tx) => {
    const rows = await tx.grantApplication.findMany({
      where: { id: { in: ids }, status: { not: "DRAFT" }, ...(input.callId ? { callId: input.callId } : {}) },
      select: { id: true, title: true, status: true, organizationId: true, call: { select: { title: true } } },
    });
    const done: string[] = [];
    const skipped: Array<{ id: string; title: string; why: string }> = [];
    for (const id of ids) {
      const row = rows.find((r) => r.id === id);
      if (!row) {
        skipped.push({ id, title: "（未找到）", why: "未找到该申报" });
        continue;
      }
      const from = stateOf(row.status);
      const rule = grantApplicationWorkflow.find(from, input.to);
      if (!rule) {
        skipped.push({ id, title: row.title, why: `当前状态为「${grantStateLabel(from)}」` });
        continue;
      }
      const reason = input.reason?.trim() || null;
      const data =
        input.to === "CORRECTION"
          ? { status: input.to, correctionNotes: reason, correctionDueAt: input.correctionDueAt }
          : { status: input.to, screeningNote: reason };
      await runTransition(tx, {
        workflow: grantApplicationWorkflow,
        entityType: ENTITY_TYPE,
        entityId: id,
        from,
        to: input.to,
        actor: { id: input.actorId, role: "ADMIN" },
        reason,
        request: input.request,
        apply: async () => (await tx.grantApplication.updateMany({ where: { id, status: from }, data })).count,
      });
      const title =
        input.to === "SCREEN_PASSED"
          ? `公益创投项目通过资格审查：${row.title}`
          : input.to === "CORRECTION"
            ? `公益创投项目需补正：${row.title}`
            : `公益创投项目未通过资格审查：${row.title}`;
      const body =
        input.to === "CORRECTION"
          ? `请在 ${formatDate(input.correctionDueAt)} 前补正后重新提交。补正要求：${reason ?? ""}`
          : input.to === "SCREEN_FAILED"
            ? `原因：${reason ?? ""}`
            : `${row.call.title}，项目将进入专家评审。`;
      await notifyOrganization(tx, row.organizationId, { title, body, link: `/org/grants/${id}` });
      done.push(id);
    }
    return { done, skipped };
  });
}

export function parseStatusFilter(value: string | null): GrantApplicationState | null {
  return value && value !== "DRAFT" && grantApplicationWorkflow.isState(value) ? value : null;
}

export async function listCallApplications(
  callId: string,
  filter: { status: GrantApplicationState | null; category: string | null },
  page: number,
) {
  const where: Prisma.GrantApplicationWhereInput = {
    callId,
    status: filter.status ?? { not: "DRAFT" },
    ...(filter.category ? { category: filter.category } : {}),
  };
  const [applications, total] = await Promise.all([
    prisma.grantApplication.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        title: true,
        category: true,
        status: true,
        requestedFen: true,
        submittedAt: true,
        correctionDueAt: true,
        autoChecks: true,
        organization: { select: { name: true } },
      },
    }),
    prisma.grantApplication.count({ where }),
  ]);
  return { applications, total };
}

/** Counts per status and per category (submitted applications; drafts counted apart). */
export async function callOverview(callId: string) {
  const [byStatus, byCategory] = await Promise.all([
    prisma.grantApplication.groupBy({ by: ["status"], where: { callId }, _count: { _all: true } }),
    prisma.grantApplication.groupBy({
      by: ["category"],
      where: { callId, status: { not: "DRAFT" } },
      _count: { _all: true },
    }),
  ]);
  return {
    byStatus: byStatus.map((s) => ({ status: s.status, label: grantStateLabel(s.status), count: s._count._all })),
    byCategory: byCategory.map((c) => ({ category: c.category ?? "未填写", count: c._count._all })),
  };
}

export async function getCall(callId: string) {
  return prisma.grantCall.findUnique({ where: { id: callId }, select: { ...callRulesSelect, screeningEndsAt: true } });
}

/** Every non-draft application of a call, for the Excel export. */
export async function listApplicationsForExport(callId: string) {
  return prisma.grantApplication.findMany({
    where: { callId, status: { not: "DRAFT" } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      category: true,
      status: true,
      requestedFen: true,
      totalBudgetFen: true,
      submittedAt: true,
      autoChecks: true,
      screeningNote: true,
      correctionNotes: true,
      organization: { select: { name: true, uscc: true } },
    },
  });
}
