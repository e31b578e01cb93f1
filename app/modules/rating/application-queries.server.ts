// Reads of rating applications: what the organization sees on /org/rating, one application
// with its scheme tree, self-scores and evidence (for the organization, staff and the sheet).
import { leavesOf, scoreSheet } from "~/modules/indicators/scheme";
import { loadSchemeTree } from "~/modules/indicators/scheme.server";
import { prisma } from "~/utils/db.server";
import { parseEligibility } from "./eligibility";
import { ratingEligibility } from "./eligibility.server";
import { EVIDENCE_PREFIX, RATING_SUBJECT_TYPE } from "./labels";
import { recordLeavesOf, withRecordScores } from "./record-sources";
import { sheetRecordScores } from "./record-sources.server";
import { isRulesVersion } from "./rules-version";

/** Rounds open for applications to this organization's type, each with its eligibility or application. */
export async function orgRatingOverview(organization: { id: string; type: string }, now = new Date()) {
  const [rounds, applications] = await Promise.all([
    prisma.ratingRound.findMany({
      where: { status: "OPEN", schemes: { some: { orgType: organization.type } } },
      orderBy: { applyClosesAt: "asc" },
      select: { id: true, title: true, year: true, rulesVersion: true, applyOpensAt: true, applyClosesAt: true },
    }),
    prisma.ratingApplication.findMany({
      where: { organizationId: organization.id },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, roundId: true, status: true, submittedAt: true, round: { select: { title: true } } },
    }),
  ]);
  const applied = new Set(applications.map((a) => a.roundId));
  const pending = rounds.filter((r) => !applied.has(r.id));
  // One check per rules version in use (a round's eligibility depends only on its version).
  const versions = [...new Set(pending.map((r) => (isRulesVersion(r.rulesVersion) ? r.rulesVersion : "2026")))];
  const checks = new Map(
    await Promise.all(
      versions.map(async (v) => [v, await ratingEligibility(prisma, organization.id, v, now)] as const),
    ),
  );
  const open = pending.map((round) => ({
    ...round,
    windowOpen: round.applyOpensAt <= now && now <= round.applyClosesAt,
    eligibility: checks.get(isRulesVersion(round.rulesVersion) ? round.rulesVersion : "2026")!,
  }));
  return { open, applications };
}

/** One application with everything its pages show: round, scheme tree, self-scores, evidence. */
export async function loadRatingApplication(applicationId: string) {
  const app = await prisma.ratingApplication.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      roundId: true,
      organizationId: true,
      schemeId: true,
      status: true,
      eligibility: true,
      recordScores: true,
      selfTotal: true,
      expertTotal: true,
      committeeTotal: true,
      finalScore: true,
      finalGrade: true,
      returnNote: true,
      rejectReason: true,
      submittedAt: true,
      organization: { select: { name: true, type: true } },
      round: {
        select: { id: true, title: true, status: true, rulesVersion: true, applyClosesAt: true, blind: true },
      },
      selfScores: { select: { leafCode: true, score: true, note: true } },
    },
  });
  if (!app) return null;
  const [tree, evidence] = await Promise.all([
    loadSchemeTree(prisma, app.schemeId),
    prisma.attachment.findMany({
      where: { subjectType: RATING_SUBJECT_TYPE, subjectId: app.id, purpose: { startsWith: EVIDENCE_PREFIX } },
      orderBy: { createdAt: "asc" },
      select: { id: true, purpose: true, originalName: true, sizeBytes: true },
    }),
  ]);
  if (!tree) return null;
  // Leaves read from the organization's record count as scored: with the points stored at
  // submission once submitted, with the record as it stands while the self-assessment is a draft.
  const record = await sheetRecordScores(prisma, { ...app, roots: tree.roots })({ kind: "self" });
  const selfScores = new Map(app.selfScores.map((s) => [s.leafCode, s.score]));
  const sheet = scoreSheet(tree, withRecordScores(selfScores, record));
  const evidenceLeaves = new Set(evidence.map((e) => e.purpose.slice(EVIDENCE_PREFIX.length)));
  const blocks = sheet.byBlock.map((block) => {
    const root = tree.roots.find((r) => r.code === block.code)!;
    const leaves = leavesOf([root]);
    // The record is a record leaf's evidence: nothing to upload.
    return { ...block, withEvidence: leaves.filter((l) => evidenceLeaves.has(l.code) || record.has(l.code)).length };
  });
  const recordLeaves = recordLeavesOf(tree.roots, record);
  const { recordScores: _stored, ...shown } = app;
  return { ...shown, eligibility: parseEligibility(app.eligibility), tree, evidence, sheet, blocks, recordLeaves };
}

export type RatingApplicationDetail = NonNullable<Awaited<ReturnType<typeof loadRatingApplication>>>;

/** The guard of an organization's own application: true when it exists and belongs to the organization. */
export async function isOwnRatingApplication(applicationId: string, organizationId: string) {
  const row = await prisma.ratingApplication.findFirst({
    where: { id: applicationId, organizationId },
    select: { id: true },
  });
  return row != null;
}
