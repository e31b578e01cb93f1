// What staff read of a publication's objections (decision 013): counts per state,
// one page of objections with their evidence. The area adds how it names entries.
import { prisma } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";
import { OBJECTION_SUBJECT_TYPE, type PublicationRef } from "./objection";
import { objectionWorkflow, type ObjectionState } from "./objection-workflow";

export function parseObjectionStatus(value: string | null): ObjectionState | null {
  return value && objectionWorkflow.isState(value) ? value : null;
}

export async function objectionDesk(publication: PublicationRef, status: ObjectionState | null, page: number) {
  const of = { publicationType: publication.type, publicationId: publication.id };
  const where = { ...of, ...(status ? { status } : {}) };
  const [counts, total, objections] = await Promise.all([
    prisma.objection.groupBy({ by: ["status"], where: of, _count: { _all: true } }),
    prisma.objection.count({ where }),
    prisma.objection.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        entryId: true,
        name: true,
        contact: true,
        content: true,
        status: true,
        reply: true,
        upheldAction: true,
        changedAmountFen: true,
        createdAt: true,
        decidedAt: true,
      },
    }),
  ]);
  const evidence = objections.length
    ? await prisma.attachment.findMany({
        where: { subjectType: OBJECTION_SUBJECT_TYPE, subjectId: { in: objections.map((o) => o.id) } },
        select: { id: true, subjectId: true, originalName: true },
      })
    : [];
  const countOf = (s: ObjectionState) => counts.find((c) => c.status === s)?._count._all ?? 0;
  return {
    counts: { RECEIVED: countOf("RECEIVED"), UPHELD: countOf("UPHELD"), DISMISSED: countOf("DISMISSED") },
    total,
    objections: objections.map((o) => ({
      ...o,
      evidence: evidence.filter((e) => e.subjectId === o.id).map((e) => ({ id: e.id, originalName: e.originalName })),
    })),
  };
}
