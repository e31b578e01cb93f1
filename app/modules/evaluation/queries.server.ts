// What the project hub's 评估 tab reads (staff and organization): the project's evaluations with
// their results, record items, veto, decision, objections (staff) and, for the organization, the
// scheme's leaves of the evaluation waiting for its self-assessment with what it saved so far.
import { leavesOf } from "~/modules/indicators/scheme";
import { loadSchemeTree } from "~/modules/indicators/scheme.server";
import { leafDefault, scoreField } from "~/modules/rating/leaf-input";
import { prisma } from "~/utils/db.server";
import { evaluationToSelfAssess } from "./due";
import { parseRecordItems } from "./record-items";
import { EVALUATION_SUBJECT_TYPE } from "./workflow";

const listSelect = {
  id: true,
  kind: true,
  round: true,
  status: true,
  dueAt: true,
  selfTotal: true,
  submittedAt: true,
  expertTotal: true,
  score: true,
  grade: true,
  vetoReason: true,
  conclusion: true,
  recordItems: true,
  publicityStartsAt: true,
  publicityEndsAt: true,
  finalAt: true,
  decision: true,
  decisionReason: true,
  rectifyDueAt: true,
} as const;

async function listOf(projectId: string) {
  const rows = await prisma.grantEvaluation.findMany({
    where: { projectId },
    orderBy: [{ dueAt: "asc" }, { round: "asc" }],
    select: listSelect,
  });
  return rows.map(({ recordItems, ...e }) => ({ ...e, record: parseRecordItems(recordItems) }));
}

export async function staffProjectEvaluations(projectId: string) {
  const evaluations = await listOf(projectId);
  const ids = evaluations.map((e) => e.id);
  const [assignments, objections] = await Promise.all([
    prisma.reviewAssignment.findMany({
      where: { subjectType: EVALUATION_SUBJECT_TYPE, subjectId: { in: ids } },
      orderBy: { createdAt: "asc" },
      select: { id: true, subjectId: true, status: true, reviewer: { select: { name: true } } },
    }),
    prisma.objection.findMany({
      where: { entryType: EVALUATION_SUBJECT_TYPE, entryId: { in: ids } },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        entryId: true,
        name: true,
        contact: true,
        content: true,
        status: true,
        reply: true,
        createdAt: true,
      },
    }),
  ]);
  return evaluations.map((e) => ({
    ...e,
    experts: assignments
      .filter((a) => a.subjectId === e.id)
      .map((a) => ({ id: a.id, name: a.reviewer.name, status: a.status })),
    objections: objections.filter((o) => o.entryId === e.id),
  }));
}

/** The organization's view: results once published, and the open self-assessment's leaves. */
export async function orgProjectEvaluations(projectId: string) {
  const evaluations = (await listOf(projectId)).map((e) => {
    const published = ["PUBLICITY", "FINAL"].includes(e.status);
    return {
      ...e,
      score: published ? e.score : null,
      grade: published ? e.grade : null,
      expertTotal: null,
      record: null,
    };
  });
  const open = evaluationToSelfAssess(evaluations);
  if (!open) return { evaluations, open: null };
  const row = await prisma.grantEvaluation.findUniqueOrThrow({
    where: { id: open.id },
    select: { schemeId: true, selfScores: { select: { leafCode: true, score: true, note: true } } },
  });
  const tree = row.schemeId ? await loadSchemeTree(prisma, row.schemeId) : null;
  if (!tree) return { evaluations, open: null };
  const leaves = leavesOf(tree).map(({ code, title, points, method, items, evidence, bonus }) => ({
    code,
    title,
    points,
    method,
    items,
    evidence,
    bonus,
  }));
  const stored = new Map(row.selfScores.map((s) => [s.leafCode, s]));
  const defaults: Record<string, string | string[] | undefined> = { conclusion: open.conclusion ?? "" };
  for (const leaf of leaves) defaults[scoreField(leaf.code)] = leafDefault(leaf, stored.get(leaf.code));
  return { evaluations, open: { ...open, schemeTitle: tree.title, leaves, defaults } };
}
