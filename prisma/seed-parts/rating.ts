// Demo rating round (#12): a round OPEN today on the demo schemes, with the demo organization's
// self-assessment in DRAFT, one organization's application SUBMITTED (waiting for the staff
// check) and one ACCEPTED whose expert tasks for the demo expert fall due in the coming days.
// Every date is relative to the day the seed runs. (The announced and 公示 rounds are
// rating-results'.)
import type { PrismaClient } from "~/generated/prisma/client";
import { valuesInForce } from "~/modules/config/rules";
import type { RecordScore } from "~/modules/indicators/record-sources";
import { allowedScores, leavesOf, scoreSheet, type IndicatorTreeNode } from "~/modules/indicators/scheme";
import { freezeScheme, loadSchemeTree } from "~/modules/indicators/scheme.server";
import { defaultBands } from "~/modules/rating/bands";
import { parseRecordSnapshots, storeSnapshot, takeSnapshot } from "~/modules/rating/record-snapshot";
import { isRatingRecordLeaf, withRecordScores } from "~/modules/rating/record-sources";
import { applicationRecordScores } from "~/modules/rating/record-sources.server";
import { RULES_VERSIONS } from "~/modules/rating/rules-version";
import { gradeRowInForce } from "~/modules/registry/grade";
import { addDays, shanghaiParts } from "~/utils/dates";

const SCHEME_KEYS = {
  SOCIAL_GROUP: "rating-social-group",
  SOCIAL_SERVICE: "rating-social-service",
  FOUNDATION: "rating-foundation",
} as const;

/** A plausible self-score: full marks mostly, a tier or an item less now and then. */
function demoScore(leaf: IndicatorTreeNode, i: number) {
  if (i % 4 !== 3) return leaf.points;
  const allowed = allowedScores(leaf);
  if (allowed) return allowed[1] ?? allowed[0];
  if (leaf.method === "CHECKLIST" && leaf.items.length > 1) {
    return leaf.points - (leaf.items[leaf.items.length - 1].points ?? 0);
  }
  return Math.floor(leaf.points * 0.8 * 2) / 2;
}

export async function seedRating(prisma: PrismaClient) {
  const today = new Date();
  const { year } = shanghaiParts(today);
  const title = `${year}年度社会组织等级评估`;
  if (await prisma.ratingRound.findFirst({ where: { title }, select: { id: true } })) return;

  const [admin, expert, demoMember, schemes, ruleRows] = await Promise.all([
    prisma.user.findFirst({ where: { email: "admin@yimiao.demo" }, select: { id: true } }),
    prisma.user.findFirst({ where: { email: "expert@yimiao.demo" }, select: { id: true } }),
    prisma.membership.findFirst({
      where: { user: { email: "org@yimiao.demo" } },
      select: { organization: { select: { id: true, type: true } } },
    }),
    prisma.indicatorScheme.findMany({
      where: { key: { in: Object.values(SCHEME_KEYS) } },
      orderBy: { version: "desc" },
      select: { id: true, key: true },
    }),
    prisma.ruleParameter.findMany({ select: { key: true, value: true, effectiveFrom: true } }),
  ]);
  const rules = valuesInForce(ruleRows, today);
  const schemeOf = (orgType: keyof typeof SCHEME_KEYS) => schemes.find((s) => s.key === SCHEME_KEYS[orgType])?.id;
  const roundSchemes = (Object.keys(SCHEME_KEYS) as (keyof typeof SCHEME_KEYS)[]).flatMap((orgType) => {
    const schemeId = schemeOf(orgType);
    return schemeId ? [{ orgType, schemeId }] : [];
  });
  if (roundSchemes.length === 0) return;

  const round = await prisma.$transaction(async (tx) => {
    const created = await tx.ratingRound.create({
      data: {
        year,
        title,
        rulesVersion: RULES_VERSIONS[1],
        bands: JSON.stringify(defaultBands(rules)),
        applyOpensAt: addDays(today, -10),
        applyClosesAt: addDays(today, 20),
        reviewEndsAt: addDays(today, 50),
        reviewersPerApplication: 2,
        publicityDays: rules["rating.publicityDays"],
        committeeMembers: rules["rating.committeeMembers"],
        status: "OPEN",
        createdById: admin?.id ?? null,
        schemes: { create: roundSchemes },
      },
      select: { id: true },
    });
    for (const s of roundSchemes) await freezeScheme(tx, s.schemeId);
    return created;
  });

  // Organizations registered long enough, without a grade in force, of a type the round rates.
  const candidates = await prisma.organization.findMany({
    where: {
      status: "REGISTERED",
      type: { in: roundSchemes.map((s) => s.orgType) },
      registeredAt: { lt: addDays(today, -3 * 365) },
      id: { not: demoMember?.organization.id },
    },
    orderBy: { name: "asc" },
    take: 10,
    select: {
      id: true,
      type: true,
      grades: { select: { grade: true, announcedAt: true, validFrom: true, validTo: true } },
    },
  });
  const ungraded = candidates.filter((o) => !gradeRowInForce(o.grades, today));
  const [submitted, accepted] = ungraded;
  const trees = new Map<string, NonNullable<Awaited<ReturnType<typeof loadSchemeTree>>>>();
  for (const s of roundSchemes) {
    const tree = await loadSchemeTree(prisma, s.schemeId);
    if (tree) trees.set(s.orgType, tree);
  }

  async function apply(org: { id: string; type: string }, status: string, share: number, submittedDaysAgo: number) {
    const tree = trees.get(org.type);
    if (!tree) return null;
    // Leaves computed from the record are never typed (decision 025).
    const typed = leavesOf(tree).filter((leaf) => !isRatingRecordLeaf(leaf));
    const leaves = typed.slice(0, Math.ceil(typed.length * share));
    const scores = leaves.map((leaf, i) => ({ leafCode: leaf.code, score: demoScore(leaf, i) }));
    const submittedAt = status === "DRAFT" ? null : addDays(today, -submittedDaysAgo);
    // A submitted self total counts the record as it stood at submission, stored with it (decision 031).
    const record = submittedAt
      ? await applicationRecordScores(prisma, { organizationId: org.id, roots: tree.roots }, submittedAt)
      : new Map<string, RecordScore>();
    const total = scoreSheet(tree, withRecordScores(new Map(scores.map((s) => [s.leafCode, s.score])), record)).total;
    return prisma.ratingApplication.create({
      data: {
        roundId: round.id,
        organizationId: org.id,
        schemeId: tree.id,
        status,
        submittedAt,
        selfTotal: submittedAt ? total : null,
        recordScores: submittedAt
          ? storeSnapshot(parseRecordSnapshots(null), { kind: "self" }, takeSnapshot(record, submittedAt))
          : null,
        eligibility: submittedAt
          ? JSON.stringify({ eligible: true, reasons: [], rulesVersion: "2026", checkedAt: submittedAt.toISOString() })
          : null,
        selfScores: { create: scores.map((s) => ({ ...s, note: "{}" })) },
      },
      select: { id: true },
    });
  }

  if (demoMember) await apply(demoMember.organization, "DRAFT", 0.4, 0);
  if (submitted) await apply(submitted, "SUBMITTED", 1, 2);
  const acceptedApp = accepted ? await apply(accepted, "ACCEPTED", 1, 6) : null;
  if (acceptedApp && expert) {
    await prisma.reviewAssignment.create({
      data: {
        subjectType: "RatingApplication",
        subjectId: acceptedApp.id,
        roundId: round.id,
        reviewerId: expert.id,
        dueAt: addDays(today, 5),
      },
    });
  }
}
