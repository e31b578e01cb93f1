// The staff's view of a call's publicity: the list, the objections (through the
// shared desk, decision 013) and whether the list may be confirmed.
import { objectionDesk } from "~/modules/publicity/desk.server";
import type { ObjectionState } from "~/modules/publicity/objection-workflow";
import { prisma } from "~/utils/db.server";
import { entrySelect } from "./public.server";
import { confirmProblem, grantPublication } from "./publicity";

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
  const [awards, desk] = await Promise.all([
    prisma.grantAward.findMany({
      where: { callId },
      orderBy: [{ rank: "asc" }],
      select: {
        ...entrySelect,
        selected: true,
        overrideReason: true,
        application: {
          select: {
            title: true,
            status: true,
            organization: { select: { name: true } },
            project: { select: { id: true } },
          },
        },
      },
    }),
    objectionDesk(grantPublication(callId), status, page),
  ]);
  // Every objected entry is a ranked application of this call, so its award row names it.
  const applicationOf = new Map(awards.map((a) => [a.applicationId, a.application]));
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
      projectId: a.application.project?.id ?? null,
    })),
    counts: desk.counts,
    total: desk.total,
    objections: desk.objections.map(({ entryId, ...o }) => {
      const application = applicationOf.get(entryId);
      return {
        ...o,
        applicationId: entryId,
        application: {
          title: application?.title ?? "",
          organization: { name: application?.organization.name ?? "" },
        },
      };
    }),
    confirmBlock: confirmProblem(call, desk.counts.RECEIVED, now),
    now,
  };
}
