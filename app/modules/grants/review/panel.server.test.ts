import { describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { GRANT_SUBJECT_TYPE } from "../applications/application-form";
import {
  addReviewer,
  autoAssign,
  loadPanel,
  remindLate,
  reopenReview,
  replaceReviewer,
  updateReviewSettings,
} from "./panel.server";

const DAY = 86_400_000;
let n = 0;

async function user(role: string, name = `用户${++n}`) {
  return prisma.user.create({
    data: { email: `u${++n}-${Math.random()}@example.com`, name, role },
    select: { id: true, name: true },
  });
}

async function round({ apps = 2, reviewers = 3, k = 2 } = {}) {
  const admin = await user("ADMIN", "管理员");
  const now = Date.now();
  const call = await prisma.grantCall.create({
    data: {
      title: "测试公益创投",
      year: 2026,
      description: "测试",
      status: "PUBLISHED",
      poolFen: 100_000_000n,
      perProjectCapFen: 10_000_000,
      maxGrantSharePct: 80,
      overheadCapPct: 10,
      applyOpensAt: new Date(now - 60 * DAY),
      applyClosesAt: new Date(now - 30 * DAY),
      screeningEndsAt: new Date(now - 10 * DAY),
      reviewEndsAt: new Date(now + 10 * DAY),
      signingEndsAt: new Date(now + 60 * DAY),
      reviewersPerApplication: k,
      createdById: admin.id,
      criteria: {
        create: [
          { name: "设计", maxScore: 50, weightPct: 50, position: 0 },
          { name: "效益", maxScore: 50, weightPct: 50, position: 1 },
        ],
      },
    },
    select: { id: true, criteria: { select: { id: true } } },
  });
  const applications = [];
  for (let i = 0; i < apps; i++) {
    const org = await prisma.organization.create({
      data: { name: `机构${++n}`, type: "SOCIAL_SERVICE", legalRepresentative: `法人${n}` },
      select: { id: true },
    });
    applications.push(
      await prisma.grantApplication.create({
        data: {
          callId: call.id,
          organizationId: org.id,
          status: "SCREEN_PASSED",
          title: `项目${i + 1}`,
          createdById: admin.id,
        },
        select: { id: true, organizationId: true },
      }),
    );
  }
  const panel = [];
  for (let i = 0; i < reviewers; i++) panel.push(await user("REVIEWER", `专家${i + 1}`));
  return { admin, call, applications, panel, ctx: { actor: { id: admin.id } } };
}

function row(callId: string, subjectId: string, reviewerId: string, extra: { status?: string; dueAt?: Date } = {}) {
  return prisma.reviewAssignment.create({
    data: {
      subjectType: GRANT_SUBJECT_TYPE,
      subjectId,
      roundId: callId,
      reviewerId,
      status: extra.status ?? "ASSIGNED",
      dueAt: extra.dueAt ?? new Date(Date.now() + 7 * DAY),
    },
    select: { id: true },
  });
}

describe("autoAssign", () => {
  test("fills every application to k, stores the seed, and reports an application it cannot fill", async () => {
    const r = await round({ apps: 2, reviewers: 2, k: 2 });
    // 专家1 belongs to the first application's organization.
    await prisma.membership.create({
      data: { userId: r.panel[0]!.id, organizationId: r.applications[0]!.organizationId },
    });
    const result = await autoAssign(r.call.id, { reviewerIds: r.panel.map((p) => p.id), k: 2, seed: "abc" }, r.ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.added).toBe(3);
    expect(result.unfilled).toEqual([expect.objectContaining({ id: r.applications[0]!.id, missing: 1 })]);
    expect(result.unfilled[0]!.why).toContain("还差 1 位评审专家");
    const call = await prisma.grantCall.findUniqueOrThrow({
      where: { id: r.call.id },
      select: { assignmentSeed: true },
    });
    expect(call.assignmentSeed).toBe("abc");
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "grant_review.auto_assign", entityId: r.call.id },
      select: { reason: true },
    });
    expect(audit.reason).toContain("种子 abc");
  });

  test("is refused once the round is ranked", async () => {
    const r = await round();
    await prisma.grantCall.update({ where: { id: r.call.id }, data: { reviewStage: "RANKED" } });
    const result = await autoAssign(r.call.id, { reviewerIds: r.panel.map((p) => p.id), k: 2 }, r.ctx);
    expect(result).toEqual({ ok: false, formErrors: ["专家评审环节已结束，不能再分配评审专家"] });
  });
});

describe("updateReviewSettings", () => {
  test("locks k and blind review after the first submitted review", async () => {
    const r = await round();
    await row(r.call.id, r.applications[0]!.id, r.panel[0]!.id, { status: "SUBMITTED" });
    const base = {
      reviewersPerApplication: 2,
      blindReview: false,
      aggregation: "MEAN" as const,
      zScoreNormalize: true,
      disagreementThreshold: 30,
    };
    expect(await updateReviewSettings(r.call.id, base, r.ctx)).toEqual({ ok: true });
    const refused = await updateReviewSettings(r.call.id, { ...base, reviewersPerApplication: 3 }, r.ctx);
    expect(refused).toEqual({
      ok: false,
      fieldErrors: { reviewersPerApplication: ["已有专家提交评分，不能再修改每项申报的评审专家人数"] },
    });
  });
});

describe("replaceReviewer and addReviewer", () => {
  test("refuses a conflicted or already assigned reviewer, then replaces with a reason", async () => {
    const r = await round({ apps: 1, reviewers: 4 });
    const app = r.applications[0]!;
    const a = await row(r.call.id, app.id, r.panel[0]!.id);
    await row(r.call.id, app.id, r.panel[1]!.id);
    await prisma.reviewerAffiliation.create({
      data: { reviewerId: r.panel[2]!.id, organizationId: app.organizationId },
    });

    const conflicted = await replaceReviewer(
      r.call.id,
      app.id,
      { assignmentId: a.id, reviewerId: r.panel[2]!.id, reason: "工作冲突" },
      r.ctx,
    );
    expect(conflicted.ok).toBe(false);
    expect(!conflicted.ok && conflicted.fieldErrors?.reviewerId?.[0]).toContain("利益关联");
    const twice = await replaceReviewer(
      r.call.id,
      app.id,
      { assignmentId: a.id, reviewerId: r.panel[1]!.id, reason: "工作冲突" },
      r.ctx,
    );
    expect(!twice.ok && twice.fieldErrors?.reviewerId).toEqual(["专家2 已在本项目的评审名单中"]);

    const done = await replaceReviewer(
      r.call.id,
      app.id,
      { assignmentId: a.id, reviewerId: r.panel[3]!.id, reason: "专家出差无法按期评审" },
      r.ctx,
    );
    expect(done).toEqual({ ok: true, name: "专家4" });
    const rows = await prisma.reviewAssignment.findMany({
      where: { subjectId: app.id },
      select: { reviewerId: true, status: true, replaceReason: true },
    });
    expect(rows).toContainEqual({
      reviewerId: r.panel[0]!.id,
      status: "REPLACED",
      replaceReason: "专家出差无法按期评审",
    });
    expect(rows).toContainEqual({ reviewerId: r.panel[3]!.id, status: "ASSIGNED", replaceReason: null });
    expect(await prisma.notification.count({ where: { userId: r.panel[3]!.id } })).toBe(1);
    expect(
      await prisma.auditEvent.count({ where: { entityType: "ReviewAssignment", entityId: a.id, toState: "REPLACED" } }),
    ).toBe(1);

    // The replaced reviewer cannot come back; the application is full, so no extra reviewer either.
    const back = await addReviewer(r.call.id, app.id, { reviewerId: r.panel[0]!.id, reason: "补派" }, r.ctx);
    expect(back).toEqual({ ok: false, formErrors: ["本项目已有 2 位评审专家（每项 2 位），无需补派"] });
  });
});

describe("reopenReview", () => {
  test("returns a submitted review to the reviewer with a reason", async () => {
    const r = await round({ apps: 1 });
    const a = await row(r.call.id, r.applications[0]!.id, r.panel[0]!.id, { status: "SUBMITTED" });
    expect(
      await reopenReview(r.call.id, r.applications[0]!.id, { assignmentId: a.id, reason: "评分与意见不一致" }, r.ctx),
    ).toEqual({ ok: true, name: "专家1" });
    const after = await prisma.reviewAssignment.findUniqueOrThrow({ where: { id: a.id }, select: { status: true } });
    expect(after.status).toBe("DRAFTED");
    await expect(
      reopenReview(r.call.id, r.applications[0]!.id, { assignmentId: a.id, reason: "再次" }, r.ctx),
    ).rejects.toThrow("不能变为");
  });
});

describe("remindLate", () => {
  test("reminds each late reviewer once per 24 hours, with a mail in the outbox", async () => {
    const r = await round({ apps: 2, reviewers: 2 });
    await row(r.call.id, r.applications[0]!.id, r.panel[0]!.id, { dueAt: new Date(Date.now() - DAY) });
    await row(r.call.id, r.applications[1]!.id, r.panel[0]!.id, { dueAt: new Date(Date.now() + 9 * DAY) });
    await row(r.call.id, r.applications[0]!.id, r.panel[1]!.id, { dueAt: new Date(Date.now() + 9 * DAY) });
    expect(await remindLate(r.call.id, r.ctx)).toEqual({ ok: true, count: 1 });
    const note = await prisma.notification.findFirstOrThrow({
      where: { userId: r.panel[0]!.id },
      select: { body: true },
    });
    expect(note.body).toContain("还有 2 项评审任务未提交");
    expect(await prisma.outboxEmail.count({ where: { subject: { contains: "评审催办" } } })).toBe(1);
    expect(await remindLate(r.call.id, r.ctx)).toEqual({ ok: true, count: 0 });
    const panel = await loadPanel(r.call.id, 1);
    expect(panel?.totals).toMatchObject({ applications: 2, assignments: 3, submitted: 0, overdue: 1 });
  });
});
