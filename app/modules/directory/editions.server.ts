// An edition's life (#15 item 1): created as a draft by staff, opened (5A and last
// year's entries join), closed for review, put in publicity, published (the previous
// edition is superseded). Every move through the edition workflow, in one transaction.
import { recordAudit } from "~/modules/audit/audit.server";
import { getRules } from "~/modules/config/rules.server";
import { pendingObjections } from "~/modules/publicity/decide.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runBulkTransition, runTransition } from "~/modules/workflow/transition.server";
import { addDays, parseDateInput, shanghaiEndOfDay, shanghaiParts } from "~/utils/dates";
import { prisma, type Tx } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { syncAutomaticEntries } from "./automatic.server";
import { editionWorkflow, type EditionState } from "./edition-workflow";
import { entryWorkflow } from "./entry-workflow";
import { splitAreas } from "./forms";
import { notifyOrganizations } from "./notify.server";
import { directoryPublication, parseAreas } from "./publication";

type Actor = { id: string; request?: Request };

export type EditionInput = {
  year: number;
  title: string;
  applyOpensAt: string;
  applyClosesAt: string;
  serviceAreas: string;
  publicityDays: number;
};

function editionData(input: EditionInput) {
  const opens = parseDateInput(input.applyOpensAt)!;
  // The window closes at the end of its last day.
  const last = shanghaiParts(parseDateInput(input.applyClosesAt)!);
  const closes = shanghaiEndOfDay(last.year, last.month, last.day);
  return {
    year: input.year,
    title: input.title,
    applyOpensAt: opens,
    applyClosesAt: closes,
    serviceAreas: JSON.stringify(splitAreas(input.serviceAreas)),
    publicityDays: input.publicityDays,
  };
}

/** A new edition, as a draft; one per year. */
export async function createEdition(input: EditionInput, actor: Actor): Promise<WriteResult<{ id: string }>> {
  const taken = await prisma.directoryEdition.findUnique({ where: { year: input.year }, select: { id: true } });
  if (taken) return fail(`${input.year}年度目录已存在`, { field: "year" });
  return prisma.$transaction(async (tx) => {
    const edition = await tx.directoryEdition.create({
      data: { ...editionData(input), createdById: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "directory_edition.create",
      entityType: "DirectoryEdition",
      entityId: edition.id,
      toState: "DRAFT",
      reason: input.title,
      request: actor.request,
    });
    return succeed({ id: edition.id });
  });
}

/** Changes a draft or open edition's dates, areas and publicity days (the year is fixed once made). */
export async function updateEdition(editionId: string, input: EditionInput, actor: Actor): Promise<WriteResult> {
  const edition = await prisma.directoryEdition.findUnique({
    where: { id: editionId },
    select: { id: true, year: true, status: true },
  });
  if (!edition) return fail("未找到该目录");
  if (edition.status !== "DRAFT" && edition.status !== "OPEN") return fail("申报截止后不能再修改目录设置");
  if (input.year !== edition.year) return fail("目录年度创建后不能修改", { field: "year" });
  await prisma.$transaction(async (tx) => {
    await tx.directoryEdition.update({ where: { id: editionId }, data: editionData(input), select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "directory_edition.update",
      entityType: "DirectoryEdition",
      entityId: editionId,
      reason: input.title,
      request: actor.request,
    });
  });
  return succeed();
}

/** Why an edition may not move to `to` now (Chinese), or null. Read again inside the move. */
export function moveProblem(
  edition: { status: string; publicityEndsAt: Date | null },
  to: EditionState,
  counts: { submitted: number; passed: number; pendingObjections: number },
  now: Date,
): string | null {
  if (to === "PUBLICITY") {
    if (counts.submitted > 0) return `尚有 ${counts.submitted} 份申报待审核，审核完毕后方可公示`;
    if (counts.passed === 0) return "拟列入名单中没有机构，不能公示";
  }
  if (to === "PUBLISHED") {
    if (!edition.publicityEndsAt || edition.publicityEndsAt.getTime() > now.getTime()) {
      return `公示期尚未结束${edition.publicityEndsAt ? `（${formatDate(edition.publicityEndsAt)}结束）` : ""}，结束后方可发布`;
    }
    if (counts.pendingObjections > 0) return `尚有 ${counts.pendingObjections} 件异议未处理，处理后方可发布`;
  }
  return null;
}

/** Moves an edition along its workflow, with what each step brings. */
export async function moveEdition(editionId: string, to: EditionState, actor: Actor, now = new Date()) {
  const rules = await getRules(now);
  return prisma.$transaction(async (tx) => {
    const edition = await tx.directoryEdition.findUnique({
      where: { id: editionId },
      select: {
        id: true,
        year: true,
        title: true,
        status: true,
        serviceAreas: true,
        publicityDays: true,
        publicityEndsAt: true,
      },
    });
    if (!edition) throw new WorkflowError("未找到该目录", 400);
    const from = edition.status as EditionState;
    const serviceAreas = parseAreas(edition.serviceAreas);
    if (to === "OPEN" || to === "PUBLICITY") {
      await syncAutomaticEntries(tx, { ...edition, serviceAreas }, rules, now, actor);
    }
    const [submitted, passed, objections] = await Promise.all([
      tx.directoryEntry.count({ where: { editionId, status: "SUBMITTED" } }),
      tx.directoryEntry.count({ where: { editionId, status: "PASSED" } }),
      pendingObjections(tx, directoryPublication(editionId)),
    ]);
    const problem = moveProblem(edition, to, { submitted, passed, pendingObjections: objections }, now);
    if (problem) throw new WorkflowError(problem, 409);
    const data =
      to === "PUBLICITY"
        ? { status: to, publicityStartsAt: now, publicityEndsAt: addDays(now, edition.publicityDays) }
        : to === "PUBLISHED"
          ? { status: to, publishedAt: now }
          : to === "SUPERSEDED"
            ? { status: to, supersededAt: now }
            : { status: to };
    await runTransition(tx, {
      workflow: editionWorkflow,
      entityType: "DirectoryEdition",
      entityId: edition.id,
      from,
      to,
      actor: { id: actor.id, role: "ADMIN" },
      request: actor.request,
      apply: async () =>
        (await tx.directoryEdition.updateMany({ where: { id: edition.id, status: from }, data })).count,
    });
    if (to === "PUBLICITY") await announcePublicity(tx, edition, data.publicityEndsAt!);
    if (to === "PUBLISHED") await publish(tx, edition, actor, now);
    return succeed();
  });
}

async function announcePublicity(tx: Tx, edition: { id: string; title: string }, endsAt: Date) {
  const entries = await tx.directoryEntry.findMany({
    where: { editionId: edition.id, status: "PASSED" },
    select: { organizationId: true },
  });
  await notifyOrganizations(
    tx,
    entries.map((e) => ({
      organizationId: e.organizationId,
      title: `${edition.title}：拟列入名单公示`,
      body: `贵机构在拟列入名单中，公示至${formatDate(endsAt)}。`,
      link: `/directory/${edition.id}/publicity`,
    })),
  );
}

/** Publication: every proposed entry is listed, the edition published before is superseded. */
async function publish(tx: Tx, edition: { id: string; year: number; title: string }, actor: Actor, now: Date) {
  const entries = await tx.directoryEntry.findMany({
    where: { editionId: edition.id, status: "PASSED" },
    select: { id: true, organizationId: true },
  });
  await runBulkTransition(tx, {
    workflow: entryWorkflow,
    entityType: "DirectoryEntry",
    entities: entries.map((e) => ({ id: e.id, from: "PASSED" as const })),
    to: "LISTED",
    actor: { id: actor.id, role: "ADMIN" },
    request: actor.request,
    apply: async (from, ids) =>
      (
        await tx.directoryEntry.updateMany({
          where: { id: { in: ids }, status: from },
          data: { status: "LISTED", listedAt: now },
        })
      ).count,
  });
  const older = await tx.directoryEdition.findMany({
    where: { status: "PUBLISHED", id: { not: edition.id } },
    select: { id: true },
  });
  for (const old of older) {
    await runTransition(tx, {
      workflow: editionWorkflow,
      entityType: "DirectoryEdition",
      entityId: old.id,
      from: "PUBLISHED",
      to: "SUPERSEDED",
      actor: { id: null, role: "SYSTEM" },
      reason: `${edition.title}发布`,
      request: actor.request,
      apply: async () =>
        (
          await tx.directoryEdition.updateMany({
            where: { id: old.id, status: "PUBLISHED" },
            data: { status: "SUPERSEDED", supersededAt: now },
          })
        ).count,
    });
  }
  await notifyOrganizations(
    tx,
    entries.map((e) => ({
      organizationId: e.organizationId,
      title: `${edition.title}已发布`,
      body: "贵机构已列入政府购买服务推荐性目录。",
      link: `/directory/${edition.id}`,
    })),
  );
}
