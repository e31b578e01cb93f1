// The 评估委员会 meeting of a round: staff record who was present (quorum),
// the committee's leaf scores where they differ from the experts' (with a
// reason), and the vote on each scored application; a passed vote decides it
// (SCORED → DECIDED) with the final score and grade.
import { recordAudit } from "~/modules/audit/audit.server";
import { scoreSheet } from "~/modules/indicators/scheme";
import { loadSchemeTree } from "~/modules/indicators/scheme.server";
import { leavesOf } from "~/modules/indicators/tree";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { gradeLabel } from "~/modules/registry/grade";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Tx } from "~/utils/db.server";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { ratingApplicationWorkflow } from "./application-workflow";
import { parseBands } from "./bands";
import { finalLeafScores, gradeOfSheet, quorumMet, quorumOf, voteProblem, votePasses } from "./committee";
import { parseRecordSnapshots, storedRecordScores, storeSnapshot, takeSnapshot } from "./record-snapshot";
import { isRatingRecordLeaf, withRecordScores } from "./record-sources";
import { applicationRecordScores } from "./record-sources.server";

const SUBJECT_TYPE = "RatingApplication";
const FINAL = { kind: "final" } as const;

/**
 * The final sheet of one application: experts' mean per leaf, the committee's changes, total and
 * grade. Once decided, the record leaves show the points stored at the vote (decision 031); before,
 * the record as it stands `now`.
 */
export async function finalSheetOf(db: Tx | typeof prisma, applicationId: string, now = new Date()) {
  const application = await db.ratingApplication.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      id: true,
      schemeId: true,
      organizationId: true,
      status: true,
      recordScores: true,
      round: { select: { bands: true } },
      committeeScores: { select: { leafCode: true, score: true, reason: true } },
    },
  });
  const [tree, assignments] = await Promise.all([
    loadSchemeTree(db, application.schemeId),
    db.reviewAssignment.findMany({
      where: { subjectType: SUBJECT_TYPE, subjectId: applicationId, status: "SUBMITTED" },
      select: { scores: { select: { criterionId: true, score: true } } },
    }),
  ]);
  if (!tree) throw new WorkflowError("未找到该申请使用的评估指标体系", 400);
  const expert = new Map<string, number[]>();
  for (const a of assignments)
    for (const s of a.scores) expert.set(s.criterionId, [...(expert.get(s.criterionId) ?? []), s.score]);
  const committee = new Map(application.committeeScores.map((c) => [c.leafCode, c.score]));
  const stored = storedRecordScores(parseRecordSnapshots(application.recordScores), FINAL, {
    applicationStatus: application.status,
  });
  const record =
    stored ??
    (await applicationRecordScores(db, { organizationId: application.organizationId, roots: tree.roots }, now));
  const sheet = scoreSheet(tree, withRecordScores(finalLeafScores(expert, committee), record));
  const decision = gradeOfSheet(parseBands(application.round.bands), sheet);
  const leaves = leavesOf(tree.roots).map((leaf) => ({ code: leaf.code, title: leaf.title, points: leaf.points }));
  const snapshot = takeSnapshot(record, now);
  /** the record scores to store with the final score, as JSON */
  const recordScores = storeSnapshot(parseRecordSnapshots(application.recordScores), FINAL, snapshot);
  return { tree, leaves, expert, committeeScores: application.committeeScores, sheet, decision, recordScores };
}

/** Staff record the committee's score of one leaf, where it differs from the experts', with the reason. */
export async function setCommitteeScore(input: {
  applicationId: string;
  leafCode: string;
  score: number;
  reason: string;
  actorId: string;
  request?: Request;
}): Promise<WriteResult<{ leafCode: string }>> {
  const application = await prisma.ratingApplication.findUnique({
    where: { id: input.applicationId },
    select: { id: true, status: true, schemeId: true },
  });
  if (!application || application.status !== "SCORED") return fail("只能在委员会审定前调整专家评分完成的申请");
  const tree = await loadSchemeTree(prisma, application.schemeId);
  const leaf = tree ? leavesOf(tree.roots).find((l) => l.code === input.leafCode) : undefined;
  if (!leaf) return fail("没有这个末级指标", { field: "leafCode" });
  if (isRatingRecordLeaf(leaf)) return fail("本项按组织的记录计算得分，不能调整", { field: "leafCode" });
  if (input.score < 0 || input.score > leaf.points)
    return fail(`得分应在 0 至 ${leaf.points} 之间`, { field: "score" });
  await prisma.$transaction(async (tx) => {
    await tx.ratingCommitteeScore.upsert({
      where: { applicationId_leafCode: { applicationId: application.id, leafCode: leaf.code } },
      create: { applicationId: application.id, leafCode: leaf.code, score: input.score, reason: input.reason.trim() },
      update: { score: input.score, reason: input.reason.trim() },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "rating.committee_score",
      entityType: SUBJECT_TYPE,
      entityId: application.id,
      toState: `${leaf.code}=${input.score}`,
      reason: input.reason.trim(),
      request: input.request,
    });
  });
  return succeed({ leafCode: leaf.code });
}

/** Records the meeting; refused without a quorum (at least 2/3 of the round's committee). */
export async function recordMeeting(input: {
  roundId: string;
  heldAt: Date;
  membersPresent: number;
  presentNames: string;
  note?: string | null;
  actorId: string;
  request?: Request;
}): Promise<WriteResult<{ meetingId: string }>> {
  const round = await prisma.ratingRound.findUnique({
    where: { id: input.roundId },
    select: { id: true, status: true, committeeMembers: true },
  });
  if (!round) return fail("未找到该评估轮次", { status: 404 });
  if (round.status !== "COMMITTEE") return fail("只有处于「评估委员会审定」阶段的轮次才能登记委员会会议");
  if (!quorumMet(input.membersPresent, round.committeeMembers)) {
    return fail(
      `出席委员 ${input.membersPresent} 人，未达到全体委员（${round.committeeMembers} 人）的三分之二（至少 ${quorumOf(round.committeeMembers)} 人），会议不能作出决定`,
      { field: "membersPresent" },
    );
  }
  const meeting = await prisma.$transaction(async (tx) => {
    const meeting = await tx.ratingCommitteeMeeting.create({
      data: {
        roundId: round.id,
        heldAt: input.heldAt,
        membersPresent: input.membersPresent,
        presentNames: input.presentNames.trim(),
        note: input.note?.trim() || null,
        recordedById: input.actorId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "rating.committee_meeting",
      entityType: "RatingRound",
      entityId: round.id,
      reason: `评估委员会会议：出席 ${input.membersPresent}/${round.committeeMembers} 人`,
      request: input.request,
    });
    return meeting;
  });
  return succeed({ meetingId: meeting.id });
}

/**
 * The committee votes on one application at the meeting. Passed (more than
 * half of all members in favour): the application is DECIDED with its final
 * score and grade. Not passed: the vote is kept and the application stays SCORED.
 */
export async function recordVote(input: {
  meetingId: string;
  applicationId: string;
  inFavor: number;
  against: number;
  abstain: number;
  actorId: string;
  request?: Request;
  now?: Date;
}): Promise<WriteResult<{ passed: boolean; grade: number | null }>> {
  const now = input.now ?? new Date();
  const meeting = await prisma.ratingCommitteeMeeting.findUnique({
    where: { id: input.meetingId },
    select: { id: true, roundId: true, membersPresent: true },
  });
  const application = await prisma.ratingApplication.findUnique({
    where: { id: input.applicationId },
    select: {
      id: true,
      roundId: true,
      status: true,
      organizationId: true,
      round: { select: { committeeMembers: true, title: true } },
    },
  });
  if (!meeting || !application || meeting.roundId !== application.roundId) return fail("会议与申请不属于同一轮次");
  const problem = voteProblem(input, meeting.membersPresent);
  if (problem) return fail(problem, { field: "inFavor" });
  const passed = votePasses(input.inFavor, application.round.committeeMembers);
  const { sheet, decision, recordScores } = await finalSheetOf(prisma, application.id, now);
  await prisma.$transaction(async (tx) => {
    await tx.ratingCommitteeVote.create({
      data: {
        meetingId: meeting.id,
        applicationId: application.id,
        inFavor: input.inFavor,
        against: input.against,
        abstain: input.abstain,
        passed,
        finalScore: sheet.total,
        grade: decision.grade,
      },
    });
    const tally = `赞成 ${input.inFavor}、反对 ${input.against}、弃权 ${input.abstain}（全体委员 ${application.round.committeeMembers} 人）`;
    if (!passed) {
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "rating.committee_vote",
        entityType: SUBJECT_TYPE,
        entityId: application.id,
        reason: `表决未通过：${tally}`,
        request: input.request,
      });
      return;
    }
    await runTransition(tx, {
      workflow: ratingApplicationWorkflow,
      entityType: SUBJECT_TYPE,
      entityId: application.id,
      from: "SCORED",
      to: "DECIDED",
      actor: { id: input.actorId, role: "ADMIN" },
      reason: `表决通过（${tally}）：${sheet.total} 分，${gradeLabel(decision.grade)}`,
      request: input.request,
      apply: async () =>
        (
          await tx.ratingApplication.updateMany({
            where: { id: application.id, status: "SCORED" },
            data: {
              status: "DECIDED",
              committeeTotal: sheet.total,
              finalScore: sheet.total,
              recordScores,
              proposedGrade: decision.bandGrade,
              finalGrade: decision.grade,
              gradeCapNote: decision.note,
              decidedAt: now,
            },
          })
        ).count,
    });
    await notifyOrganization(tx, application.organizationId, {
      title: `${application.round.title}：评估委员会已审定`,
      body: `评估总分 ${sheet.total} 分，拟定等级 ${gradeLabel(decision.grade)}。结果将进行公示。`,
      link: "/org/rating/review",
    });
  });
  return succeed({ passed, grade: decision.grade });
}
