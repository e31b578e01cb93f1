// Demo rating results (#12): one round announced last year (grades 3A–5A in force
// with their certificates) and one round in 公示 today, where the demo organization
// may still file 复核. Both go through the module functions a member of staff would
// use (committee meeting and votes, 公示, 公告), at dates relative to the seed's today;
// only the expert scores before the committee are written directly.
import type { PrismaClient } from "~/generated/prisma/client";
import { valuesInForce } from "~/modules/config/rules";
import { leavesOf, scoreSheet, type SchemeTree } from "~/modules/indicators/scheme";
import { loadSchemeTree } from "~/modules/indicators/scheme.server";
import { announceRound } from "~/modules/rating/announce.server";
import { defaultBands } from "~/modules/rating/bands";
import { recordMeeting, recordVote } from "~/modules/rating/committee.server";
import { publishResults } from "~/modules/rating/publicity.server";
import { parseRecordSnapshots, storeSnapshot, takeSnapshot } from "~/modules/rating/record-snapshot";
import { isRatingRecordLeaf, withRecordScores } from "~/modules/rating/record-sources";
import { applicationRecordScores } from "~/modules/rating/record-sources.server";
import { RULES_VERSIONS } from "~/modules/rating/rules-version";
import { atShanghai, daysFromToday, lastYear, thisYear } from "./dates";

type Org = { id: string; type: string };
type Plan = { org: Org; quality: number };

/** Leaf score at a share of its maximum, to half points. */
const share = (points: number, quality: number) => Math.floor(points * quality * 2) / 2;

async function scoredApplication(
  prisma: PrismaClient,
  round: { id: string },
  tree: SchemeTree,
  plan: Plan,
  expertId: string,
  at: Date,
) {
  // Leaves computed from the record are never typed (decision 025).
  const leaves = leavesOf(tree).filter((leaf) => !isRatingRecordLeaf(leaf));
  const self = leaves.map((leaf) => ({ leafCode: leaf.code, score: leaf.points, note: "{}" }));
  const expert = leaves.map((leaf) => ({ criterionId: leaf.code, score: share(leaf.points, plan.quality) }));
  // The organization and the expert both counted the record as it stood that day (decision 031).
  const record = await applicationRecordScores(prisma, { organizationId: plan.org.id, roots: tree.roots }, at);
  const snapshot = takeSnapshot(record, at);
  const selfTotal = scoreSheet(tree, withRecordScores(new Map(self.map((s) => [s.leafCode, s.score])), record)).total;
  const expertScores = new Map(expert.map((s) => [s.criterionId, s.score]));
  const expertTotal = scoreSheet(tree, withRecordScores(expertScores, record)).total;
  const selfSnapshot = storeSnapshot(parseRecordSnapshots(null), { kind: "self" }, snapshot);
  const application = await prisma.ratingApplication.create({
    data: {
      roundId: round.id,
      organizationId: plan.org.id,
      schemeId: tree.id,
      status: "SCORED",
      submittedAt: at,
      selfTotal,
      expertTotal,
      recordScores: selfSnapshot,
      eligibility: JSON.stringify({ eligible: true, reasons: [], rulesVersion: "2026", checkedAt: at.toISOString() }),
      selfScores: { create: self },
    },
    select: { id: true },
  });
  const assignment = await prisma.reviewAssignment.create({
    data: {
      subjectType: "RatingApplication",
      subjectId: application.id,
      roundId: round.id,
      reviewerId: expertId,
      status: "SUBMITTED",
      submittedAt: at,
      comment: "现场查看了办公场所、财务凭证和会议记录。",
      scores: {
        create: expert.map((s) => ({
          ...s,
          note: s.score < leaves.find((l) => l.code === s.criterionId)!.points ? "材料不完整，酌情扣分" : null,
        })),
      },
    },
    select: { id: true },
  });
  await prisma.ratingApplication.update({
    where: { id: application.id },
    data: {
      recordScores: storeSnapshot(
        parseRecordSnapshots(selfSnapshot),
        { kind: "expert", assignmentId: assignment.id },
        snapshot,
      ),
    },
    select: { id: true },
  });
  return application;
}

export async function seedRatingResults(prisma: PrismaClient) {
  const announcedTitle = `${lastYear}年度社会组织等级评估（第一批）`;
  if (await prisma.ratingRound.findFirst({ where: { title: announcedTitle }, select: { id: true } })) return;
  const [admin, expert, demoMember, schemes, ruleRows, busy] = await Promise.all([
    prisma.user.findFirst({ where: { email: "admin@yimiao.demo" }, select: { id: true } }),
    prisma.user.findFirst({ where: { email: "expert@yimiao.demo" }, select: { id: true } }),
    prisma.membership.findFirst({
      where: { user: { email: "org@yimiao.demo" } },
      select: { organization: { select: { id: true, type: true } } },
    }),
    prisma.indicatorScheme.findMany({
      where: { purpose: "RATING", frozenAt: { not: null } },
      orderBy: { version: "desc" },
      select: { id: true, orgType: true },
    }),
    prisma.ruleParameter.findMany({ select: { key: true, value: true, effectiveFrom: true } }),
    prisma.ratingApplication.findMany({ select: { organizationId: true } }),
  ]);
  if (!admin || !expert || !demoMember) return;
  const trees = new Map<string, SchemeTree>();
  for (const s of schemes) {
    if (!s.orgType || trees.has(s.orgType)) continue;
    const tree = await loadSchemeTree(prisma, s.id);
    if (tree) trees.set(s.orgType, tree);
  }
  if (trees.size === 0) return;
  const candidates = (
    await prisma.organization.findMany({
      where: {
        status: "REGISTERED",
        type: { in: [...trees.keys()] },
        registeredAt: { lt: atShanghai(lastYear - 3, 1, 1) },
        id: { notIn: [demoMember.organization.id, ...busy.map((b) => b.organizationId)] },
        grades: { none: {} },
      },
      orderBy: { name: "asc" },
      take: 8,
      select: { id: true, type: true },
    })
  ).filter((o) => trees.has(o.type));
  if (candidates.length < 3) return;

  async function runRound(input: {
    title: string;
    year: number;
    opensAt: Date;
    plans: Plan[];
    committeeAt: Date;
    announceAt: Date | null;
  }) {
    const rules = valuesInForce(ruleRows, input.opensAt);
    const round = await prisma.ratingRound.create({
      data: {
        year: input.year,
        title: input.title,
        rulesVersion: RULES_VERSIONS[1],
        bands: JSON.stringify(defaultBands(rules)),
        applyOpensAt: input.opensAt,
        applyClosesAt: new Date(input.opensAt.getTime() + 30 * 86_400_000),
        reviewEndsAt: new Date(input.opensAt.getTime() + 60 * 86_400_000),
        reviewersPerApplication: 1,
        publicityDays: rules["rating.publicityDays"],
        committeeMembers: rules["rating.committeeMembers"],
        status: "COMMITTEE",
        createdById: admin!.id,
        schemes: { create: [...trees].map(([orgType, t]) => ({ orgType, schemeId: t.id })) },
      },
      select: { id: true, committeeMembers: true },
    });
    const applications = [];
    for (const plan of input.plans) {
      const tree = trees.get(plan.org.type);
      if (tree) applications.push(await scoredApplication(prisma, round, tree, plan, expert!.id, input.opensAt));
    }
    const members = round.committeeMembers;
    const meeting = await recordMeeting({
      roundId: round.id,
      heldAt: input.committeeAt,
      membersPresent: members,
      presentNames: "评估委员会全体委员",
      actorId: admin!.id,
    });
    if (!meeting.ok) throw new Error(`rating-results: ${JSON.stringify(meeting)}`);
    for (const a of applications) {
      const vote = await recordVote({
        meetingId: meeting.meetingId,
        applicationId: a.id,
        inFavor: members,
        against: 0,
        abstain: 0,
        actorId: admin!.id,
        now: input.committeeAt,
      });
      if (!vote.ok) throw new Error(`rating-results: ${JSON.stringify(vote)}`);
    }
    await publishResults({ roundId: round.id, actorId: admin!.id, now: input.committeeAt });
    if (input.announceAt) await announceRound({ roundId: round.id, actorId: admin!.id, now: input.announceAt });
  }

  const qualities = [0.95, 0.86, 0.76, 0.74, 0.9, 0.8];
  const [lastYearOrgs, thisYearOrgs] = [candidates.slice(0, 4), candidates.slice(4)];
  await runRound({
    title: announcedTitle,
    year: lastYear,
    opensAt: atShanghai(lastYear, 4, 1, "09:00"),
    plans: lastYearOrgs.map((org, i) => ({ org, quality: qualities[i] })),
    committeeAt: atShanghai(lastYear, 9, 10, "14:00"),
    announceAt: atShanghai(lastYear, 10, 15, "10:00"),
  });
  // In 公示 since two days ago: the demo organization's result can still be asked to 复核.
  await runRound({
    title: `${thisYear}年度社会组织等级评估（第一批）`,
    year: thisYear,
    opensAt: daysFromToday(-90, "09:00"),
    plans: [demoMember.organization, ...thisYearOrgs].map((org, i) => ({ org, quality: qualities[4 + (i % 2)] })),
    committeeAt: daysFromToday(-2, "14:00"),
    announceAt: null,
  });
}
