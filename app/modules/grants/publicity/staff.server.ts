// The staff's view of a call's publicity: the list, the objections and whether
// the list may be confirmed.
import { prisma } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";
import { objectionWorkflow, type ObjectionState } from "./objection-workflow";
import { entrySelect } from "./public.server";
import { confirmProblem, OBJECTION_SUBJECT_TYPE } from "./publicity";

export function parseObjectionStatus(value: string | null): ObjectionState | null {
  return value && objectionWorkflow.isState(value) ? value : null;
}

export async function getAdminPublicity(callId: string, status: ObjectionState | null, page: number) {
  const call = await prisma.grantCall.findUnique({
    where: { id: callId },
    select: {
      id: true,
      title: true,
      reviewStage: true,
      publicityStartsAt: true,
      publicityEndsAt: true,
      confirmedAt: true,
    },
  });
  if (!call) return null;
  const where = { callId, ...(status ? { status } : {}) };
  const [awards, counts, total, objections] = await Promise.all([
    prisma.grantAward.findMany({
      where: { callId },
      orderBy: [{ rank: "asc" }],
      select: {
        ...entrySelect,
        selected: true,
        overrideReason: true,
        application: { select: { title: true, status: true, organization: { select: { name: true } } } },
      },
    }),
    prisma.grantObjection.groupBy({ by: ["status"], where: { callId }, _count: { _all: true } }),
    prisma.grantObjection.count({ where }),
    prisma.grantObjection.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        applicationId: true,
        name: true,
        contact: true,
        content: true,
        status: true,
        reply: true,
        upheldAction: true,
        changedAmountFen: true,
        createdAt: true,
        decidedAt: true,
        application: { select: { title: true, organization: { select: { name: true } } } },
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
  const pending = countOf("RECEIVED");
  const now = new Date();
  return {
    call,
    entries: awards.map((a) => ({
      applicationId: a.applicationId,
      rank: a.rank,
      finalScore: a.finalScore,
      amountFen: a.amountFen,
      selected: a.selected,
      overrideReason: a.overrideReason,
      title: a.application.title,
      status: a.application.status,
      organizationName: a.application.organization.name,
    })),
    counts: { RECEIVED: pending, UPHELD: countOf("UPHELD"), DISMISSED: countOf("DISMISSED") },
    total,
    objections: objections.map((o) => ({
      ...o,
      evidence: evidence.filter((e) => e.subjectId === o.id).map((e) => ({ id: e.id, originalName: e.originalName })),
    })),
    confirmBlock: confirmProblem(call, pending, now),
    now,
  };
}
