// Staff management of registered organizations: the list, the detail page and
// the registered events (变更, 注销, 撤销), credit records and rating grades.
// Every write runs in one transaction with its audit event and notification.
import { recordAudit } from "~/modules/audit/audit.server";
import { creditTriggerReason } from "~/modules/directory/removal";
import { removeFromDirectory } from "~/modules/directory/removal.server";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { diffRegisteredFields, registeredFieldLabel, type RegisteredValues } from "./changes";
import { creditKindLabel, type CreditKind } from "./credit";
import { gradeLabel, gradeValidity, type Grade } from "./grade";
import { recomputeCurrentGrade } from "./grade.server";
import { organizationStatusWorkflow, STATUS_CHANGE_KINDS, type StatusTarget } from "./status-workflow";

export type StaffContext = { actorId: string; request?: Request };

export async function getAdminOrganization(id: string) {
  return prisma.organization.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      type: true,
      uscc: true,
      address: true,
      areaCode: true,
      area: true,
      purpose: true,
      scope: true,
      legalRepresentative: true,
      capitalFen: true,
      category: true,
      supervisingUnit: true,
      status: true,
      registeredAt: true,
      contactName: true,
      contactPhone: true,
      contactEmail: true,
      currentGrade: true,
      createdAt: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true, status: true } } },
      },
      changes: {
        orderBy: [{ effectiveAt: "desc" }, { createdAt: "desc" }],
        select: {
          id: true,
          kind: true,
          field: true,
          oldValue: true,
          newValue: true,
          reason: true,
          effectiveAt: true,
          createdAt: true,
        },
      },
      creditRecords: {
        orderBy: { decidedAt: "desc" },
        select: { id: true, kind: true, description: true, authority: true, decidedAt: true, endedAt: true },
      },
      grades: {
        orderBy: { announcedAt: "desc" },
        select: { id: true, grade: true, announcedAt: true, validFrom: true, validTo: true, note: true },
      },
    },
  });
}

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error != null && "code" in error && (error as { code: unknown }).code === "P2002";
}

/**
 * 变更: writes the changed registered fields, one OrganizationChange row per
 * field, an audit event and a notice to the members. Nothing changed → an error
 * the form shows; a name already used by another organization → a field error.
 */
export async function recordChange(
  input: { organizationId: string; values: RegisteredValues; effectiveAt: Date; reason: string },
  ctx: StaffContext,
): Promise<WriteResult<{ changed: number }>> {
  try {
    return await prisma.$transaction(async (tx) => {
      const org = await tx.organization.findUnique({
        where: { id: input.organizationId },
        select: {
          id: true,
          status: true,
          name: true,
          address: true,
          purpose: true,
          scope: true,
          area: true,
          legalRepresentative: true,
          capitalFen: true,
          supervisingUnit: true,
        },
      });
      if (!org) return fail("未找到该社会组织");
      if (org.status !== "REGISTERED") return fail("只有登记状态为“正常”的社会组织可以办理变更");
      const changes = diffRegisteredFields(org, input.values);
      if (changes.length === 0) return fail("没有修改任何登记事项");
      if (changes.some((c) => c.field === "name")) {
        const clash = await tx.organization.findFirst({
          where: { name: input.values.name.trim(), id: { not: org.id } },
          select: { id: true },
        });
        if (clash) return fail("已有其他社会组织使用该名称", { field: "name" });
      }
      const data: Prisma.OrganizationUpdateInput = {};
      for (const c of changes) {
        if (c.field === "capitalFen") data.capitalFen = c.newValue == null ? null : BigInt(c.newValue);
        else if (c.field === "name") data.name = c.newValue ?? org.name;
        else data[c.field] = c.newValue;
      }
      await tx.organization.update({ where: { id: org.id }, data, select: { id: true } });
      await tx.organizationChange.createMany({
        data: changes.map((c) => ({
          organizationId: org.id,
          kind: "CHANGE",
          field: c.field,
          oldValue: c.oldValue,
          newValue: c.newValue,
          reason: input.reason,
          effectiveAt: input.effectiveAt,
          recordedById: ctx.actorId,
        })),
      });
      const fields = changes.map((c) => registeredFieldLabel(c.field)).join("、");
      await recordAudit(tx, {
        actorId: ctx.actorId,
        action: "organization.change",
        entityType: "Organization",
        entityId: org.id,
        reason: `${fields}：${input.reason}`,
        request: ctx.request,
      });
      await notifyOrganization(tx, org.id, {
        title: "登记事项已变更",
        body: `区民政局已办理${input.values.name.trim()}的变更登记（${fields}），变更日期 ${formatDate(input.effectiveAt)}。`,
        link: `/orgs/${org.id}`,
      });
      return succeed({ changed: changes.length });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("已有其他社会组织使用该名称", { field: "name" });
    throw error;
  }
}

/** 注销 or 撤销 through the status workflow, with the OrganizationChange row and a notice. */
export async function changeOrganizationStatus(
  input: { organizationId: string; to: StatusTarget; reason: string; effectiveAt: Date },
  ctx: StaffContext,
): Promise<WriteResult> {
  try {
    return await prisma.$transaction(async (tx) => {
      const org = await tx.organization.findUnique({
        where: { id: input.organizationId },
        select: { id: true, name: true, status: true },
      });
      if (!org) return fail("未找到该社会组织");
      if (!organizationStatusWorkflow.isState(org.status)) {
        return fail(`未知的登记状态：${org.status}`);
      }
      const from = org.status;
      const rule = await runTransition(tx, {
        workflow: organizationStatusWorkflow,
        entityType: "Organization",
        entityId: org.id,
        from,
        to: input.to,
        actor: { id: ctx.actorId, role: "ADMIN" },
        reason: input.reason,
        request: ctx.request,
        apply: async () =>
          (await tx.organization.updateMany({ where: { id: org.id, status: from }, data: { status: input.to } })).count,
      });
      await tx.organizationChange.create({
        data: {
          organizationId: org.id,
          kind: STATUS_CHANGE_KINDS[input.to],
          oldValue: from,
          newValue: input.to,
          reason: input.reason,
          effectiveAt: input.effectiveAt,
          recordedById: ctx.actorId,
        },
        select: { id: true },
      });
      await notifyOrganization(tx, org.id, {
        title: `${org.name}已${rule.label}`,
        body: `区民政局于 ${formatDate(input.effectiveAt)} 对${org.name}${rule.label}。理由：${input.reason}`,
        link: `/orgs/${org.id}`,
      });
      return succeed();
    });
  } catch (error) {
    if (error instanceof WorkflowError) return fail(error.message);
    throw error;
  }
}

export async function addCreditRecord(
  input: { organizationId: string; kind: CreditKind; description: string; authority: string | null; decidedAt: Date },
  ctx: StaffContext,
): Promise<WriteResult> {
  return prisma.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({
      where: { id: input.organizationId },
      select: { id: true, status: true },
    });
    if (!org) return fail("未找到该社会组织");
    if (org.status === "PREPARING") return fail("尚未登记的组织不记录信用信息");
    const record = await tx.creditRecord.create({
      data: {
        organizationId: org.id,
        kind: input.kind,
        description: input.description,
        authority: input.authority,
        decidedAt: input.decidedAt,
        recordedById: ctx.actorId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: ctx.actorId,
      action: "credit.add",
      entityType: "CreditRecord",
      entityId: record.id,
      toState: input.kind,
      reason: input.description,
      request: ctx.request,
    });
    await notifyOrganization(tx, org.id, {
      title: `信用信息：${creditKindLabel(input.kind)}`,
      body: `区民政局记录了一条信用信息（${creditKindLabel(input.kind)}，${formatDate(input.decidedAt)}）：${input.description}`,
      link: `/orgs/${org.id}`,
    });
    // A penalty, an abnormal listing or false materials takes it off the recommended directory at once.
    await removeFromDirectory(tx, [{ organizationId: org.id, reason: creditTriggerReason(input) }], {
      id: ctx.actorId,
      request: ctx.request,
    });
    return succeed();
  });
}

/** 移出活动异常名录: ends an open ABNORMAL_LIST record. */
export async function endAbnormalListing(
  input: { organizationId: string; recordId: string; endedAt: Date; note: string },
  ctx: StaffContext,
): Promise<WriteResult> {
  return prisma.$transaction(async (tx) => {
    const record = await tx.creditRecord.findFirst({
      where: { id: input.recordId, organizationId: input.organizationId },
      select: { id: true, kind: true, endedAt: true, decidedAt: true },
    });
    if (!record) return fail("未找到该信用记录");
    if (record.kind !== "ABNORMAL_LIST") return fail("只有“列入活动异常名录”的记录可以移出");
    if (record.endedAt) return fail("该组织已移出活动异常名录");
    if (input.endedAt < record.decidedAt) {
      return fail("移出日期不能早于列入日期", { field: "endedAt" });
    }
    const updated = await tx.creditRecord.updateMany({
      where: { id: record.id, endedAt: null },
      data: { endedAt: input.endedAt },
    });
    if (updated.count !== 1) return fail("该记录已被他人更新，请刷新后重试");
    await recordAudit(tx, {
      actorId: ctx.actorId,
      action: "credit.end",
      entityType: "CreditRecord",
      entityId: record.id,
      fromState: "ABNORMAL_LIST",
      toState: "ENDED",
      reason: input.note || "移出活动异常名录",
      request: ctx.request,
    });
    await notifyOrganization(tx, input.organizationId, {
      title: "已移出活动异常名录",
      body: `区民政局已于 ${formatDate(input.endedAt)} 将贵组织移出活动异常名录。`,
      link: `/orgs/${input.organizationId}`,
    });
    return succeed();
  });
}

/** Records an announced grade with its validity and recomputes the grade in force. */
export async function recordGrade(
  input: { organizationId: string; grade: Grade; announcedAt: Date; note: string | null },
  ctx: StaffContext,
  now = new Date(),
): Promise<WriteResult<{ currentGrade: number | null }>> {
  return prisma.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({
      where: { id: input.organizationId },
      select: { id: true, status: true },
    });
    if (!org) return fail("未找到该社会组织");
    if (org.status !== "REGISTERED") return fail("只有登记状态为“正常”的社会组织可以记录评估等级");
    const { validFrom, validTo } = gradeValidity(input.announcedAt);
    const row = await tx.organizationGrade.create({
      data: {
        organizationId: org.id,
        grade: input.grade,
        announcedAt: input.announcedAt,
        validFrom,
        validTo,
        note: input.note,
        recordedById: ctx.actorId,
      },
      select: { id: true },
    });
    const currentGrade = await recomputeCurrentGrade(tx, org.id, now);
    await recordAudit(tx, {
      actorId: ctx.actorId,
      action: "grade.record",
      entityType: "OrganizationGrade",
      entityId: row.id,
      toState: gradeLabel(input.grade),
      reason: input.note,
      request: ctx.request,
    });
    await notifyOrganization(tx, org.id, {
      title: `评估等级：${gradeLabel(input.grade)}`,
      body: `区民政局记录了贵组织的评估等级 ${gradeLabel(input.grade)}（${formatDate(input.announcedAt)} 公告），有效期 ${formatDate(validFrom)} 至 ${formatDate(validTo)}。`,
      link: `/orgs/${org.id}`,
    });
    return succeed({ currentGrade });
  });
}
