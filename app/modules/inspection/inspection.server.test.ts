import { describe, expect, test } from "vitest";
import { shanghaiMidnight } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { markMissed } from "./missed.server";
import { saveOrgReport } from "./reports.server";
import { concludeReport } from "./review.server";
import { openRound } from "./rounds.server";
import { inspectionStatsByYear } from "./stats.server";

async function makeOrg(
  name: string,
  data: { type?: string; status?: string; registeredAt?: Date | null; member?: boolean } = {},
) {
  const org = await prisma.organization.create({
    data: {
      name,
      type: data.type ?? "SOCIAL_SERVICE",
      status: data.status ?? "REGISTERED",
      registeredAt: data.registeredAt === undefined ? shanghaiMidnight(2020, 1, 1) : data.registeredAt,
    },
    select: { id: true },
  });
  if (data.member !== false) {
    const user = await prisma.user.create({
      data: {
        email: `${Math.random()}@example.com`,
        name: "成员",
        role: "ORG_MEMBER",
        memberships: { create: { organizationId: org.id, role: "OWNER" } },
      },
      select: { id: true },
    });
    return { ...org, userId: user.id };
  }
  return { ...org, userId: null };
}

async function makeAdmin() {
  return prisma.user.create({
    data: { email: `admin-${Math.random()}@example.com`, name: "管理员", role: "ADMIN" },
    select: { id: true },
  });
}

const round2025 = {
  year: 2025,
  deadline: new Date("2026-05-31T15:59:59.999Z"),
  foundationDeadline: new Date("2026-03-31T15:59:59.999Z"),
};

describe("opening a round", () => {
  test("lists who must report, marks the exempt and notifies members; a second opening is refused", async () => {
    const admin = await makeAdmin();
    const old = await makeOrg("老机构");
    const recent = await makeOrg("新机构", { registeredAt: shanghaiMidnight(2025, 9, 1) });
    await makeOrg("筹备中机构", { status: "PREPARING", registeredAt: null });
    await makeOrg("明年登记机构", { registeredAt: shanghaiMidnight(2026, 2, 1) });

    const result = await openRound({ ...round2025, actorId: admin.id, now: new Date("2026-01-05T00:00:00Z") });
    expect(result).toMatchObject({ ok: true, obligated: 1, exempt: 1 });

    const reports = await prisma.inspectionReport.findMany({
      select: { organizationId: true, status: true, exemptReason: true },
    });
    expect(reports).toHaveLength(2);
    expect(reports.find((r) => r.organizationId === old.id)?.status).toBe("PENDING");
    expect(reports.find((r) => r.organizationId === recent.id)).toMatchObject({
      status: "EXEMPT",
      exemptReason: expect.stringContaining("不满6个月"),
    });
    expect(await prisma.notification.count({ where: { userId: old.userId! } })).toBe(1);
    expect(
      await prisma.notification.count({ where: { userId: recent.userId!, title: { contains: "免于年检" } } }),
    ).toBe(1);

    const again = await openRound({ ...round2025, actorId: admin.id });
    expect(again).toEqual({ ok: false, fieldErrors: { year: ["2025年度的年检已经开启，不能重复开启"] } });
    expect(await prisma.inspectionReport.count()).toBe(2);
  });
});

describe("marking 未参检", () => {
  test("marks unfiled reports after the deadline once; running it twice changes nothing the second time", async () => {
    const admin = await makeAdmin();
    const pending = await makeOrg("未填报机构");
    const draft = await makeOrg("草稿机构");
    const submitted = await makeOrg("已提交机构");
    const opened = await openRound({ ...round2025, actorId: admin.id });
    if (!opened.ok) throw new Error("round not opened");
    await prisma.inspectionReport.updateMany({ where: { organizationId: draft.id }, data: { status: "DRAFT" } });
    await prisma.inspectionReport.updateMany({
      where: { organizationId: submitted.id },
      data: { status: "SUBMITTED", submittedAt: new Date() },
    });

    await expect(
      markMissed({ roundId: opened.roundId, actorId: admin.id, now: new Date("2026-03-01T00:00:00Z") }),
    ).rejects.toThrow("尚未到");

    const after = new Date("2026-06-01T00:00:00Z");
    const first = await markMissed({ roundId: opened.roundId, actorId: admin.id, now: after });
    expect(first).toEqual({ changed: 2, closed: true });

    const snapshot = async () => ({
      reports: await prisma.inspectionReport.findMany({
        orderBy: { id: "asc" },
        select: { id: true, status: true, conclusion: true, concludedAt: true, updatedAt: true },
      }),
      audits: await prisma.auditEvent.count(),
      rectifications: await prisma.rectification.count(),
      notifications: await prisma.notification.count(),
      round: await prisma.inspectionRound.findUnique({
        where: { id: opened.roundId },
        select: { status: true, missedMarkedAt: true },
      }),
    });
    const before = await snapshot();
    expect(before.reports.filter((r) => r.status === "MISSED")).toHaveLength(2);
    expect(before.reports.filter((r) => r.conclusion === "MISSED")).toHaveLength(2);
    expect(before.rectifications).toBe(2);
    expect(await prisma.auditEvent.count({ where: { action: "inspection.transition", toState: "MISSED" } })).toBe(2);
    expect(await prisma.notification.count({ where: { userId: pending.userId!, title: { contains: "未参检" } } })).toBe(
      1,
    );
    expect(
      await prisma.notification.count({ where: { userId: submitted.userId!, title: { contains: "未参检" } } }),
    ).toBe(0);

    const second = await markMissed({
      roundId: opened.roundId,
      actorId: admin.id,
      now: new Date("2026-06-02T00:00:00Z"),
    });
    expect(second).toEqual({ changed: 0, closed: false });
    expect(await snapshot()).toEqual(before);
  });

  test("marks foundations after their earlier deadline while others may still file", async () => {
    const admin = await makeAdmin();
    const foundation = await makeOrg("某基金会", { type: "FOUNDATION" });
    const group = await makeOrg("某协会", { type: "SOCIAL_GROUP" });
    const opened = await openRound({ ...round2025, actorId: admin.id });
    if (!opened.ok) throw new Error("round not opened");
    const result = await markMissed({
      roundId: opened.roundId,
      actorId: admin.id,
      now: new Date("2026-04-15T00:00:00Z"),
    });
    expect(result).toEqual({ changed: 1, closed: false });
    const statuses = await prisma.inspectionReport.findMany({ select: { organizationId: true, status: true } });
    expect(statuses.find((s) => s.organizationId === foundation.id)?.status).toBe("MISSED");
    expect(statuses.find((s) => s.organizationId === group.id)?.status).toBe("PENDING");
  });
});

describe("concluding and statistics", () => {
  test("基本合格 opens a rectification; statistics count by year and conclusion", async () => {
    const admin = await makeAdmin();
    const a = await makeOrg("甲机构");
    const b = await makeOrg("乙机构");
    await makeOrg("丙机构");
    const opened = await openRound({ ...round2025, actorId: admin.id });
    if (!opened.ok) throw new Error("round not opened");
    await prisma.inspectionReport.updateMany({
      where: { organizationId: { in: [a.id, b.id] } },
      data: { status: "SUBMITTED" },
    });
    const [ra, rb] = await Promise.all(
      [a, b].map((o) =>
        prisma.inspectionReport.findFirstOrThrow({ where: { organizationId: o.id }, select: { id: true } }),
      ),
    );
    await expect(
      concludeReport({ reportId: ra!.id, conclusion: "BASIC", reason: " ", actorId: admin.id }),
    ).rejects.toThrow("必须填写理由");
    const now = new Date("2026-07-01T02:00:00Z");
    await concludeReport({ reportId: ra!.id, conclusion: "BASIC", reason: "财务制度不健全", actorId: admin.id, now });
    await concludeReport({ reportId: rb!.id, conclusion: "QUALIFIED", actorId: admin.id, now });
    const rect = await prisma.rectification.findFirstOrThrow({
      where: { organizationId: a.id },
      select: { status: true, dueAt: true, requirement: true },
    });
    expect(rect).toEqual({
      status: "OPEN",
      requirement: "财务制度不健全",
      dueAt: new Date("2026-09-29T15:59:59.999Z"),
    });
    expect(await prisma.rectification.count({ where: { organizationId: b.id } })).toBe(0);
    await markMissed({ roundId: opened.roundId, actorId: admin.id, now: new Date("2026-06-01T00:00:00Z") });

    const [stats] = await inspectionStatsByYear();
    expect(stats).toMatchObject({
      year: 2025,
      obligated: 3,
      tookPart: 2,
      qualified: 1,
      basic: 1,
      unqualified: 0,
      missed: 1,
      pending: 0,
    });
  });
});

describe("filing the report", () => {
  const data = { activitiesSummary: "开展活动 12 场", incomeTotal: 0 };

  test("refuses submission after the deadline with a clear message, but a returned report may be resubmitted", async () => {
    const admin = await makeAdmin();
    const org = await makeOrg("逾期机构");
    const opened = await openRound({ ...round2025, actorId: admin.id });
    if (!opened.ok) throw new Error("round not opened");
    const report = await prisma.inspectionReport.findFirstOrThrow({
      where: { organizationId: org.id },
      select: { id: true },
    });
    const input = { organizationId: org.id, reportId: report.id, actorId: org.userId!, data, auditRequired: false };
    const late = new Date("2026-06-01T00:00:00Z");

    await saveOrgReport({ ...input, intent: "draft", now: late });
    const refused = await saveOrgReport({ ...input, intent: "submit", now: late });
    expect(refused).toEqual({
      ok: false,
      formErrors: ["2025年度报告的提交截止日期（2026年5月31日）已过，不能再提交。请联系登记管理机关。"],
    });
    expect(
      (await prisma.inspectionReport.findUniqueOrThrow({ where: { id: report.id }, select: { status: true } })).status,
    ).toBe("DRAFT");

    await prisma.inspectionReport.update({ where: { id: report.id }, data: { status: "RETURNED" } });
    await saveOrgReport({ ...input, intent: "submit", now: late });
    expect(
      (await prisma.inspectionReport.findUniqueOrThrow({ where: { id: report.id }, select: { status: true } })).status,
    ).toBe("SUBMITTED");
  });

  test("requires a foundation's audit report, and files an open rectification together with the report", async () => {
    const admin = await makeAdmin();
    const org = await makeOrg("某基金会", { type: "FOUNDATION" });
    const opened = await openRound({ ...round2025, actorId: admin.id });
    if (!opened.ok) throw new Error("round not opened");
    const report = await prisma.inspectionReport.findFirstOrThrow({
      where: { organizationId: org.id },
      select: { id: true },
    });
    const rectification = await prisma.rectification.create({
      data: {
        reportId: report.id,
        organizationId: org.id,
        requirement: "完善财务制度",
        dueAt: new Date("2026-09-01T00:00:00Z"),
      },
      select: { id: true },
    });
    const input = {
      organizationId: org.id,
      reportId: report.id,
      actorId: org.userId!,
      intent: "submit" as const,
      now: new Date("2026-03-01T00:00:00Z"),
    };

    expect(await saveOrgReport({ ...input, data, auditRequired: true })).toEqual({
      ok: false,
      fieldErrors: { auditReport: ["基金会须上传审计报告"] },
    });
    await saveOrgReport({
      ...input,
      data: { ...data, rectificationReport: "已修订财务管理制度。" },
      auditRequired: false,
    });
    const rect = await prisma.rectification.findUniqueOrThrow({
      where: { id: rectification.id },
      select: { status: true, reportText: true },
    });
    expect(rect).toEqual({ status: "SUBMITTED", reportText: "已修订财务管理制度。" });
    expect(
      await prisma.auditEvent.count({
        where: { entityType: "Rectification", entityId: rectification.id, toState: "SUBMITTED" },
      }),
    ).toBe(1);
  });
});
