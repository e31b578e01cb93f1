// Loads the score sheet of one application: self-scores, the submitted experts' leaf scores with
// their 扣分原因, and the committee's scores. Staff see the experts' names; the organization, after
// the announcement, sees them numbered. Leaves read from the record show the points stored with
// each total (decision 031): the self column's at submission, each expert's at their submission.
import { loadSchemeTree } from "~/modules/indicators/scheme.server";
import { prisma } from "~/utils/db.server";
import { RATING_SUBJECT_TYPE } from "./labels";
import { sheetRecordScores } from "./record-sources.server";
import { buildScoreSheet } from "./score-sheet";

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];

export async function loadScoreSheet(applicationId: string, options: { expertNames: boolean }) {
  const app = await prisma.ratingApplication.findUnique({
    where: { id: applicationId },
    select: {
      schemeId: true,
      status: true,
      organizationId: true,
      recordScores: true,
      selfScores: { select: { leafCode: true, score: true } },
      committeeScores: { select: { leafCode: true, score: true, reason: true } },
    },
  });
  if (!app) return null;
  const [tree, assignments] = await Promise.all([
    loadSchemeTree(prisma, app.schemeId),
    prisma.reviewAssignment.findMany({
      where: { subjectType: RATING_SUBJECT_TYPE, subjectId: applicationId, status: "SUBMITTED" },
      orderBy: { submittedAt: "asc" },
      select: {
        id: true,
        status: true,
        comment: true,
        reviewer: { select: { name: true } },
        scores: { select: { criterionId: true, score: true, note: true } },
      },
    }),
  ]);
  if (!tree) return null;
  const recordOf = sheetRecordScores(prisma, { ...app, roots: tree.roots });
  const [selfRecord, ...expertRecords] = await Promise.all([
    recordOf({ kind: "self" }),
    ...assignments.map((a) => recordOf({ kind: "expert", assignmentId: a.id }, a.status)),
  ]);
  const sheet = buildScoreSheet({
    record: { self: selfRecord, experts: expertRecords },
    roots: tree.roots,
    self: new Map(app.selfScores.map((s) => [s.leafCode, s.score])),
    experts: assignments.map((a, i) => ({
      label: options.expertNames ? a.reviewer.name : `专家${NUMERALS[i] ?? i + 1}`,
      scores: new Map(a.scores.map((s) => [s.criterionId, { score: s.score, note: s.note }])),
    })),
    committee: new Map(app.committeeScores.map((s) => [s.leafCode, { score: s.score, reason: s.reason }])),
  });
  const visitNotes = assignments.map((a, i) => ({ label: sheet.expertLabels[i], comment: a.comment }));
  return { ...sheet, visitNotes, schemeTitle: tree.title, totalPoints: tree.totalPoints };
}
