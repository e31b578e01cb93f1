// Incubation base: queries and writes. Every state change goes through
// runTransition inside a transaction, with the audit event and the
// organization's notification in the same transaction.
import { recordAudit } from "~/modules/audit/audit.server";
import { getRules } from "~/modules/config/rules.server";
import { notifyAdmins, notifyOrganization } from "~/modules/notifications/notifications.server";
import { PUBLIC_ORG_STATUSES } from "~/modules/organizations/directory.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { formatDate, formatFen } from "~/utils/format";
import { PAGE_SIZE } from "~/utils/paging";
import { fail, type WriteResult } from "~/utils/write-result";
import { checkIncubationEligibility, inspectionLookbackFromYear, type EligibilityResult } from "./eligibility";
import {
  incubationStatusLabel,
  INCUBATION_NEEDS,
  needLabel,
  OPEN_INCUBATION_STATES,
  parseNeeds,
  PUBLIC_INCUBATION_STATES,
  type ExitResult,
  type IncubationNeed,
} from "./labels";
import { defaultTermEnd, firstCheckDueAt, handoverDueAt } from "./schedule";
import { incubationWorkflow, INCUBATION_STATES, type IncubationState } from "./workflow";

type Db = Tx | typeof prisma;

const ENTITY_TYPE = "IncubationApplication";

export type StaffActor = { id: string };

// ───────────────────────── Eligibility ─────────────────────────

/**
 * Gathers what the exclusion rules need in four queries (no per-row queries)
 * and checks them. `excludeIncubationId` leaves one application out of the
 * "already open" check, for staff looking at that very application.
 */
export async function getIncubationEligibility(
  organizationId: string,
  {
    today = new Date(),
    db = prisma,
    excludeIncubationId,
  }: { today?: Date; db?: Db; excludeIncubationId?: string } = {},
): Promise<EligibilityResult> {
  const rules = await getRules(today, db);
  const fromYear = inspectionLookbackFromYear(today, rules["incubation.exclusionLookbackYears"]);
  // One query per kind of record, one after the other so the same code runs on a transaction client.
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { status: true },
  });
  const inspections = await db.inspectionReport.findMany({
    where: { organizationId, year: { gte: fromYear } },
    select: { year: true, status: true, conclusion: true },
  });
  const creditRecords = await db.creditRecord.findMany({
    where: { organizationId, kind: { in: ["ADMIN_PENALTY", "FALSE_MATERIALS"] } },
    select: { kind: true, decidedAt: true, description: true },
  });
  const openIncubations = await db.incubationApplication.findMany({
    where: {
      organizationId,
      status: { in: [...OPEN_INCUBATION_STATES] },
      ...(excludeIncubationId ? { id: { not: excludeIncubationId } } : {}),
    },
    select: { status: true },
  });
  return checkIncubationEligibility({
    organizationStatus: organization.status,
    inspections,
    creditRecords,
    openIncubations,
    rules,
    today,
  });
}

// ───────────────────────── Organization side ─────────────────────────

const historySelect = {
  id: true,
  status: true,
  plan: true,
  needs: true,
  appliedAt: true,
  firstCheckDueAt: true,
  firstCheckAt: true,
  firstCheckNote: true,
  reviewAt: true,
  reviewNote: true,
  agreementNo: true,
  termStart: true,
  termEnd: true,
  exitResult: true,
  exitAt: true,
  exitNote: true,
  handoverDueAt: true,
  services: {
    orderBy: [{ providedAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, kind: true, description: true, providedAt: true, amountFen: true },
  },
} satisfies Prisma.IncubationApplicationSelect;

/** An organization's own applications, newest first, each with the services it received. */
export async function listOrgIncubations(organizationId: string, page: number) {
  const where = { organizationId };
  const [total, rows] = await Promise.all([
    prisma.incubationApplication.count({ where }),
    prisma.incubationApplication.findMany({
      where,
      orderBy: [{ appliedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: historySelect,
    }),
  ]);
  return {
    total,
    incubations: rows.map((row) => ({
      ...row,
      needs: parseNeeds(row.needs),
      seedFundingFen: sumSeedFunding(row.services),
    })),
  };
}

function sumSeedFunding(services: ReadonlyArray<{ kind: string; amountFen: number | null }>) {
  return services.reduce((sum, s) => sum + (s.kind === "SEED_FUNDING" ? (s.amountFen ?? 0) : 0), 0);
}

export type ApplyResult = { ok: true; id: string } | { ok: false; reasons: string[] };

/**
 * An organization applies to enter the base. The exclusion rules are checked
 * again here, inside the transaction, whatever the page showed.
 */
export async function applyForIncubation(input: {
  organizationId: string;
  actorId: string;
  plan: string;
  needs: IncubationNeed[];
  request?: Request;
  now?: Date;
}): Promise<ApplyResult> {
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const eligibility = await getIncubationEligibility(input.organizationId, { today: now, db: tx });
    if (!eligibility.eligible) return { ok: false, reasons: eligibility.reasons };
    const rules = await getRules(now, tx);
    const needs = INCUBATION_NEEDS.filter((n) => input.needs.includes(n));
    const dueAt = firstCheckDueAt(now, rules);
    const created = await tx.incubationApplication.create({
      data: {
        organizationId: input.organizationId,
        status: "APPLIED",
        plan: input.plan,
        needs: JSON.stringify(needs),
        appliedAt: now,
        firstCheckDueAt: dueAt,
        createdById: input.actorId,
      },
      select: { id: true, organization: { select: { name: true } } },
    });
    // Two submissions at once both pass the check above; SQLite serializes the
    // writes, so the later one sees both rows here and rolls back.
    const open = await tx.incubationApplication.count({
      where: { organizationId: input.organizationId, status: { in: [...OPEN_INCUBATION_STATES] } },
    });
    if (open > 1) throw new WorkflowError("本机构已有一份入驻申请正在办理中，请勿重复提交");
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "incubation.apply",
      entityType: ENTITY_TYPE,
      entityId: created.id,
      toState: "APPLIED",
      reason: `需要的支持：${needs.map(needLabel).join("、")}`,
      request: input.request,
    });
    await notifyAdmins(tx, {
      title: `新的孵化基地入驻申请：${created.organization.name}`,
      body: `请于 ${formatDate(dueAt)} 前完成初审。`,
      link: `/admin/incubation/${created.id}`,
    });
    return { ok: true, id: created.id };
  });
}

// ───────────────────────── Staff: list and detail ─────────────────────────

export type IncubationStatusFilter = IncubationState | "ALL";

export function parseStatusFilter(value: string | null): IncubationStatusFilter {
  if (value === "ALL") return "ALL";
  return value && incubationWorkflow.isState(value) ? value : "APPLIED";
}

/** Applications for staff, by status, newest first (index: status, appliedAt). */
export async function listIncubations(filter: IncubationStatusFilter, page: number) {
  const where: Prisma.IncubationApplicationWhereInput = {
    status: filter === "ALL" ? { in: [...INCUBATION_STATES] } : filter,
  };
  const [total, rows, grouped] = await Promise.all([
    prisma.incubationApplication.count({ where }),
    prisma.incubationApplication.findMany({
      where,
      orderBy: [{ appliedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        status: true,
        appliedAt: true,
        firstCheckDueAt: true,
        termStart: true,
        termEnd: true,
        organization: { select: { id: true, name: true, status: true } },
      },
    }),
    prisma.incubationApplication.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(INCUBATION_STATES.map((s) => [s, 0])) as Record<IncubationState, number>;
  for (const g of grouped) if (incubationWorkflow.isState(g.status)) counts[g.status] = g._count._all;
  return { total, rows, counts };
}

/** One application for staff: the record, its organization and a page of services with totals. */
export async function getIncubationDetail(id: string, servicePage = 1) {
  const incubation = await prisma.incubationApplication.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      plan: true,
      needs: true,
      appliedAt: true,
      firstCheckDueAt: true,
      firstCheckAt: true,
      firstCheckNote: true,
      reviewAt: true,
      reviewNote: true,
      agreementNo: true,
      termStart: true,
      termEnd: true,
      exitResult: true,
      exitAt: true,
      exitNote: true,
      handoverDueAt: true,
      organization: {
        select: { id: true, name: true, type: true, status: true, uscc: true, contactName: true, contactPhone: true },
      },
    },
  });
  if (!incubation) return null;
  const [services, serviceTotal, totals] = await Promise.all([
    prisma.incubationService.findMany({
      where: { incubationId: id },
      orderBy: [{ providedAt: "desc" }, { createdAt: "desc" }],
      skip: (servicePage - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, kind: true, description: true, providedAt: true, amountFen: true },
    }),
    prisma.incubationService.count({ where: { incubationId: id } }),
    prisma.incubationService.groupBy({
      by: ["kind"],
      where: { incubationId: id },
      _count: { _all: true },
      _sum: { amountFen: true },
    }),
  ]);
  const byKind = INCUBATION_NEEDS.map((kind) => {
    const row = totals.find((t) => t.kind === kind);
    return { kind, count: row?._count._all ?? 0, amountFen: row?._sum.amountFen ?? 0 };
  });
  return {
    incubation: { ...incubation, needs: parseNeeds(incubation.needs) },
    services,
    serviceTotal,
    byKind,
    seedFundingFen: byKind.find((k) => k.kind === "SEED_FUNDING")?.amountFen ?? 0,
  };
}

// ───────────────────────── Staff: transitions ─────────────────────────

async function loadForChange(tx: Tx, id: string) {
  const row = await tx.incubationApplication.findUnique({
    where: { id },
    select: { id: true, status: true, organizationId: true, termStart: true, termEnd: true },
  });
  if (!row) throw new WorkflowError("未找到该入驻申请", 400);
  return row;
}

const orgLink = "/org/incubation";

/**
 * Moves one application through the incubation table: the update is guarded
 * by the state it is leaving, and runTransition writes the audit event.
 */
function moveIncubation(
  tx: Tx,
  input: {
    id: string;
    from: IncubationState;
    to: IncubationState;
    actorId: string;
    reason: string | null;
    request?: Request;
    data: Prisma.IncubationApplicationUpdateManyMutationInput;
  },
) {
  return runTransition(tx, {
    workflow: incubationWorkflow,
    entityType: ENTITY_TYPE,
    entityId: input.id,
    from: input.from,
    to: input.to,
    actor: { id: input.actorId, role: "ADMIN" },
    reason: input.reason,
    request: input.request,
    apply: () =>
      tx.incubationApplication
        .updateMany({ where: { id: input.id, status: input.from }, data: { ...input.data, status: input.to } })
        .then((r) => r.count),
  });
}

/** 初审: APPLIED → FIRST_CHECK_PASSED, or REJECTED with a reason. */
export async function recordFirstCheck(input: {
  id: string;
  actor: StaffActor;
  pass: boolean;
  note?: string | null;
  request?: Request;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const note = input.note?.trim() || null;
  const to: IncubationState = input.pass ? "FIRST_CHECK_PASSED" : "REJECTED";
  await prisma.$transaction(async (tx) => {
    const row = await loadForChange(tx, input.id);
    await moveIncubation(tx, {
      id: row.id,
      from: "APPLIED",
      to,
      actorId: input.actor.id,
      reason: note,
      request: input.request,
      data: { firstCheckAt: now, firstCheckNote: note },
    });
    await notifyOrganization(tx, row.organizationId, {
      title: input.pass ? "孵化基地入驻申请已通过初审" : "孵化基地入驻申请未通过初审",
      body: input.pass ? `您的入驻申请已通过初审，下一步为评审。${note ? `初审意见：${note}` : ""}` : `理由：${note}`,
      link: orgLink,
    });
  });
}

/** 评审: FIRST_CHECK_PASSED → ADMITTED, or REJECTED with a reason. */
export async function recordReview(input: {
  id: string;
  actor: StaffActor;
  pass: boolean;
  note?: string | null;
  request?: Request;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const note = input.note?.trim() || null;
  const to: IncubationState = input.pass ? "ADMITTED" : "REJECTED";
  await prisma.$transaction(async (tx) => {
    const row = await loadForChange(tx, input.id);
    await moveIncubation(tx, {
      id: row.id,
      from: "FIRST_CHECK_PASSED",
      to,
      actorId: input.actor.id,
      reason: note,
      request: input.request,
      data: { reviewAt: now, reviewNote: note },
    });
    await notifyOrganization(tx, row.organizationId, {
      title: input.pass ? "孵化基地入驻申请已通过评审" : "孵化基地入驻申请未通过评审",
      body: input.pass ? `请与区民政局联系签订入驻协议。${note ? `评审意见：${note}` : ""}` : `理由：${note}`,
      link: orgLink,
    });
  });
}

/** 签订入驻协议: ADMITTED → IN_RESIDENCE with the agreement number and term. */
export async function signAgreement(input: {
  id: string;
  actor: StaffActor;
  agreementNo: string;
  termStart: Date;
  /** Defaults to termStart + rule incubation.termMonths. */
  termEnd?: Date | null;
  request?: Request;
}): Promise<WriteResult> {
  return prisma.$transaction(async (tx) => {
    const row = await loadForChange(tx, input.id);
    const rules = await getRules(input.termStart, tx);
    const termEnd = input.termEnd ?? defaultTermEnd(input.termStart, rules);
    if (termEnd.getTime() <= input.termStart.getTime()) {
      return fail("结束日期须晚于开始日期", { field: "termEnd" });
    }
    const agreementNo = input.agreementNo.trim();
    await moveIncubation(tx, {
      id: row.id,
      from: "ADMITTED",
      to: "IN_RESIDENCE",
      actorId: input.actor.id,
      reason: `入驻协议 ${agreementNo}，孵化期 ${formatDate(input.termStart)} 至 ${formatDate(termEnd)}`,
      request: input.request,
      data: { agreementNo, termStart: input.termStart, termEnd },
    });
    await notifyOrganization(tx, row.organizationId, {
      title: "已签订孵化基地入驻协议",
      body: `协议编号 ${agreementNo}，孵化期 ${formatDate(input.termStart)} 至 ${formatDate(termEnd)}。`,
      link: orgLink,
    });
    return { ok: true };
  });
}

/** Records one service given during the term (not a state change, but audited). */
export async function recordService(input: {
  id: string;
  actor: StaffActor;
  kind: IncubationNeed;
  description: string;
  providedAt: Date;
  amountFen: number | null;
  request?: Request;
}): Promise<WriteResult> {
  return prisma.$transaction(async (tx) => {
    const row = await loadForChange(tx, input.id);
    if (row.status !== "IN_RESIDENCE") {
      throw new WorkflowError(`当前状态「${incubationStatusLabel(row.status)}」不能记录孵化服务`);
    }
    if (row.termStart && input.providedAt.getTime() < row.termStart.getTime()) {
      return fail(`服务日期不能早于孵化期开始日（${formatDate(row.termStart)}）`, { field: "providedAt" });
    }
    const amountFen = input.kind === "SEED_FUNDING" ? input.amountFen : null;
    if (input.kind === "SEED_FUNDING" && (amountFen == null || amountFen <= 0)) {
      return fail("请填写种子资金金额", { field: "amount" });
    }
    const description = input.description.trim();
    await tx.incubationService.create({
      data: {
        incubationId: row.id,
        kind: input.kind,
        description,
        providedAt: input.providedAt,
        amountFen,
        recordedById: input.actor.id,
      },
      select: { id: true },
    });
    const summary = `${needLabel(input.kind)}：${description}${amountFen != null ? `（${formatFen(amountFen)}）` : ""}`;
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: "incubation.service",
      entityType: ENTITY_TYPE,
      entityId: row.id,
      reason: `${formatDate(input.providedAt)} ${summary}`,
      request: input.request,
    });
    await notifyOrganization(tx, row.organizationId, {
      title: `孵化基地服务已记录：${needLabel(input.kind)}`,
      body: `${formatDate(input.providedAt)} ${summary}`,
      link: orgLink,
    });
    return { ok: true };
  });
}

/**
 * 期满评审: 出壳 (GRADUATED), 续驻 (stays IN_RESIDENCE with a new term end,
 * the table's self-transition) or 退驻 (EXITED, with the hand-back deadline).
 */
export async function recordExitReview(input: {
  id: string;
  actor: StaffActor;
  result: ExitResult;
  note: string;
  newTermEnd?: Date | null;
  request?: Request;
  now?: Date;
}): Promise<WriteResult> {
  const now = input.now ?? new Date();
  const note = input.note.trim();
  return prisma.$transaction(async (tx) => {
    const row = await loadForChange(tx, input.id);
    const common = { id: row.id, from: "IN_RESIDENCE" as const, actorId: input.actor.id, request: input.request };

    if (input.result === "EXTENDED") {
      const newEnd = input.newTermEnd;
      if (!newEnd) return fail("续驻须填写新的孵化期结束日期", { field: "newTermEnd" });
      if (row.termEnd && newEnd.getTime() <= row.termEnd.getTime()) {
        return fail(`新的结束日期须晚于当前孵化期结束日（${formatDate(row.termEnd)}）`, { field: "newTermEnd" });
      }
      await moveIncubation(tx, {
        ...common,
        to: "IN_RESIDENCE",
        reason: `${note}（孵化期延长至 ${formatDate(newEnd)}）`,
        data: { exitResult: "EXTENDED", exitNote: note, termEnd: newEnd },
      });
      await notifyOrganization(tx, row.organizationId, {
        title: "孵化基地期满评审结果：续驻",
        body: `孵化期延长至 ${formatDate(newEnd)}。评审意见：${note}`,
        link: orgLink,
      });
      return { ok: true };
    }

    if (input.result === "GRADUATED") {
      await moveIncubation(tx, {
        ...common,
        to: "GRADUATED",
        reason: note,
        data: { exitResult: "GRADUATED", exitAt: now, exitNote: note },
      });
      await notifyOrganization(tx, row.organizationId, {
        title: "孵化基地期满评审结果：出壳",
        body: `祝贺！贵机构已从孵化基地出壳。评审意见：${note}`,
        link: orgLink,
      });
      return { ok: true };
    }

    const rules = await getRules(now, tx);
    const handover = handoverDueAt(now, rules);
    await moveIncubation(tx, {
      ...common,
      to: "EXITED",
      reason: `${note}（须于 ${formatDate(handover)} 前交还场地）`,
      data: { exitResult: "EXITED", exitAt: now, exitNote: note, handoverDueAt: handover },
    });
    await notifyOrganization(tx, row.organizationId, {
      title: "孵化基地期满评审结果：退驻",
      body: `评审意见：${note}。请于 ${formatDate(handover)} 前交还场地。`,
      link: orgLink,
    });
    return { ok: true };
  });
}

// ───────────────────────── Public ─────────────────────────

const publicOrgWhere = { status: { in: [...PUBLIC_ORG_STATUSES] } } satisfies Prisma.OrganizationWhereInput;

/**
 * The public incubation page: organizations in residence (with their term)
 * and those that graduated (with the exit date). Only organizations whose
 * registration is public are named; groups still preparing are only counted.
 */
export async function listPublicIncubations({
  residentPage,
  graduatedPage,
}: {
  residentPage: number;
  graduatedPage: number;
}) {
  const select = {
    id: true,
    termStart: true,
    termEnd: true,
    exitAt: true,
    organization: { select: { id: true, name: true, type: true } },
  } satisfies Prisma.IncubationApplicationSelect;
  const residentWhere = {
    status: "IN_RESIDENCE",
    organization: publicOrgWhere,
  } satisfies Prisma.IncubationApplicationWhereInput;
  const graduatedWhere = {
    status: "GRADUATED",
    organization: publicOrgWhere,
  } satisfies Prisma.IncubationApplicationWhereInput;
  const [residentTotal, residents, graduatedTotal, graduated, preparingInResidence] = await Promise.all([
    prisma.incubationApplication.count({ where: residentWhere }),
    prisma.incubationApplication.findMany({
      where: residentWhere,
      orderBy: [{ appliedAt: "desc" }, { id: "desc" }],
      skip: (residentPage - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select,
    }),
    prisma.incubationApplication.count({ where: graduatedWhere }),
    prisma.incubationApplication.findMany({
      where: graduatedWhere,
      orderBy: [{ appliedAt: "desc" }, { id: "desc" }],
      skip: (graduatedPage - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select,
    }),
    prisma.incubationApplication.count({ where: { status: "IN_RESIDENCE", organization: { status: "PREPARING" } } }),
  ]);
  return { residentTotal, residents, graduatedTotal, graduated, preparingInResidence };
}

/**
 * One organization's public incubation history, for its directory page:
 * its stays in the base (in residence or graduated), newest first. Nothing
 * for organizations that are not public. Applications, rejections and 退驻
 * are not published.
 */
export async function listPublicIncubationHistory(organizationId: string) {
  const rows = await prisma.incubationApplication.findMany({
    where: {
      organizationId,
      status: { in: [...PUBLIC_INCUBATION_STATES] },
      organization: publicOrgWhere,
    },
    orderBy: [{ appliedAt: "desc" }, { id: "desc" }],
    select: { id: true, status: true, termStart: true, termEnd: true, exitAt: true },
  });
  return rows.map((row) => ({ ...row, statusLabel: incubationStatusLabel(row.status) }));
}
