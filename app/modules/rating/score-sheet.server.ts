// Loads the score sheet of one application: self-scores, the submitted experts' leaf scores with
// their 扣分原因, and the committee's scores. Staff see the experts' names; the organization, after
// the announcement, sees them numbered. Leaves read from the record show it as it stands now.
import { loadSchemeTree } from "~/modules/indicators/scheme.server";
import { prisma } from "~/utils/db.server";
import { RATING_SUBJECT_TYPE } from "./labels";
import { applicationRecordScores } from "./record-sources.server";
import { buildScoreSheet } from "./score-sheet";

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];

export async function loadScoreSheet(applicationId: string, options: { expertNames: boolean }) {
  const app = await prisma.ratingApplication.findUnique({
    where: { id: applicationId },
    select: {
      schemeId: true,
      organizationId: true,
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
        comment: true,
        reviewer: { select: { name: true } },
        scores: { select: { criterionId: true, score: true, note: true } },
      },
    }),
  ]);
  if (!tree) return null;
  const record = await applicationRecordScores(prisma, { organizationId: app.organizationId, roots: tree.roots });
  const sheet = buildScoreSheet({
    record,
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
