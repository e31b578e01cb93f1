// Funded-project evaluations as an expert-panel subject (decision 008): the call is the round
// (its evaluation panel: experts per evaluation, blind), an evaluation whose self-assessment was
// submitted is the subject, the project's organization the owner experts must not be tied to.
// Experts score every leaf of the evaluation's scheme (criterion id = leaf code); when the last
// active expert submits, scoring.server.ts stores the result.
import type { PanelDb, PanelRound, PanelSubject, PanelSubjectKind } from "~/modules/review/subject";
import { kindLabel } from "../score";
import { onExpertSubmitted } from "../scoring.server";
import { EVALUATION_SUBJECT_TYPE } from "../workflow";
import { evaluationReviewerPage, type EvaluationReviewerView } from "./reviewer-page.server";
import { defaultReviewEndsAt } from "./window";

/** A call's evaluation panel is open once its shortlist is confirmed (its projects exist). */
function panelRoundOf(call: {
  id: string;
  title: string;
  reviewStage: string;
  evaluationReviewers: number;
  evaluationBlind: boolean;
}): PanelRound {
  return {
    id: call.id,
    title: `${call.title} · 项目评估`,
    open: call.reviewStage === "CONFIRMED",
    reviewEndsAt: defaultReviewEndsAt(),
    reviewersPerSubject: call.evaluationReviewers,
    blind: call.evaluationBlind,
    // The total is the indicator engine's sum; the panel's weighted rubric does not apply.
    aggregation: { mode: "MEAN", zScore: false, disagreementThreshold: 1000 },
    criteria: [],
  };
}

const callSelect = {
  id: true,
  title: true,
  reviewStage: true,
  evaluationReviewers: true,
  evaluationBlind: true,
} as const;

const subjectSelect = {
  id: true,
  kind: true,
  round: true,
  project: { select: { callId: true, organizationId: true, projectNo: true, title: true, category: true } },
} as const;

function subjectOf(e: {
  id: string;
  kind: string;
  round: number;
  project: { callId: string; organizationId: string; projectNo: string; title: string; category: string | null };
}): PanelSubject {
  return {
    id: e.id,
    roundId: e.project.callId,
    organizationId: e.project.organizationId,
    title: `${e.project.projectNo} ${e.project.title} · ${kindLabel(e.kind, e.round)}`,
    category: e.project.category,
  };
}

export const grantEvaluationSubject: PanelSubjectKind<EvaluationReviewerView, typeof EVALUATION_SUBJECT_TYPE> = {
  type: EVALUATION_SUBJECT_TYPE,
  labels: {
    round: "项目评估",
    subject: "项目评估",
    item: "项目评估",
    owner: "项目执行机构",
    nothingToAssign: "本期没有已提交自评、待分配评估专家的项目评估",
  },
  auditPrefix: "grant_evaluation_review",
  roundEntityType: "GrantCall",
  panelLink: (callId) => `/admin/grants/${callId}/evaluations`,

  async loadRound(db, callId) {
    const call = await db.grantCall.findUnique({ where: { id: callId }, select: callSelect });
    return call ? panelRoundOf(call) : null;
  },
  async loadSubjects(db, ids) {
    const rows = await db.grantEvaluation.findMany({ where: { id: { in: ids } }, select: subjectSelect });
    return rows.map(subjectOf);
  },
  async assignableSubjects(db, callId) {
    const rows = await db.grantEvaluation.findMany({
      where: { status: "SUBMITTED", project: { callId } },
      orderBy: { id: "asc" },
      select: subjectSelect,
    });
    return rows.map(subjectOf);
  },
  async saveAssignmentRun(tx, callId, { seed, k }) {
    await tx.grantCall.update({
      where: { id: callId },
      data: { evaluationAssignSeed: seed, evaluationReviewers: k },
      select: { id: true },
    });
  },

  async summarize(db: PanelDb, ids) {
    const rows = ids.length
      ? await db.grantEvaluation.findMany({
          where: { id: { in: ids } },
          select: {
            ...subjectSelect,
            submittedAt: true,
            project: {
              select: {
                ...subjectSelect.project.select,
                organization: { select: { name: true } },
                call: { select: { title: true, evaluationBlind: true } },
              },
            },
          },
        })
      : [];
    return new Map(
      rows.map((e) => {
        const blind = e.project.call.evaluationBlind;
        return [
          e.id,
          {
            title: blind
              ? `公益创投项目${kindLabel(e.kind, e.round)}（匿名）`
              : `${e.project.projectNo} ${e.project.title} · ${kindLabel(e.kind, e.round)}`,
            category: e.project.category ?? "项目评估",
            roundTitle: `${e.project.call.title} · 项目评估`,
            blind,
            reviewEndsAt: defaultReviewEndsAt(e.submittedAt ?? new Date()),
            organizationName: blind ? null : e.project.organization.name,
          },
        ];
      }),
    );
  },
  reviewerPage: evaluationReviewerPage,
  isIdentityFile: (purpose) => purpose.startsWith("org."),
  onSubmitted: onExpertSubmitted,
};
