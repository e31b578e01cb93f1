// What an expert reads and scores for one evaluation: the scheme's blocks and leaves with the
// organization's self-score and, beside each leaf that reads the record, the points the record
// suggests; the "computed from the record" items (KPI attainment, reports on time, budget
// deviation and unapproved changes, overhead share); the report filed with it. The organization's
// name is left out when the call's evaluation panel is blind.
import { expertBlocks, schemeCriteria } from "~/modules/indicators/expert-sheet";
import { loadSchemeTree } from "~/modules/indicators/scheme.server";
import type { PanelDb, PanelReviewerPage } from "~/modules/review/subject";
import { suggestedLeafScore } from "../record-items";
import { readRecordItems } from "../record.server";
import { kindLabel } from "../score";
import { defaultReviewEndsAt } from "./window";

export async function evaluationReviewerPage(db: PanelDb, evaluationId: string) {
  const evaluation = await db.grantEvaluation.findUnique({
    where: { id: evaluationId },
    select: {
      id: true,
      kind: true,
      round: true,
      schemeId: true,
      reportId: true,
      selfTotal: true,
      conclusion: true,
      submittedAt: true,
      projectId: true,
      selfScores: { select: { leafCode: true, score: true } },
      project: {
        select: {
          projectNo: true,
          title: true,
          category: true,
          serviceArea: true,
          awardFen: true,
          startsOn: true,
          endsOn: true,
          organization: { select: { name: true } },
          call: { select: { id: true, title: true, reviewStage: true, evaluationBlind: true } },
        },
      },
    },
  });
  if (!evaluation?.schemeId) return null;
  const [tree, record, report] = await Promise.all([
    loadSchemeTree(db, evaluation.schemeId),
    readRecordItems(db, evaluation.projectId, evaluation.reportId, new Date()),
    evaluation.reportId
      ? db.grantProgressReport.findUnique({
          where: { id: evaluation.reportId },
          select: {
            sequence: true,
            kind: true,
            periodStart: true,
            periodEnd: true,
            submittedAt: true,
            narrative: true,
            activities: { orderBy: { position: "asc" }, select: { heldOn: true, title: true, peopleServed: true } },
          },
        })
      : null,
  ]);
  if (!tree) return null;
  const blocks = expertBlocks(tree, evaluation.selfScores, (leaf) => ({
    suggested: suggestedLeafScore(leaf, record),
    files: [] as { id: string; originalName: string }[],
  }));
  const { project } = evaluation;
  const blind = project.call.evaluationBlind;
  const label = kindLabel(evaluation.kind, evaluation.round);
  const page = {
    title: `${project.projectNo} ${project.title} · ${label}`,
    round: {
      id: project.call.id,
      title: `${project.call.title} · 项目评估`,
      open: project.call.reviewStage === "CONFIRMED",
      reviewEndsAt: defaultReviewEndsAt(evaluation.submittedAt ?? new Date()),
      blind,
    },
    criteria: schemeCriteria(tree),
    view: {
      evaluation: {
        id: evaluation.id,
        label,
        schemeTitle: tree.title,
        totalPoints: tree.totalPoints,
        selfTotal: evaluation.selfTotal,
        conclusion: evaluation.conclusion,
        submittedAt: evaluation.submittedAt,
        blocks,
        record,
        report,
        project: {
          projectNo: project.projectNo,
          title: project.title,
          category: project.category,
          serviceArea: project.serviceArea,
          awardFen: project.awardFen,
          startsOn: project.startsOn,
          endsOn: project.endsOn,
        },
      },
      // Dropped here for a blind panel, so the loader cannot leak it.
      organization: blind ? null : { name: project.organization.name },
    },
  } satisfies PanelReviewerPage<object>;
  return page;
}

export type EvaluationReviewerView = NonNullable<Awaited<ReturnType<typeof evaluationReviewerPage>>>["view"];
