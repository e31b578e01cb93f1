import { describe, expect, test } from "vitest";
import { defineRows } from "~/modules/indicators/define";
import { createScheme, loadSchemeTree } from "~/modules/indicators/scheme.server";
import { leavesOf } from "~/modules/indicators/tree";
import { prisma } from "~/utils/db.server";
import { RATING_SCHEMES } from "../../../prisma/seed-parts/indicator-schemes";
import { announceRound } from "./announce.server";
import { recordMeeting, recordVote, setCommitteeScore } from "./committee.server";
import { decideReviewRequest, fileReviewRequest, publishResults } from "./publicity.server";

const sh = (value: string) => new Date(`${value}+08:00`);
const BANDS = JSON.stringify([
  { grade: 5, min: 900 },
  { grade: 4, min: 800 },
  { grade: 3, min: 700 },
  { grade: 2, min: 600 },
  { grade: 1, min: 500 },
]);

async function arrange() {
  const demo = RATING_SCHEMES[0];
  const { defs: _defs, ...meta } = demo;
  const rows = defineRows(demo.defs);
  const scheme = await prisma.$transaction((tx) =>
    createScheme(
      tx,
      { ...meta, subtype: null, totalPoints: rows.totalPoints, rules: rows.rules, createdById: null },
      rows.rows,
    ),
  );
  const tree = (await loadSchemeTree(prisma, scheme.id))!;
  const admin = await prisma.user.create({ data: { email: "a@t.local", name: "管理员", role: "ADMIN" } });
  const expert = await prisma.user.create({ data: { email: "e@t.local", name: "专家", role: "REVIEWER" } });
  const member = await prisma.user.create({ data: { email: "m@t.local", name: "成员", role: "ORG_MEMBER" } });
  const org = await prisma.organization.create({
    data: {
      name: "评估测试协会",
      type: "SOCIAL_GROUP",
      status: "REGISTERED",
      memberships: { create: { userId: member.id } },
    },
  });
  const round = await prisma.ratingRound.create({
    data: {
      year: 2026,
      title: "2026年度社会组织等级评估",
      rulesVersion: "2026",
      bands: BANDS,
      applyOpensAt: sh("2026-03-01T00:00:00"),
      applyClosesAt: sh("2026-05-01T00:00:00"),
      reviewEndsAt: sh("2026-08-01T00:00:00"),
      committeeMembers: 7,
      publicityDays: 7,
      status: "COMMITTEE",
    },
  });
  const application = await prisma.ratingApplication.create({
    data: { roundId: round.id, organizationId: org.id, schemeId: scheme.id, status: "SCORED" },
  });
  // The expert gives every base leaf its full points.
  const leaves = leavesOf(tree.roots).filter((l) => !l.bonus);
  await prisma.reviewAssignment.create({
    data: {
      subjectType: "RatingApplication",
      subjectId: application.id,
      roundId: round.id,
      reviewerId: expert.id,
      status: "SUBMITTED",
      scores: { create: leaves.map((l) => ({ criterionId: l.code, score: l.points })) },
    },
  });
  return { admin, member, org, round, application, leaves };
}

describe("committee, 公示 with 复核, 公告", () => {
  test("quorum and the vote of all members decide; a 复核 changes the grade; the announcement writes the grade and certificate", async () => {
    const { admin, member, org, round, application, leaves } = await arrange();

    expect(
      await recordMeeting({
        roundId: round.id,
        heldAt: new Date(),
        membersPresent: 4,
        presentNames: "甲乙丙丁",
        actorId: admin.id,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { membersPresent: [expect.stringMatching(/至少 5 人/)] } });
    const meeting = await recordMeeting({
      roundId: round.id,
      heldAt: new Date(),
      membersPresent: 5,
      presentNames: "甲\n乙\n丙\n丁\n戊",
      actorId: admin.id,
    });
    if (!meeting.ok) throw new Error("meeting refused");

    // The committee takes 150 points off one leaf: 850 → 4A.
    const big = leaves.find((l) => l.points >= 20)!;
    expect(
      await setCommitteeScore({
        applicationId: application.id,
        leafCode: big.code,
        score: big.points - 150,
        reason: "x",
        actorId: admin.id,
      }),
    ).toMatchObject({ ok: false });
    const other = leaves.filter((l) => l.code !== big.code);
    const off = other.slice(0, 15);
    let taken = 0;
    for (const leaf of off) {
      await setCommitteeScore({
        applicationId: application.id,
        leafCode: leaf.code,
        score: 0,
        reason: "材料不实",
        actorId: admin.id,
      });
      taken += leaf.points;
    }
    const expected = 1000 - taken;

    // 3 of 5 present is not more than half of all 7 members.
    expect(
      await recordVote({
        meetingId: meeting.meetingId,
        applicationId: application.id,
        inFavor: 3,
        against: 2,
        abstain: 0,
        actorId: admin.id,
      }),
    ).toEqual({
      ok: true,
      passed: false,
      grade: expect.anything(),
    });
    expect((await prisma.ratingApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("SCORED");
    const vote = await recordVote({
      meetingId: meeting.meetingId,
      applicationId: application.id,
      inFavor: 4,
      against: 1,
      abstain: 0,
      actorId: admin.id,
    });
    expect(vote).toMatchObject({ ok: true, passed: true });
    const decided = await prisma.ratingApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(decided).toMatchObject({ status: "DECIDED", finalScore: expected });

    const now = sh("2026-09-01T10:00:00");
    await publishResults({ roundId: round.id, actorId: admin.id, now });
    const filed = await fileReviewRequest({
      applicationId: application.id,
      organizationId: org.id,
      reasons: "扣分有误",
      actorId: member.id,
      now: sh("2026-09-03T10:00:00"),
    });
    if (!filed.ok) throw new Error("review refused");
    expect(filed.dueAt.toISOString()).toBe(new Date(sh("2026-09-19T00:00:00").getTime() - 1).toISOString());
    await expect(
      announceRound({ roundId: round.id, actorId: admin.id, now: sh("2026-09-20T00:00:00") }),
    ).rejects.toThrow(/复核申请未作出决定/);
    await decideReviewRequest({
      requestId: filed.requestId,
      outcome: "CHANGED",
      grade: 4,
      note: "复核后调整",
      actorId: admin.id,
    });
    // A decided 复核 is final: the organization cannot file another one.
    expect(
      await fileReviewRequest({
        applicationId: application.id,
        organizationId: org.id,
        reasons: "再次申请",
        actorId: member.id,
        now: sh("2026-09-04T10:00:00"),
      }),
    ).toMatchObject({ ok: false, formErrors: [expect.stringMatching(/已申请过复核/)] });
    await expect(
      announceRound({ roundId: round.id, actorId: admin.id, now: sh("2026-09-05T00:00:00") }),
    ).rejects.toThrow(/公示期满/);
    await announceRound({ roundId: round.id, actorId: admin.id, now: sh("2026-09-20T10:00:00") });

    const grade = await prisma.organizationGrade.findFirstOrThrow({ where: { organizationId: org.id } });
    expect(grade.grade).toBe(4);
    expect(grade.validFrom.toISOString()).toBe(sh("2027-01-01T00:00:00").toISOString());
    const certificate = await prisma.ratingCertificate.findFirstOrThrow({ where: { organizationId: org.id } });
    expect(certificate).toMatchObject({ grade: 4, number: "PG2026-0001" });
    expect((await prisma.ratingApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "ANNOUNCED",
    );
  });
});
