// The directory's proposed list takes objections through the shared primitive
// (decision 013): an entry is an organization on the list; staff decide; an upheld
// objection takes the organization off the proposed list (STRUCK) and tells it.
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { loadObjectionForDecision, recordObjectionDecision } from "~/modules/publicity/decide.server";
import type { ObjectionTarget } from "~/modules/publicity/file-objection.server";
import { getObjectionByToken } from "~/modules/publicity/public.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma } from "~/utils/db.server";
import { succeed, type WriteResult } from "~/utils/write-result";
import { entryWorkflow } from "./entry-workflow";
import {
  DIRECTORY_ENTRY_TYPE,
  DIRECTORY_OBJECTION_FIELD,
  DIRECTORY_PUBLICATION_TYPE,
  directoryPublication,
} from "./publication";

/** Objections are accepted while the edition is in publicity, against an entry on its proposed list. */
export function directoryObjectionTarget(editionId: string, entryId: string): ObjectionTarget {
  return {
    publication: directoryPublication(editionId),
    entry: { type: DIRECTORY_ENTRY_TYPE, id: entryId },
    entryField: DIRECTORY_OBJECTION_FIELD,
    entryNoun: "机构",
    notOnListMessage: "该机构不在拟列入名单中，请重新选择",
    async resolve(tx, now) {
      const edition = await tx.directoryEdition.findUnique({
        where: { id: editionId },
        select: { id: true, title: true, status: true, publicityEndsAt: true },
      });
      if (!edition || edition.status === "DRAFT") throw new WorkflowError("未找到该目录", 400);
      if (edition.status !== "PUBLICITY") throw new WorkflowError("该目录当前未在公示期，不受理异议", 409);
      if (!edition.publicityEndsAt || edition.publicityEndsAt.getTime() < now.getTime()) {
        throw new WorkflowError("公示期已结束，不再受理异议", 409);
      }
      const entry = await tx.directoryEntry.findFirst({
        where: { id: entryId, editionId, status: "PASSED" },
        select: { organization: { select: { name: true } } },
      });
      if (!entry) return null;
      return {
        publicationTitle: `${edition.title}拟列入名单公示`,
        entryLabel: entry.organization.name,
        staffPath: `/admin/directory/${edition.id}#objections`,
      };
    },
  };
}

/** Staff decide one objection; upheld takes the organization off the proposed list. */
export async function decideDirectoryObjection(input: {
  editionId: string;
  objectionId: string;
  outcome: "UPHELD" | "DISMISSED";
  reply: string;
  actorId: string;
  request?: Request;
}): Promise<WriteResult> {
  await prisma.$transaction(async (tx) => {
    const objection = await loadObjectionForDecision(tx, directoryPublication(input.editionId), input.objectionId);
    const edition = await tx.directoryEdition.findUnique({
      where: { id: input.editionId },
      select: { title: true, status: true },
    });
    if (edition?.status !== "PUBLICITY") throw new WorkflowError("目录已发布，不能再处理异议", 409);
    const entry = await tx.directoryEntry.findUnique({
      where: { id: objection.entryId },
      select: { id: true, status: true, organizationId: true },
    });
    if (input.outcome === "UPHELD" && entry?.status !== "PASSED") {
      throw new WorkflowError("该机构已不在拟列入名单中，只能作出“异议不成立”的处理", 409);
    }
    await recordObjectionDecision(tx, {
      objection,
      outcome: input.outcome,
      reply: input.reply,
      upheldAction: input.outcome === "UPHELD" ? "STRIKE" : null,
      actorId: input.actorId,
      request: input.request,
    });
    if (input.outcome !== "UPHELD" || !entry) return;
    await runTransition(tx, {
      workflow: entryWorkflow,
      entityType: DIRECTORY_ENTRY_TYPE,
      entityId: entry.id,
      from: "PASSED",
      to: "STRUCK",
      actor: { id: input.actorId, role: "ADMIN" },
      reason: `公示异议成立：${input.reply}`,
      request: input.request,
      apply: async () =>
        (await tx.directoryEntry.updateMany({ where: { id: entry.id, status: "PASSED" }, data: { status: "STRUCK" } }))
          .count,
    });
    await notifyOrganization(tx, entry.organizationId, {
      title: `公示异议成立，不予列入${edition.title}`,
      body: `处理意见：${input.reply}`,
      link: "/org/directory",
    });
  });
  return succeed();
}

/** An objection to a directory's proposed list by its secret token, with the edition and organization named. */
export async function getDirectoryObjectionByToken(token: string) {
  const objection = await getObjectionByToken(token, DIRECTORY_PUBLICATION_TYPE);
  if (!objection) return null;
  const [edition, entry] = await Promise.all([
    prisma.directoryEdition.findUnique({ where: { id: objection.publicationId }, select: { id: true, title: true } }),
    prisma.directoryEntry.findUnique({
      where: { id: objection.entryId },
      select: { organization: { select: { name: true } } },
    }),
  ]);
  if (!edition) return null;
  return { ...objection, edition, organizationName: entry?.organization.name ?? "" };
}
