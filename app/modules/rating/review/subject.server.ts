// Rating applications as an expert-panel subject (decision 008): a rating round is the round,
// an accepted application the subject, the applying organization the owner experts must not be
// tied to. Experts score every leaf of the application's indicator scheme (criterion id = leaf
// code); when the last active expert submits, the application is SCORED with the mean of the
// experts' totals by the indicator engine.
import { scoreSheet, type SchemeTree } from "~/modules/indicators/scheme";
import { loadSchemeTree } from "~/modules/indicators/scheme.server";
import { notifyAdmins } from "~/modules/notifications/notifications.server";
import { ACTIVE_ASSIGNMENT_STATES } from "~/modules/review/assignment-workflow";
import type { PanelDb, PanelRound, PanelSubject, PanelSubjectKind } from "~/modules/review/subject";
import { runTransition } from "~/modules/workflow/transition.server";
import type { Tx } from "~/utils/db.server";
import { ratingApplicationWorkflow } from "../application-workflow";
import { expertTotal } from "../expert-scores";
import { RATING_SUBJECT_TYPE } from "../labels";
import { parseRecordSnapshots, storeSnapshot, takeSnapshot } from "../record-snapshot";
import { withRecordScores } from "../record-sources";
import { applicationRecordScores, sheetRecordScores } from "../record-sources.server";
import { RATING_ROUND_ENTITY_TYPE } from "../round-workflow";
import { ratingReviewerPage, type RatingReviewerView } from "./reviewer-page.server";

/** Experts score while staff still check and assign: the round is open or its window has closed. */
const SCORING_ROUND_STATES = ["OPEN", "REVIEWING"];

const roundSelect = {
  id: true,
  title: true,
  status: true,
  reviewEndsAt: true,
  reviewersPerApplication: true,
  blind: true,
} as const;

function panelRoundOf(round: {
  id: string;
  title: string;
  status: string;
  reviewEndsAt: Date;
  reviewersPerApplication: number;
  blind: boolean;
}): PanelRound {
  return {
    id: round.id,
    title: round.title,
    open: SCORING_ROUND_STATES.includes(round.status),
    reviewEndsAt: round.reviewEndsAt,
    reviewersPerSubject: round.reviewersPerApplication,
    blind: round.blind,
    // The expert total is the indicator engine's sum, kept on the application; the panel's
    // weighted rubric does not apply (criteria differ by scheme: they are given per subject).
    aggregation: { mode: "MEAN", zScore: false, disagreementThreshold: 1000 },
    criteria: [],
  };
}

const subjectSelect = {
  id: true,
  roundId: true,
  organizationId: true,
  organization: { select: { name: true, type: true } },
} as const;

function subjectOf(a: {
  id: string;
  roundId: string;
  organizationId: string;
  organization: { name: string; type: string };
}) {
  return {
    id: a.id,
    roundId: a.roundId,
    organizationId: a.organizationId,
    title: `${a.organization.name}等级评估申请`,
    category: null,
  };
}

/**
 * Each active expert's total by the engine, once all of them have submitted; null before. Leaves
 * read from the organization's record count with the points stored at each expert's submission
 * (experts do not score them; decision 031).
 */
async function expertTotals(
  tx: Tx,
  app: { id: string; organizationId: string; status: string },
  tree: SchemeTree,
  recordScores: string,
) {
  const assignments = await tx.reviewAssignment.findMany({
    where: { subjectType: RATING_SUBJECT_TYPE, subjectId: app.id, status: { in: ACTIVE_ASSIGNMENT_STATES } },
    select: { id: true, status: true, scores: { select: { criterionId: true, score: true } } },
  });
  if (assignments.length === 0 || assignments.some((a) => a.status !== "SUBMITTED")) return null;
  const recordOf = sheetRecordScores(tx, { ...app, roots: tree.roots, recordScores });
  return Promise.all(
    assignments.map(async (a) => {
      const record = await recordOf({ kind: "expert", assignmentId: a.id }, a.status);
      return scoreSheet(tree, withRecordScores(new Map(a.scores.map((s) => [s.criterionId, s.score])), record)).total;
    }),
  );
}

/** Stores the record leaves' points as this expert scored them, in the submitting transaction. */
async function storeExpertSnapshot(
  tx: Tx,
  app: { id: string; organizationId: string; recordScores: string | null },
  tree: SchemeTree,
  assignmentId: string,
) {
  const now = new Date();
  const record = await applicationRecordScores(tx, { organizationId: app.organizationId, roots: tree.roots }, now);
  const recordScores = storeSnapshot(
    parseRecordSnapshots(app.recordScores),
    { kind: "expert", assignmentId },
    takeSnapshot(record, now),
  );
  await tx.ratingApplication.update({ where: { id: app.id }, data: { recordScores }, select: { id: true } });
  return recordScores;
}

async function onExpertSubmitted(tx: Tx, assignment: { id: string; subjectId: string; reviewerId: string }) {
  const app = await tx.ratingApplication.findUnique({
    where: { id: assignment.subjectId },
    select: {
      id: true,
      status: true,
      schemeId: true,
      organizationId: true,
      recordScores: true,
      organization: { select: { name: true } },
      roundId: true,
    },
  });
  if (!app || !["ACCEPTED", "SCORED"].includes(app.status)) return;
  const tree = await loadSchemeTree(tx, app.schemeId);
  if (!tree) return;
  const recordScores = await storeExpertSnapshot(tx, app, tree, assignment.id);
  const totals = await expertTotals(tx, app, tree, recordScores);
  if (!totals) return;
  const total = expertTotal(totals);
  if (app.status === "SCORED") {
    // A reopened review was submitted again: the mean changes, the state does not.
    await tx.ratingApplication.update({ where: { id: app.id }, data: { expertTotal: total }, select: { id: true } });
    return;
  }
  await runTransition(tx, {
    workflow: ratingApplicationWorkflow,
    entityType: RATING_SUBJECT_TYPE,
    entityId: app.id,
    from: "ACCEPTED",
    to: "SCORED",
    actor: { id: assignment.reviewerId, role: "REVIEWER" },
    apply: async () =>
      (
        await tx.ratingApplication.updateMany({
          where: { id: app.id, status: "ACCEPTED" },
          data: { status: "SCORED", expertTotal: total },
        })
      ).count,
  });
  await notifyAdmins(tx, {
    title: `${app.organization.name}的等级评估专家评分已完成`,
    body: `专家评分（平均）${total} 分。`,
    link: `/admin/rating/applications/${app.id}`,
  });
}

export const ratingApplicationSubject: PanelSubjectKind<RatingReviewerView, typeof RATING_SUBJECT_TYPE> = {
  type: RATING_SUBJECT_TYPE,
  labels: {
    round: "等级评估",
    subject: "评估申请",
    item: "评估申请",
    owner: "申请评估的社会组织",
    nothingToAssign: "本轮评估没有审核通过、待分配评估专家的申请",
  },
  auditPrefix: "rating_review",
  roundEntityType: RATING_ROUND_ENTITY_TYPE,
  panelLink: (roundId) => `/admin/rating/${roundId}/panel`,

  async loadRound(db, roundId) {
    const round = await db.ratingRound.findUnique({ where: { id: roundId }, select: roundSelect });
    return round ? panelRoundOf(round) : null;
  },
  async loadSubjects(db, ids): Promise<PanelSubject[]> {
    const apps = await db.ratingApplication.findMany({ where: { id: { in: ids } }, select: subjectSelect });
    return apps.map(subjectOf);
  },
  async assignableSubjects(db, roundId) {
    const apps = await db.ratingApplication.findMany({
      where: { roundId, status: "ACCEPTED" },
      orderBy: { id: "asc" },
      select: subjectSelect,
    });
    return apps.map(subjectOf);
  },
  async saveAssignmentRun(tx, roundId, { seed, k }) {
    await tx.ratingRound.update({
      where: { id: roundId },
      data: { assignmentSeed: seed, reviewersPerApplication: k },
      select: { id: true },
    });
  },

  async summarize(db: PanelDb, ids) {
    const apps = ids.length
      ? await db.ratingApplication.findMany({
          where: { id: { in: ids } },
          select: {
            id: true,
            organization: { select: { name: true } },
            round: { select: { title: true, blind: true, reviewEndsAt: true } },
          },
        })
      : [];
    return new Map(
      apps.map((app) => [
        app.id,
        {
          title: app.round.blind ? "社会组织等级评估申请（匿名）" : `${app.organization.name}等级评估申请`,
          category: "等级评估",
          roundTitle: app.round.title,
          blind: app.round.blind,
          reviewEndsAt: app.round.reviewEndsAt,
          organizationName: app.round.blind ? null : app.organization.name,
        },
      ]),
    );
  },
  reviewerPage: ratingReviewerPage,
  isIdentityFile: (purpose) => purpose.startsWith("org."),
  onSubmitted: onExpertSubmitted,
};
