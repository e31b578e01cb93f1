// What anyone may read of a call's evaluation results (#14 item 4): the results in publicity
// (project, organization, evaluation, score, grade, end of the period) and an objection to one
// of them behind its secret link. Nothing before staff publish, nothing personal.
import { getObjectionByToken } from "~/modules/publicity/public.server";
import { prisma } from "~/utils/db.server";
import { settleEndedPublicity } from "./finality.server";
import { EVALUATION_PUBLICATION_TYPE } from "./publicity.server";
import { kindLabel } from "./score";

/** The call and its results in publicity; null (404) for an unknown or unpublished call. */
export async function publicEvaluationResults(callId: string) {
  const call = await prisma.grantCall.findUnique({
    where: { id: callId },
    select: { id: true, title: true, year: true, status: true },
  });
  if (!call || call.status === "DRAFT") return null;
  // Results whose period ended leave the list as final (decision 026).
  await settleEndedPublicity({ callId });
  const rows = await prisma.grantEvaluation.findMany({
    where: { status: "PUBLICITY", project: { callId } },
    orderBy: [{ publicityEndsAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      round: true,
      score: true,
      grade: true,
      publicityStartsAt: true,
      publicityEndsAt: true,
      project: { select: { projectNo: true, title: true, organization: { select: { name: true } } } },
    },
  });
  const results = rows.map((e) => ({
    evaluationId: e.id,
    label: kindLabel(e.kind, e.round),
    score: e.score,
    grade: e.grade,
    publicityStartsAt: e.publicityStartsAt,
    publicityEndsAt: e.publicityEndsAt,
    projectNo: e.project.projectNo,
    title: e.project.title,
    organizationName: e.project.organization.name,
  }));
  const { status: _status, ...rest } = call;
  return { call: rest, results };
}

/** How many of the call's evaluation results are in publicity (the call page links to them). */
export function evaluationsInPublicity(callId: string) {
  return prisma.grantEvaluation.count({ where: { status: "PUBLICITY", project: { callId } } });
}

/** An objection to an evaluation result by its token; null (404) for anything else. */
export async function getEvaluationObjectionByToken(token: string) {
  const objection = await getObjectionByToken(token, EVALUATION_PUBLICATION_TYPE);
  if (!objection) return null;
  const [call, evaluation] = await Promise.all([
    prisma.grantCall.findUnique({ where: { id: objection.publicationId }, select: { id: true, title: true } }),
    prisma.grantEvaluation.findUnique({
      where: { id: objection.entryId },
      select: {
        kind: true,
        round: true,
        project: { select: { title: true, organization: { select: { name: true } } } },
      },
    }),
  ]);
  if (!call || !evaluation) return null;
  const { publicationId: _p, entryId: _e, ...rest } = objection;
  return {
    ...rest,
    call,
    entry: `${evaluation.project.organization.name} — ${evaluation.project.title}（${kindLabel(evaluation.kind, evaluation.round)}）`,
  };
}
