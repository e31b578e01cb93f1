// Applications (#15 item 4): an organization that meets every necessary condition
// applies with its service areas and a capability statement; staff pass it, return
// it for correction or reject it with a reason. The conditions are checked again
// here, so a forged request from an organization that fails one is refused.
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyAdmins, notifyOrganization } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Tx } from "~/utils/db.server";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { allMet, checkConditions, priorityMarkers, streetOf, unmet } from "./conditions";
import { conditionsOf } from "./conditions.server";
import { entryWorkflow, type EntryState } from "./entry-workflow";
import { applyWindowProblem, parseAreas } from "./publication";

export type ApplyInput = {
  editionId: string;
  organizationId: string;
  userId: string;
  serviceAreas: string[];
  capability: string;
  taxDeclared: boolean;
  taxNote?: string;
  request?: Request;
};

async function setAreas(tx: Tx, entryId: string, areas: string[]) {
  await tx.directoryEntryArea.deleteMany({ where: { entryId } });
  await tx.directoryEntryArea.createMany({ data: areas.map((area) => ({ entryId, area })) });
}

/** Applies, re-applies after a return, or completes an automatic entry's areas and statement. */
export async function applyToEdition(input: ApplyInput, now = new Date()): Promise<WriteResult> {
  return prisma.$transaction(async (tx) => {
    const edition = await tx.directoryEdition.findUnique({
      where: { id: input.editionId },
      select: { id: true, title: true, status: true, applyOpensAt: true, applyClosesAt: true, serviceAreas: true },
    });
    if (!edition) return fail("未找到该目录", { status: 404 });
    const closed = applyWindowProblem(edition, now);
    if (closed) return fail(closed, { status: 409 });
    const allowed = parseAreas(edition.serviceAreas);
    if (!input.serviceAreas.every((a) => allowed.includes(a))) {
      return fail("请从本年度目录的服务领域中选择", { field: "serviceAreas" });
    }
    const [org, existing, record] = await Promise.all([
      tx.organization.findUnique({ where: { id: input.organizationId }, select: { name: true, address: true } }),
      tx.directoryEntry.findUnique({
        where: { editionId_organizationId: { editionId: edition.id, organizationId: input.organizationId } },
        select: { id: true, status: true, route: true, taxDeclared: true, taxNote: true },
      }),
      conditionsOf(tx, input.organizationId, now),
    ]);
    if (!org || !record) return fail("未找到本机构", { status: 404 });
    const details = {
      capability: input.capability,
      taxDeclared: input.taxDeclared,
      taxNote: input.taxDeclared ? (input.taxNote ?? null) : null,
      street: streetOf(org.address),
    };
    // A changed declaration must be checked by staff again.
    const taxChanged = (e: { taxDeclared: boolean; taxNote: string | null }) =>
      e.taxDeclared !== details.taxDeclared || e.taxNote !== details.taxNote;

    if (existing && existing.status === "PASSED" && existing.route !== "APPLIED") {
      await tx.directoryEntry.update({
        where: { id: existing.id },
        data: { ...details, ...(taxChanged(existing) ? { taxCheckedAt: null } : {}) },
        select: { id: true },
      });
      await setAreas(tx, existing.id, input.serviceAreas);
      await recordAudit(tx, {
        actorId: input.userId,
        action: "directory_entry.update",
        entityType: "DirectoryEntry",
        entityId: existing.id,
        reason: `服务领域：${input.serviceAreas.join("、")}`,
        request: input.request,
      });
      return succeed();
    }
    if (existing && existing.status !== "RETURNED") return fail("本机构已提交本年度申报", { status: 409 });

    const failing = unmet(record.checks);
    if (failing.length) {
      return fail(`本机构不满足以下必要条件，不能申报：${failing.map((c) => c.label).join("；")}`, { status: 409 });
    }
    const snapshot = JSON.stringify(record.checks);
    let entryId: string;
    if (existing) {
      await runTransition(tx, {
        workflow: entryWorkflow,
        entityType: "DirectoryEntry",
        entityId: existing.id,
        from: "RETURNED",
        to: "SUBMITTED",
        actor: { id: input.userId, role: "ORG_MEMBER" },
        request: input.request,
        apply: async () =>
          (
            await tx.directoryEntry.updateMany({
              where: { id: existing.id, status: "RETURNED" },
              data: { ...details, status: "SUBMITTED", conditions: snapshot, submittedAt: now, taxCheckedAt: null },
            })
          ).count,
      });
      entryId = existing.id;
    } else {
      const entry = await tx.directoryEntry.create({
        data: {
          ...details,
          editionId: edition.id,
          organizationId: input.organizationId,
          route: "APPLIED",
          status: "SUBMITTED",
          conditions: snapshot,
          submittedAt: now,
        },
        select: { id: true },
      });
      entryId = entry.id;
      await recordAudit(tx, {
        actorId: input.userId,
        action: "directory_entry.apply",
        entityType: "DirectoryEntry",
        entityId: entry.id,
        toState: "SUBMITTED",
        reason: `服务领域：${input.serviceAreas.join("、")}`,
        request: input.request,
      });
    }
    await setAreas(tx, entryId, input.serviceAreas);
    await notifyAdmins(tx, {
      title: `推荐性目录申报待审核：${org.name}`,
      body: edition.title,
      link: `/admin/directory/${edition.id}?status=SUBMITTED`,
    });
    return succeed();
  });
}

export type ReviewInput = {
  editionId: string;
  entryId: string;
  decision: "PASSED" | "RETURNED" | "REJECTED";
  note?: string;
  taxChecked: boolean;
  actorId: string;
  request?: Request;
};

/** Staff decide one application; a pass is refused while a necessary condition is unmet. */
export async function reviewEntry(input: ReviewInput, now = new Date()): Promise<WriteResult> {
  return prisma.$transaction(async (tx) => {
    const entry = await tx.directoryEntry.findFirst({
      where: { id: input.entryId, editionId: input.editionId },
      select: {
        id: true,
        status: true,
        organizationId: true,
        taxDeclared: true,
        edition: { select: { title: true, status: true } },
      },
    });
    if (!entry) return fail("未找到该申报", { status: 404 });
    if (entry.edition.status !== "OPEN" && entry.edition.status !== "REVIEWING") {
      throw new WorkflowError("名单已公示，不能再审核申报", 409);
    }
    const note = input.note?.trim() || null;
    let extra: Record<string, unknown> = {};
    if (input.decision === "PASSED") {
      const record = await conditionsOf(tx, entry.organizationId, now);
      if (!record) return fail("未找到该机构", { status: 404 });
      const checks = checkConditions(record.facts, record.rules, now);
      if (!allMet(checks)) {
        throw new WorkflowError(
          `该机构目前不满足：${unmet(checks)
            .map((c) => c.fact)
            .join("；")}，不能审核通过`,
          409,
        );
      }
      const markers = priorityMarkers(record.facts, record.rules);
      extra = {
        conditions: JSON.stringify(checks),
        markerGrade: markers.grade,
        markerProjects: markers.projects,
        taxCheckedAt: entry.taxDeclared && input.taxChecked ? now : null,
      };
    }
    const from = entry.status as EntryState;
    await runTransition(tx, {
      workflow: entryWorkflow,
      entityType: "DirectoryEntry",
      entityId: entry.id,
      from,
      to: input.decision,
      actor: { id: input.actorId, role: "ADMIN" },
      reason: note,
      request: input.request,
      apply: async () =>
        (
          await tx.directoryEntry.updateMany({
            where: { id: entry.id, status: from },
            data: {
              ...extra,
              status: input.decision,
              returnNote: input.decision === "RETURNED" ? note : null,
              rejectReason: input.decision === "REJECTED" ? note : null,
              decidedAt: now,
              decidedById: input.actorId,
            },
          })
        ).count,
    });
    const title = {
      PASSED: "审核通过，已列入拟列入名单",
      RETURNED: "退回补正",
      REJECTED: "不予列入",
    }[input.decision];
    await notifyOrganization(tx, entry.organizationId, {
      title: `${entry.edition.title}申报：${title}`,
      body: note ?? "请在目录公示期间留意公示结果。",
      link: "/org/directory",
    });
    return succeed();
  });
}

/** Staff check a declared tax-deductible status (优先标识): confirmed, or found not to hold. */
export async function checkTaxStatus(
  input: { editionId: string; entryId: string; holds: boolean; actorId: string; request?: Request },
  now = new Date(),
): Promise<WriteResult> {
  return prisma.$transaction(async (tx) => {
    const entry = await tx.directoryEntry.findFirst({
      where: { id: input.entryId, editionId: input.editionId, taxDeclared: true },
      select: { id: true, organizationId: true },
    });
    if (!entry) return fail("该机构未申报税前扣除资格", { status: 404 });
    await tx.directoryEntry.update({
      where: { id: entry.id },
      data: input.holds ? { taxCheckedAt: now } : { taxDeclared: false, taxCheckedAt: null },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "directory_entry.tax_check",
      entityType: "DirectoryEntry",
      entityId: entry.id,
      reason: input.holds ? "税前扣除资格核实属实" : "税前扣除资格核实不属实",
      request: input.request,
    });
    await notifyOrganization(tx, entry.organizationId, {
      title: input.holds ? "公益性捐赠税前扣除资格已核实" : "公益性捐赠税前扣除资格未能核实",
      body: input.holds ? "目录中将显示该优先标识。" : "如有异议请联系区民政局。",
      link: "/org/directory",
    });
    return succeed();
  });
}
