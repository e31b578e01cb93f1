// What an expert reads and scores for one rating application: the scheme's blocks and leaves
// with the organization's self-score and evidence per leaf, and the leaves computed from the
// organization's record (not scored by the expert); the organization's identity is left out when
// the round is blind.
import { expertBlocks, schemeCriteria } from "~/modules/indicators/expert-sheet";
import { loadSchemeTree } from "~/modules/indicators/scheme.server";
import type { PanelDb, PanelReviewerPage } from "~/modules/review/subject";
import { EVIDENCE_PREFIX, RATING_SUBJECT_TYPE } from "../labels";
import { recordLeavesOf } from "../record-sources";
import { sheetRecordScores } from "../record-sources.server";

export async function ratingReviewerPage(
  db: PanelDb,
  applicationId: string,
  assignment: { id: string; status: string },
) {
  const app = await db.ratingApplication.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      schemeId: true,
      selfTotal: true,
      submittedAt: true,
      status: true,
      organizationId: true,
      recordScores: true,
      organization: { select: { name: true, uscc: true, type: true } },
      round: { select: { id: true, title: true, status: true, reviewEndsAt: true, blind: true } },
      selfScores: { select: { leafCode: true, score: true } },
    },
  });
  if (!app) return null;
  const [tree, evidence] = await Promise.all([
    loadSchemeTree(db, app.schemeId),
    db.attachment.findMany({
      where: { subjectType: RATING_SUBJECT_TYPE, subjectId: app.id, purpose: { startsWith: EVIDENCE_PREFIX } },
      orderBy: { createdAt: "asc" },
      select: { id: true, purpose: true, originalName: true },
    }),
  ]);
  if (!tree) return null;
  // Leaves computed from the organization's record are shown with their fact, not scored: as
  // stored with this expert's submitted scores, or as the record stands while scoring.
  const record = await sheetRecordScores(db, { ...app, roots: tree.roots })(
    { kind: "expert", assignmentId: assignment.id },
    assignment.status,
  );
  const filesOf = (code: string) =>
    evidence
      .filter((e) => e.purpose === `${EVIDENCE_PREFIX}${code}`)
      .map(({ id, originalName }) => ({ id, originalName }));
  const blocks = expertBlocks(tree, app.selfScores, (leaf) => ({ files: filesOf(leaf.code) }))
    .map((b) => ({ ...b, leaves: b.leaves.filter((leaf) => !record.has(leaf.code)) }))
    .filter((b) => b.leaves.length > 0);
  const blind = app.round.blind;
  const page = {
    title: blind ? "社会组织等级评估申请（匿名）" : `${app.organization.name}等级评估申请`,
    round: {
      id: app.round.id,
      title: app.round.title,
      open: ["OPEN", "REVIEWING"].includes(app.round.status),
      reviewEndsAt: app.round.reviewEndsAt,
      blind,
    },
    criteria: schemeCriteria(tree).filter((c) => !record.has(c.id)),
    view: {
      rating: {
        applicationId: app.id,
        schemeTitle: tree.title,
        totalPoints: tree.totalPoints,
        selfTotal: app.selfTotal,
        submittedAt: app.submittedAt,
        blocks,
        // A blind round hides which projects they are: their numbers and titles name the organization.
        recordLeaves: recordLeavesOf(tree.roots, record).map((leaf) => (blind ? { ...leaf, detail: null } : leaf)),
      },
      // Dropped here for a blind round, so the loader cannot leak it.
      organization: blind ? null : { name: app.organization.name, uscc: app.organization.uscc },
    },
  } satisfies PanelReviewerPage<object>;
  return page;
}

export type RatingReviewerView = NonNullable<Awaited<ReturnType<typeof ratingReviewerPage>>>["view"];
