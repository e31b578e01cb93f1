import { beforeEach, describe, expect, test } from "vitest";
import { concludeReport } from "~/modules/inspection/review.server";
import { gradeValidity } from "~/modules/registry/grade";
import { prisma } from "~/utils/db.server";
import { issueCertificate, markCertificateReturned } from "./certificate.server";
import { decideGradeAction } from "./downgrade.server";
import { decideCheck, drawFollowUpSample } from "./follow-up.server";

const sh = (value: string) => new Date(`${value}+08:00`);
const NOW = sh("2026-06-10T10:00:00");

let adminId: string;

async function gradedOrg(name: string, grade: number) {
  const org = await prisma.organization.create({
    data: {
      name,
      type: "SOCIAL_GROUP",
      status: "REGISTERED",
      registeredAt: sh("2015-01-01T00:00:00"),
      currentGrade: grade,
    },
    select: { id: true },
  });
  const announcedAt = sh("2024-11-20T00:00:00");
  const row = await prisma.organizationGrade.create({
    data: { organizationId: org.id, grade, announcedAt, ...gradeValidity(announcedAt) },
    select: { id: true, organizationId: true, grade: true, validFrom: true, validTo: true },
  });
  await prisma.$transaction((tx) => issueCertificate(tx, row, announcedAt, adminId));
  return org;
}

async function report(orgId: string, year: number, status: string, conclusion: string | null) {
  const round = await prisma.inspectionRound.upsert({
    where: { year },
    create: { year, deadline: sh(`${year + 1}-05-31T23:59:59`), foundationDeadline: sh(`${year + 1}-03-31T23:59:59`) },
    update: {},
    select: { id: true },
  });
  return prisma.inspectionReport.create({
    data: { roundId: round.id, organizationId: orgId, year, status, conclusion },
    select: { id: true },
  });
}

beforeEach(async () => {
  adminId = (
    await prisma.user.create({ data: { email: "a@test.local", name: "管理员", role: "ADMIN" }, select: { id: true } })
  ).id;
});

describe("downgrade for cause", () => {
  test("a second 基本合格 proposes a downgrade; confirming lowers the grade, asks the certificate back and issues the new one", async () => {
    const org = await gradedOrg("连续基本合格协会", 4);
    await report(org.id, 2024, "CONCLUDED", "BASIC");
    const r = await report(org.id, 2025, "SUBMITTED", null);
    await concludeReport({ reportId: r.id, conclusion: "BASIC", reason: "财务制度不健全", actorId: adminId, now: NOW });

    const action = await prisma.ratingGradeAction.findFirstOrThrow({
      where: { organizationId: org.id },
      select: { id: true, status: true, cause: true, fromGrade: true, toGrade: true, sourceId: true },
    });
    expect(action).toMatchObject({
      status: "PROPOSED",
      cause: "BASIC_TWICE",
      fromGrade: 4,
      toGrade: 3,
      sourceId: r.id,
    });

    await expect(
      decideGradeAction({ actionId: action.id, decision: "CONFIRMED", note: " ", actorId: adminId, now: NOW }),
    ).rejects.toThrow(/必须填写理由/);
    await decideGradeAction({
      actionId: action.id,
      decision: "CONFIRMED",
      note: "经核实属实",
      actorId: adminId,
      now: NOW,
    });

    const o = await prisma.organization.findUniqueOrThrow({ where: { id: org.id }, select: { currentGrade: true } });
    expect(o.currentGrade).toBe(3);
    const certificates = await prisma.ratingCertificate.findMany({
      where: { organizationId: org.id },
      orderBy: { issuedAt: "asc" },
      select: { id: true, grade: true, status: true, returnDueAt: true },
    });
    expect(certificates.map((c) => [c.grade, c.status])).toEqual([
      [4, "RETURN_DUE"],
      [3, "VALID"],
    ]);
    // due at the end of the 15th day in Shanghai
    expect(certificates[0].returnDueAt?.toISOString()).toBe(
      new Date(sh("2026-06-26T00:00:00").getTime() - 1).toISOString(),
    );
    await markCertificateReturned({ certificateId: certificates[0].id, actorId: adminId, now: NOW });
    expect(
      (
        await prisma.ratingCertificate.findUniqueOrThrow({
          where: { id: certificates[0].id },
          select: { status: true },
        })
      ).status,
    ).toBe("RETURNED");
    const audit = await prisma.auditEvent.findMany({
      where: { entityId: action.id },
      select: { action: true, toState: true },
    });
    expect(audit.map((a) => a.toState)).toEqual(["PROPOSED", "CONFIRMED"]);
  });

  test("a dismissed proposal leaves the grade; an ungraded organization gets no proposal", async () => {
    const org = await gradedOrg("不合格协会", 3);
    const r = await report(org.id, 2025, "SUBMITTED", null);
    await concludeReport({
      reportId: r.id,
      conclusion: "UNQUALIFIED",
      reason: "未按章程换届",
      actorId: adminId,
      now: NOW,
    });
    const action = await prisma.ratingGradeAction.findFirstOrThrow({
      where: { organizationId: org.id },
      select: { id: true },
    });
    await decideGradeAction({
      actionId: action.id,
      decision: "DISMISSED",
      note: "已整改到位",
      actorId: adminId,
      now: NOW,
    });
    const o = await prisma.organization.findUniqueOrThrow({ where: { id: org.id }, select: { currentGrade: true } });
    expect(o.currentGrade).toBe(3);

    const plain = await prisma.organization.create({
      data: { name: "无等级协会", type: "SOCIAL_GROUP", status: "REGISTERED" },
      select: { id: true },
    });
    const r2 = await report(plain.id, 2025, "SUBMITTED", null);
    await concludeReport({ reportId: r2.id, conclusion: "UNQUALIFIED", reason: "问题", actorId: adminId, now: NOW });
    expect(await prisma.ratingGradeAction.count({ where: { organizationId: plain.id } })).toBe(0);
  });
});

describe("跟踪评估", () => {
  test("the stored seed reproduces the draw; a check may cancel the grade", async () => {
    for (const [i, g] of [5, 4, 4, 3, 5].entries()) await gradedOrg(`机构${i}`, g);
    const first = await drawFollowUpSample({ size: 2, seed: "fixed-seed", actorId: adminId, now: NOW });
    const again = await drawFollowUpSample({ size: 2, seed: "fixed-seed", actorId: adminId, now: NOW });
    if (!first.ok || !again.ok) throw new Error("draw failed");
    const picked = async (sampleId: string) =>
      (await prisma.ratingCheck.findMany({ where: { sampleId }, select: { organizationId: true } }))
        .map((c) => c.organizationId)
        .sort();
    expect(await picked(first.sampleId)).toEqual(await picked(again.sampleId));
    const sample = await prisma.ratingCheckSample.findUniqueOrThrow({
      where: { id: first.sampleId },
      select: { population: true, seed: true },
    });
    expect(sample).toEqual({ population: 4, seed: "fixed-seed" });

    const check = await prisma.ratingCheck.findFirstOrThrow({
      where: { sampleId: first.sampleId },
      select: { id: true, organizationId: true },
    });
    await decideCheck({
      checkId: check.id,
      outcome: "CHANGED",
      toGrade: null,
      note: "挪用项目资金",
      actorId: adminId,
      now: NOW,
    });
    const o = await prisma.organization.findUniqueOrThrow({
      where: { id: check.organizationId },
      select: { currentGrade: true },
    });
    expect(o.currentGrade).toBeNull();
    const action = await prisma.ratingGradeAction.findFirstOrThrow({
      where: { sourceId: check.id },
      select: { status: true, kind: true },
    });
    expect(action).toEqual({ status: "CONFIRMED", kind: "CANCEL" });
  });
});
