// 公益创投 applications as an expert-panel subject (decision 008): a call is the
// round, a screened application the subject, the applicant organization the
// owner reviewers must not be tied to. review/ runs the panel; this file tells
// it where grant rounds and applications live and what a reviewer reads.
import type { PanelDb, PanelRound, PanelSubject, PanelSubjectKind } from "~/modules/review/subject";
import type { Prisma } from "~/utils/db.server";
import { GRANT_SUBJECT_TYPE, parseGrantData } from "../applications/application-form";
import { CALL_ENTITY_TYPE } from "./panel";
import { aggregationSettingsOf } from "./results.server";

export const reviewCallSelect = {
  id: true,
  title: true,
  reviewersPerApplication: true,
  blindReview: true,
  aggregation: true,
  zScoreNormalize: true,
  disagreementThreshold: true,
  reviewStage: true,
  assignmentSeed: true,
  reviewEndsAt: true,
  criteria: {
    orderBy: { position: "asc" },
    select: { id: true, name: true, description: true, maxScore: true, weightPct: true },
  },
} as const satisfies Prisma.GrantCallSelect;

export type ReviewCall = Prisma.GrantCallGetPayload<{ select: typeof reviewCallSelect }>;

/** The call as the panel's round: scoring is open while the review stage is OPEN. */
export function panelRoundOf(call: ReviewCall): PanelRound {
  return {
    id: call.id,
    title: call.title,
    open: call.reviewStage === "OPEN",
    reviewEndsAt: call.reviewEndsAt,
    reviewersPerSubject: call.reviewersPerApplication,
    blind: call.blindReview,
    aggregation: aggregationSettingsOf(call),
    criteria: call.criteria,
  };
}

/** Purposes of the organization's own papers ("org.charter"…), kept from reviewers of a blind call. */
const ORG_PAPERS_PREFIX = "org.";

const subjectSelect = { id: true, callId: true, organizationId: true, title: true, category: true } as const;

function subjectOf(a: { id: string; callId: string; organizationId: string; title: string; category: string | null }) {
  return { id: a.id, roundId: a.callId, organizationId: a.organizationId, title: a.title, category: a.category };
}

/** What a reviewer reads beside the rubric: the application as filed, without the applicant when blind. */
async function grantReviewerPage(db: PanelDb, applicationId: string) {
  const app = await db.grantApplication.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      title: true,
      category: true,
      data: true,
      projectStart: true,
      projectEnd: true,
      requestedFen: true,
      ownFundsFen: true,
      matchedFen: true,
      totalBudgetFen: true,
      submittedAt: true,
      call: { select: reviewCallSelect },
      organization: { select: { name: true, uscc: true } },
      budgetLines: {
        orderBy: { position: "asc" },
        select: { category: true, description: true, requestedFen: true, ownFen: true, matchedFen: true },
      },
      milestones: { orderBy: { position: "asc" }, select: { title: true, description: true, dueDate: true } },
      indicators: { orderBy: { position: "asc" }, select: { kind: true, name: true, target: true } },
    },
  });
  if (!app) return null;
  const blind = app.call.blindReview;
  const documents = await db.attachment.findMany({
    where: {
      subjectType: GRANT_SUBJECT_TYPE,
      subjectId: app.id,
      ...(blind ? { NOT: { purpose: { startsWith: ORG_PAPERS_PREFIX } } } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, purpose: true, originalName: true },
  });
  const { call, organization, data, ...application } = app;
  const round = panelRoundOf(call);
  return {
    title: app.title,
    round: { id: round.id, title: round.title, open: round.open, reviewEndsAt: round.reviewEndsAt, blind },
    criteria: round.criteria,
    view: {
      application,
      data: parseGrantData(data),
      documents,
      // The applicant's identity is dropped here, so a blind call's loader cannot leak it.
      organization: blind ? null : organization,
    },
  };
}

export type GrantReviewerView = NonNullable<Awaited<ReturnType<typeof grantReviewerPage>>>["view"];

export const grantApplicationSubject: PanelSubjectKind<GrantReviewerView, typeof GRANT_SUBJECT_TYPE> = {
  type: GRANT_SUBJECT_TYPE,
  labels: {
    round: "公益创投活动",
    subject: "申报",
    item: "项目",
    owner: "申报机构",
    nothingToAssign: "本活动没有通过资格审查、待分配评审的申报",
  },
  auditPrefix: "grant_review",
  roundEntityType: CALL_ENTITY_TYPE,
  panelLink: (callId) => `/admin/grants/${callId}/review`,

  async loadRound(db, callId) {
    const call = await db.grantCall.findUnique({ where: { id: callId }, select: reviewCallSelect });
    return call ? panelRoundOf(call) : null;
  },
  async loadSubjects(db, ids): Promise<PanelSubject[]> {
    const apps = await db.grantApplication.findMany({ where: { id: { in: ids } }, select: subjectSelect });
    return apps.map(subjectOf);
  },
  async assignableSubjects(db, callId) {
    // Automatic assignment takes only applications that passed screening.
    const apps = await db.grantApplication.findMany({
      where: { callId, status: "SCREEN_PASSED" },
      orderBy: { id: "asc" },
      select: subjectSelect,
    });
    return apps.map(subjectOf);
  },
  async saveAssignmentRun(tx, callId, { seed, k }) {
    await tx.grantCall.update({
      where: { id: callId },
      data: { assignmentSeed: seed, reviewersPerApplication: k },
      select: { id: true },
    });
  },

  async summarize(db, ids) {
    const apps = ids.length
      ? await db.grantApplication.findMany({
          where: { id: { in: ids } },
          select: {
            id: true,
            title: true,
            category: true,
            call: { select: { title: true, blindReview: true, reviewEndsAt: true } },
            organization: { select: { name: true } },
          },
        })
      : [];
    return new Map(
      apps.map((app) => [
        app.id,
        {
          title: app.title,
          category: app.category,
          roundTitle: app.call.title,
          blind: app.call.blindReview,
          reviewEndsAt: app.call.reviewEndsAt,
          // Never leaves the server for a blind call.
          organizationName: app.call.blindReview ? null : app.organization.name,
        },
      ]),
    );
  },
  reviewerPage: grantReviewerPage,
  isIdentityFile: (purpose) => purpose.startsWith(ORG_PAPERS_PREFIX),
};
