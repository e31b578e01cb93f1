// The expert-review screens must stay fast at a realistic volume: a call with 300
// screened applications, 25 reviewers and k = 5 (1,515 assignments with the recused
// and their replacements; 5 criteria scored on every drafted or submitted review:
// 6,250 scores) and reviewers with 60 tasks each. For every server function a
// review page loader (or the panel's two bulk actions) calls, this file checks
//   - the number of SQL statements it sends, which must be the same at 30 and at
//     300 applications (no query per application / assignment: no N+1),
//   - with EXPLAIN QUERY PLAN, that no statement walks a whole table and that every
//     read by round, reviewer or call goes through an index on that column.
// Times are measured and printed (REVIEW_VOLUME_TIMINGS=1, after a warm-up call),
// not asserted: a wall-clock bound fails on a busy machine and passes a slow query
// on a fast one; times belong in a benchmark. What keeps these screens fast at this
// volume is the statement count and the query plans, which are asserted.
// REVIEW_VOLUME_PLANS=1 prints the plans.
import fs from "node:fs";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { GRANT_SUBJECT_TYPE } from "~/modules/grants/applications/application-form";
import { getApplicationFeedback } from "~/modules/grants/publicity/feedback.server";
import { getPublicity } from "~/modules/grants/publicity/public.server";
import { grantObjectionRefs } from "~/modules/grants/publicity/publicity";
import { getAdminPublicity } from "~/modules/grants/publicity/staff.server";
import { allocationNotes, listAwards } from "~/modules/grants/ranking/allocation.server";
import { buildRankingWorkbook } from "~/modules/grants/ranking/export.server";
import { autoAssign, loadApplicationReview, loadPanel, remindLate } from "~/modules/grants/review/panel.server";
import { allocationRulesOf, computeCallRanking, loadReviewCompleteness } from "~/modules/grants/review/results.server";
import { getReviewerTask, listReviewerTasks, reviewerProgress } from "~/modules/panels.server";
import { OBJECTION_EVIDENCE_PURPOSE, OBJECTION_SUBJECT_TYPE } from "~/modules/publicity/objection";
import { prisma } from "~/utils/db.server";
import { BASE_DB_FILE, workerDbFile } from "../setup/paths";

// ───────────────────────── Counting SQL ─────────────────────────

type Statement = { sql: string; params: unknown[] };
const recorder = vi.hoisted(() => ({ on: false, statements: [] as Statement[] }));

// The app's one client (db.server keeps it on globalThis) is replaced, before any
// module creates it, by the same client with query events: every statement the
// server functions send, including the relation loads and transactions, is seen.
vi.mock("~/utils/db.server", async (importOriginal) => {
  const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
  const { PrismaClient } = await import("~/generated/prisma/client");
  const holder = globalThis as unknown as { __yimiaoPrisma?: { $disconnect(): Promise<void> } };
  await holder.__yimiaoPrisma?.$disconnect();
  const client = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: process.env.DATABASE_URL!, timeout: 5000 }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (e) => {
    if (recorder.on) recorder.statements.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] });
  });
  holder.__yimiaoPrisma = client;
  return importOriginal();
});

const APPLICATIONS = 300;
const BASELINE = 30;
const REVIEWERS = 25;
const K = 5;
const DAY = 86_400_000;
const CRITERIA = [
  { name: "需求分析", maxScore: 20, weightPct: 20 },
  { name: "项目设计", maxScore: 30, weightPct: 30 },
  { name: "可行性", maxScore: 20, weightPct: 20 },
  { name: "预算合理性", maxScore: 15, weightPct: 15 },
  { name: "社会效益", maxScore: 15, weightPct: 15 },
];

// sendMail writes every reminder to the log too.
beforeAll(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterAll(() => {
  vi.restoreAllMocks();
});

/** Back to the freshly migrated database, like the setup file does before every test. */
async function resetDatabase() {
  await prisma.$disconnect();
  const file = workerDbFile(process.env.VITEST_POOL_ID ?? "0");
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(BASE_DB_FILE, file);
}

// ───────────────────────── The volume ─────────────────────────

const pad = (i: number) => String(i).padStart(4, "0");
const appId = (i: number) => `vol-app-${pad(i)}`;
const reviewerId = (r: number) => `vol-reviewer-${pad(r)}`;

type Volume = Awaited<ReturnType<typeof createVolume>>;

/**
 * One review round of `n` screened applications (plus screening leftovers that are
 * not reviewed), each application from its own organization, 25 reviewers, k = 5
 * assignments per application in every state (some recused and replaced), scores,
 * audit trail and documents; a second call of `n` screened applications waiting
 * for automatic assignment, and a small call to warm the actions up on.
 * Everything goes in with createMany inside one transaction.
 */
async function createVolume(n: number) {
  const now = Date.now();
  const adminId = "vol-admin";
  const callId = "vol-call-main";
  const freshCallId = "vol-call-fresh";
  const warmCallId = "vol-call-warm";
  const calls = [callId, freshCallId, warmCallId];
  const criterionId = (call: string, c: number) => `${call}-criterion-${c}`;
  const orgId = (i: number) => `vol-org-${pad(i)}`;
  const ownerId = (i: number) => `vol-owner-${pad(i)}`;
  const leftovers = Math.ceil(n / 3);
  const drafted: string[] = [];

  // Reviewer r reviews slot r % 5 of applications r div 5, +5, +10, …: their t-th task is
  // application 5t + r div 5. A third of everyone's tasks are open (overdue, to chase),
  // two of every six, so every reviewer has some at both volumes and each application
  // has at least three submitted reviews.
  const statusOf = (i: number, s: number) => {
    const m = (Math.floor(i / K) + s) % 6;
    return m === 0 ? "ASSIGNED" : m === 1 ? "DRAFTED" : "SUBMITTED";
  };
  type Assignment = {
    id: string;
    subjectType: string;
    subjectId: string;
    roundId: string;
    reviewerId: string;
    status: string;
    assignmentSeed: string | null;
    comment: string | null;
    recommendation: string | null;
    recuseReason: string | null;
    dueAt: Date;
    submittedAt: Date | null;
    createdAt: Date;
  };
  const assignments: Assignment[] = [];
  for (let i = 0; i < n; i++) {
    // Every 20th application: one reviewer recused (from a task that would otherwise have
    // been submitted, so open counts stay even) and was replaced by one who submitted.
    const recusedSlot =
      i % 20 === 12 ? [2, 3, 4, 5].map((m) => (m - (Math.floor(i / K) % 6) + 6) % 6).find((s) => s < K)! : -1;
    for (let s = 0; s <= K; s++) {
      if (s === K && recusedSlot < 0) continue;
      const replacement = s === K;
      const status = s === recusedSlot ? "RECUSED" : replacement ? "SUBMITTED" : statusOf(i, s);
      const id = `vol-asg-${pad(i)}-${s}`;
      if (status === "DRAFTED") drafted.push(id);
      assignments.push({
        id,
        subjectType: GRANT_SUBJECT_TYPE,
        subjectId: appId(i),
        roundId: callId,
        // Reviewer of the next application's first slot: never already on this one.
        reviewerId: reviewerId(replacement ? (K * i + K) % REVIEWERS : (K * i + s) % REVIEWERS),
        status,
        assignmentSeed: replacement ? null : "volume-seed",
        comment:
          status === "SUBMITTED" || status === "DRAFTED" ? `项目设计较完整，第${i + 1}号申报建议细化预算。` : null,
        recommendation:
          status === "SUBMITTED" ? (["FUND", "FUND_WITH_CHANGES", "DO_NOT_FUND"] as const)[(i + s) % 3]! : null,
        recuseReason: status === "RECUSED" ? "与申报机构负责人相识" : null,
        dueAt: new Date(now - DAY),
        submittedAt: status === "SUBMITTED" ? new Date(now - 2 * DAY + i * 1000 + s) : null,
        createdAt: new Date(now - 20 * DAY + (replacement ? DAY : 0) + i * 10 + s),
      });
    }
  }
  const scored = assignments.filter((a) => a.status === "SUBMITTED" || a.status === "DRAFTED");
  const scores = scored.flatMap((a, x) =>
    CRITERIA.map((c, ci) => ({
      assignmentId: a.id,
      criterionId: criterionId(callId, ci),
      score: (x * 7 + ci * 5) % (c.maxScore + 1),
    })),
  );

  await prisma.$transaction(async (tx) => {
    await tx.user.createMany({
      data: [
        { id: adminId, email: "vol-admin@test.yimiao.local", name: "评审管理员", role: "ADMIN" },
        ...Array.from({ length: REVIEWERS }, (_, r) => ({
          id: reviewerId(r),
          email: `vol-reviewer-${r}@test.yimiao.local`,
          name: `评审专家${r + 1}`,
          role: "REVIEWER",
          createdAt: new Date(now - 100 * DAY + r),
        })),
        {
          id: "vol-reviewer-disabled",
          email: "vol-reviewer-off@test.yimiao.local",
          name: "停用专家",
          role: "REVIEWER",
          status: "DISABLED",
        },
        ...Array.from({ length: n + leftovers }, (_, i) => ({
          id: ownerId(i),
          email: `vol-owner-${i}@test.yimiao.local`,
          name: `机构负责人${i + 1}`,
          role: "ORG_MEMBER",
        })),
      ],
    });
    await tx.reviewerProfile.createMany({
      data: Array.from({ length: REVIEWERS }, (_, r) => ({
        userId: reviewerId(r),
        expertiseTags: JSON.stringify([["为老", "助残", "儿童", "社区治理", "财务"][r % 5]]),
      })),
    });
    await tx.organization.createMany({
      data: Array.from({ length: n + leftovers }, (_, i) => ({
        id: orgId(i),
        type: "SOCIAL_SERVICE",
        name: `量测社会工作服务中心${pad(i)}`,
        status: "REGISTERED",
        legalRepresentative: `法人${pad(i)}`,
        registeredAt: new Date(now - 900 * DAY),
      })),
    });
    await tx.membership.createMany({
      data: Array.from({ length: n + leftovers }, (_, i) => ({
        userId: ownerId(i),
        organizationId: orgId(i),
        role: "OWNER",
      })),
    });
    // Two reviewers declared ties to applicant organizations (conflicts of interest).
    await tx.reviewerAffiliation.createMany({
      data: [
        { reviewerId: reviewerId(3), organizationId: orgId(1) },
        { reviewerId: reviewerId(8), organizationId: orgId(2) },
      ],
    });
    await tx.grantCall.createMany({
      data: calls.map((id, c) => ({
        id,
        title: ["量测公益创投（评审中）", "量测公益创投（待分配）", "量测公益创投（预热）"][c]!,
        year: 2026,
        description: "评审量测",
        status: "PUBLISHED",
        categories: JSON.stringify(["为老", "助残", "儿童", "社区治理"]),
        poolFen: 300_000_000n,
        perProjectCapFen: 10_000_000,
        maxGrantSharePct: 80,
        overheadCapPct: 10,
        applyOpensAt: new Date(now - 90 * DAY),
        applyClosesAt: new Date(now - 60 * DAY),
        screeningEndsAt: new Date(now - 30 * DAY),
        // The main round's deadline has passed (overdue reviews to chase); the warm one's is tomorrow.
        reviewEndsAt: new Date(now + [-DAY, 10 * DAY, DAY][c]!),
        signingEndsAt: new Date(now + 60 * DAY),
        reviewersPerApplication: K,
        aggregation: "TRIMMED_MEAN",
        assignmentSeed: id === callId ? "volume-seed" : null,
        createdById: adminId,
      })),
    });
    await tx.grantCriterion.createMany({
      data: calls.flatMap((call) =>
        CRITERIA.map((c, position) => ({ id: criterionId(call, position), callId: call, ...c, position })),
      ),
    });
    const application = (id: string, call: string, i: number, status: string) => ({
      id,
      callId: call,
      organizationId: orgId(i),
      status,
      title: `社区养老互助项目${pad(i)}`,
      category: ["为老", "助残", "儿童", "社区治理"][i % 4]!,
      data: JSON.stringify({ background: "社区老年人口占比高，独居老人缺乏照护。", goals: "建立互助网络。", team: [] }),
      projectStart: new Date(now + 30 * DAY),
      projectEnd: new Date(now + 300 * DAY),
      requestedFen: 5_000_000 + (i % 7) * 500_000,
      ownFundsFen: 1_000_000,
      matchedFen: 500_000,
      totalBudgetFen: 9_000_000,
      submittedAt: new Date(now - 70 * DAY + i * 60_000),
      createdById: ownerId(i),
    });
    await tx.grantApplication.createMany({
      data: [
        ...Array.from({ length: n }, (_, i) => application(appId(i), callId, i, "SCREEN_PASSED")),
        // Applications that never reached review.
        ...Array.from({ length: leftovers }, (_, i) =>
          application(`vol-left-${pad(i)}`, callId, n + i, i % 2 ? "SCREEN_FAILED" : "DRAFT"),
        ),
        ...Array.from({ length: n }, (_, i) => application(`vol-fresh-${pad(i)}`, freshCallId, i, "SCREEN_PASSED")),
        ...Array.from({ length: 3 }, (_, i) => application(`vol-warm-${pad(i)}`, warmCallId, i, "SCREEN_PASSED")),
      ],
    });
    const lines = Array.from({ length: n }, (_, i) => i);
    await tx.grantBudgetLine.createMany({
      data: lines.flatMap((i) =>
        ["PERSONNEL", "ACTIVITY", "MATERIALS", "OVERHEAD"].map((category, position) => ({
          applicationId: appId(i),
          category,
          description: `预算明细${position + 1}`,
          requestedFen: 1_250_000,
          ownFen: 250_000,
          matchedFen: 125_000,
          position,
        })),
      ),
    });
    await tx.grantMilestone.createMany({
      data: lines.flatMap((i) =>
        [0, 1, 2].map((position) => ({
          applicationId: appId(i),
          title: `阶段${position + 1}`,
          dueDate: new Date(now + (60 + 90 * position) * DAY),
          position,
        })),
      ),
    });
    await tx.grantIndicator.createMany({
      data: lines.flatMap((i) =>
        [0, 1, 2].map((position) => ({
          applicationId: appId(i),
          kind: position ? "OUTCOME" : "OUTPUT",
          name: `指标${position + 1}`,
          target: "100 人次",
          position,
        })),
      ),
    });
    await tx.attachment.createMany({
      data: lines.flatMap((i) =>
        ["org.charter", "grant.plan", "grant.budget"].map((purpose, d) => ({
          id: `vol-doc-${pad(i)}-${d}`,
          organizationId: orgId(i),
          uploaderId: ownerId(i),
          purpose,
          originalName: `${purpose}.pdf`,
          mimeType: "application/pdf",
          sizeBytes: 20_000,
          storageKey: `volume/${pad(i)}-${d}.pdf`,
          subjectType: GRANT_SUBJECT_TYPE,
          subjectId: appId(i),
          createdAt: new Date(now - 70 * DAY + i * 60_000 + d),
        })),
      ),
    });
    await tx.reviewAssignment.createMany({ data: assignments });
    await tx.reviewScore.createMany({ data: scores });
    // The audit trail: every submission, every reopening, the recusals, the automatic assignment.
    await tx.auditEvent.createMany({
      data: [
        {
          actorId: adminId,
          action: "grant_review.auto_assign",
          entityType: "GrantCall",
          entityId: callId,
          reason: "种子 volume-seed",
          createdAt: new Date(now - 20 * DAY),
        },
        ...assignments.flatMap((a) => {
          const at = a.submittedAt ?? new Date(now - 3 * DAY);
          const base = { entityType: "ReviewAssignment", entityId: a.id, actorId: a.reviewerId };
          if (a.status === "SUBMITTED")
            return [
              {
                ...base,
                action: "review_assignment.transition",
                fromState: "ASSIGNED",
                toState: "SUBMITTED",
                createdAt: at,
              },
            ];
          if (a.status === "DRAFTED") {
            return [
              {
                ...base,
                action: "review_assignment.transition",
                fromState: "ASSIGNED",
                toState: "SUBMITTED",
                createdAt: new Date(now - 5 * DAY),
              },
              {
                ...base,
                actorId: adminId,
                action: "review_assignment.transition",
                fromState: "SUBMITTED",
                toState: "DRAFTED",
                reason: "请补充预算意见",
                createdAt: at,
              },
            ];
          }
          if (a.status === "RECUSED")
            return [
              {
                ...base,
                action: "review_assignment.transition",
                fromState: "ASSIGNED",
                toState: "RECUSED",
                reason: a.recuseReason,
                createdAt: at,
              },
            ];
          return [];
        }),
        ...assignments
          .filter((a) => a.assignmentSeed == null)
          .map((a) => ({
            actorId: adminId,
            action: "grant_review.assign",
            entityType: GRANT_SUBJECT_TYPE,
            entityId: a.subjectId,
            reason: "补派",
            createdAt: a.createdAt,
          })),
      ],
    });
  });

  // The reviewer whose task list is measured: all of theirs in this round (60 at 300 applications).
  const focus = reviewerId(0);
  return {
    n,
    adminId,
    callId,
    freshCallId,
    warmCallId,
    focus,
    draftedOfFocus: assignments.find((a) => a.reviewerId === focus && a.status === "DRAFTED")!.id,
    recusedApplication: appId(12),
    listedOfFocus: assignments.filter((a) => a.reviewerId === focus && a.status !== "RECUSED").length,
    assignments: assignments.length,
    scores: scores.length,
  };
}

/** The round after ranking: stored awards, publicity running, objections from the public. */
async function publicize(v: Volume) {
  const ranking = (await computeCallRanking(v.callId))!;
  const selectedCount = Math.floor(ranking.rows.length * 0.3);
  const now = Date.now();
  const objections = Math.max(3, Math.floor(v.n / 10));
  const selectedIds = ranking.rows.slice(0, selectedCount).map((r) => r.applicationId);
  await prisma.$transaction(async (tx) => {
    await tx.grantAward.createMany({
      data: ranking.rows.map((r, x) => ({
        callId: v.callId,
        applicationId: r.applicationId,
        rank: r.rank,
        finalScore: r.finalScore,
        reviewCount: r.reviewCount,
        flagged: r.flagged,
        recommended: x < selectedCount,
        recommendedFen: x < selectedCount ? r.maxGrant : 0,
        selected: x < selectedCount,
        amountFen: x < selectedCount ? r.maxGrant : 0,
        overrideReason: x === 1 ? "专家一致建议优先资助" : null,
        overrideSelected: x === 1 ? true : null,
      })),
    });
    await tx.grantApplication.updateMany({ where: { id: { in: selectedIds } }, data: { status: "SHORTLISTED" } });
    await tx.grantCall.update({
      where: { id: v.callId },
      data: {
        reviewStage: "PUBLICIZED",
        publicityStartsAt: new Date(now - DAY),
        publicityEndsAt: new Date(now + 6 * DAY),
      },
    });
    await tx.objection.createMany({
      data: Array.from({ length: objections }, (_, o) => ({
        id: `vol-objection-${pad(o)}`,
        ...grantObjectionRefs(v.callId, selectedIds[o % selectedIds.length]!),
        name: `异议人${o + 1}`,
        contact: `1390000${pad(o)}`,
        content: "该项目申报材料与实际情况不符。",
        status: o % 3 === 0 ? "DISMISSED" : "RECEIVED",
        accessToken: `vol-token-${pad(o)}`,
        ipHash: `ip-${o % 7}`,
        createdAt: new Date(now - DAY + o * 1000),
      })),
    });
    await tx.attachment.createMany({
      data: Array.from({ length: objections }, (_, o) => o)
        .filter((o) => o % 2 === 0)
        .map((o) => ({
          purpose: OBJECTION_EVIDENCE_PURPOSE,
          originalName: "证明材料.pdf",
          mimeType: "application/pdf",
          sizeBytes: 10_000,
          storageKey: `volume/objection-${pad(o)}.pdf`,
          subjectType: OBJECTION_SUBJECT_TYPE,
          subjectId: `vol-objection-${pad(o)}`,
        })),
    });
  });
  return { selectedId: selectedIds[0]!, notSelectedId: ranking.rows[selectedCount]!.applicationId };
}

async function confirm(v: Volume, selectedId: string, notSelectedId: string) {
  await prisma.$transaction(async (tx) => {
    await tx.grantCall.update({ where: { id: v.callId }, data: { reviewStage: "CONFIRMED", confirmedAt: new Date() } });
    await tx.grantApplication.update({ where: { id: selectedId }, data: { status: "FUNDED" } });
    await tx.grantApplication.update({ where: { id: notSelectedId }, data: { status: "NOT_FUNDED" } });
  });
}

// ───────────────────────── Measuring ─────────────────────────

type Sample = { ms: number; queries: number; statements: Statement[] };

/**
 * Statements as the code asked for them: Prisma splits one createMany into INSERTs
 * of at most 999 bound values, so an INSERT into the same table that follows a full
 * one is the same call. (An insert per row in a loop is never merged: its rows are
 * single, far from full.)
 */
function logicalStatements(statements: Statement[]) {
  const head = (st: Statement) => /^INSERT INTO [^(]+/.exec(st.sql)?.[0];
  return statements.filter((st, i) => {
    const previous = statements[i - 1];
    return !(previous && head(st) && head(st) === head(previous) && previous.params.length > 900);
  });
}

async function recorded(run: () => Promise<unknown>) {
  recorder.statements = [];
  recorder.on = true;
  const t0 = performance.now();
  try {
    await run();
    return { ms: performance.now() - t0, statements: recorder.statements };
  } finally {
    recorder.on = false;
  }
}

/** A loader's function: one warm-up call, then the best of `runs` timed calls; statements of the first. */
async function loaderSample(run: () => Promise<unknown>, runs: number): Promise<Sample> {
  await run();
  const first = await recorded(run);
  let ms = first.ms;
  for (let i = 1; i < runs; i++) ms = Math.min(ms, (await recorded(run)).ms);
  return { ms, queries: logicalStatements(first.statements).length, statements: first.statements };
}

/** An action changes what it acts on: warmed up on the small call, measured once on the round. */
async function actionSample(warm: () => Promise<unknown>, run: () => Promise<unknown>): Promise<Sample> {
  await warm();
  const { ms, statements } = await recorded(run);
  return { ms, queries: logicalStatements(statements).length, statements };
}

/** Builds the volume for `n` applications and measures every review screen's server function. */
async function measureAll(n: number) {
  const t0 = performance.now();
  const v = await createVolume(n);
  if (process.env.REVIEW_VOLUME_TIMINGS)
    console.log(`volume of ${n} created in ${(performance.now() - t0).toFixed(0)} ms`);
  const pages = Math.ceil(n / 20);
  const ctx = { actor: { id: v.adminId } };
  const samples = new Map<string, Sample>();
  const add = async (name: string, sample: Promise<Sample>) => samples.set(name, await sample);
  // Times (printed only) are the best of three at the full volume, one call at the baseline.
  const loader = (run: () => Promise<unknown>) => loaderSample(run, n >= APPLICATIONS ? 3 : 1);

  // ── Staff: the review panel (admin.grants.$callId.review) and one application's review.
  await add(
    "loadPanel page 1",
    loader(async () => {
      const panel = (await loadPanel(v.callId, 1))!;
      expect(panel.totals.applications).toBe(n);
      expect(panel.applications).toHaveLength(20);
      expect(panel.candidates).toHaveLength(REVIEWERS);
      expect(panel.applications.every((a) => a.activeCount === K)).toBe(true);
    }),
  );
  await add(
    "loadPanel last page",
    loader(async () => {
      const panel = (await loadPanel(v.callId, pages))!;
      expect(panel.applications.length).toBeGreaterThan(0);
    }),
  );
  await add(
    "loadApplicationReview",
    loader(async () => {
      const review = (await loadApplicationReview(v.callId, v.recusedApplication))!;
      expect(review.assignments).toHaveLength(K + 1);
      expect(review.activeCount).toBe(K);
      expect(review.eligible.length).toBeGreaterThan(0);
      expect(review.events.length).toBeGreaterThan(0);
    }),
  );
  // ── Staff: the ranking page before the shortlist, and the export.
  await add(
    "computeCallRanking",
    loader(async () => {
      const ranking = (await computeCallRanking(v.callId))!;
      expect(ranking.rows.length).toBe(n);
      expect(ranking.completeness.openAssignments).toBeGreaterThan(0);
    }),
  );
  await add(
    "buildRankingWorkbook (open)",
    loader(async () => {
      const built = (await buildRankingWorkbook(v.callId))!;
      expect(built.workbook.worksheets[1]!.rowCount).toBe(n + 1);
    }),
  );
  // ── Reviewer: dashboard, task list (60 tasks at 300 applications), one task.
  await add(
    "reviewerProgress",
    loader(async () => {
      const progress = await reviewerProgress(v.focus);
      expect(progress.total).toBe(v.listedOfFocus);
    }),
  );
  await add(
    "listReviewerTasks",
    loader(async () => {
      const list = await listReviewerTasks(v.focus, null, 1);
      expect(list.total).toBe(v.listedOfFocus);
      expect(list.tasks.every((t) => t.subject?.title)).toBe(true);
    }),
  );
  await add(
    "listReviewerTasks SUBMITTED",
    loader(async () => {
      const list = await listReviewerTasks(v.focus, "SUBMITTED", 1);
      expect(list.tasks.length).toBeGreaterThan(0);
    }),
  );
  await add(
    "getReviewerTask",
    loader(async () => {
      const task = (await getReviewerTask(v.focus, v.draftedOfFocus))!;
      expect(task.criteria).toHaveLength(CRITERIA.length);
      // Two kinds are registered now: narrow to the grant task's view.
      expect("documents" in task && task.documents).toHaveLength(3);
      expect(task.reopenReason).toBe("请补充预算意见");
    }),
  );
  // ── Staff actions on the panel: automatic assignment of a whole call, reminders.
  await add(
    "autoAssign",
    actionSample(
      () =>
        autoAssign(
          v.warmCallId,
          { reviewerIds: Array.from({ length: REVIEWERS }, (_, r) => reviewerId(r)), k: K, seed: "warm" },
          ctx,
        ),
      async () => {
        const result = await autoAssign(
          v.freshCallId,
          { reviewerIds: Array.from({ length: REVIEWERS }, (_, r) => reviewerId(r)), k: K, seed: "volume" },
          ctx,
        );
        expect(result).toMatchObject({ ok: true, added: n * K });
      },
    ),
  );
  await add(
    "remindLate",
    actionSample(
      () => remindLate(v.warmCallId, ctx),
      async () => expect((await remindLate(v.callId, ctx)).count).toBeGreaterThan(0),
    ),
  );

  // ── After ranking: the stored shortlist under publicity.
  const { selectedId, notSelectedId } = await publicize(v);
  await add(
    "listAwards + allocationNotes",
    loader(async () => {
      const call = (await prisma.grantCall.findUnique({
        where: { id: v.callId },
        select: { poolFen: true, perProjectCapFen: true, maxGrantSharePct: true },
      }))!;
      const awards = await listAwards(v.callId);
      expect(awards).toHaveLength(n);
      allocationNotes(awards, allocationRulesOf(call));
    }),
  );
  await add(
    "loadReviewCompleteness",
    loader(async () => {
      const c = await loadReviewCompleteness(v.callId);
      expect(c.withoutReview).toHaveLength(0);
    }),
  );
  await add(
    "buildRankingWorkbook (stored)",
    loader(async () => {
      const built = (await buildRankingWorkbook(v.callId))!;
      expect(built.workbook.worksheets[2]!.rowCount).toBeGreaterThan(n);
    }),
  );
  await add(
    "getPublicity",
    loader(async () => {
      const publicity = (await getPublicity(v.callId))!;
      expect(publicity.entries).toHaveLength(Math.floor(n * 0.3));
    }),
  );
  await add(
    "getAdminPublicity",
    loader(async () => {
      const data = (await getAdminPublicity(v.callId, null, 1))!;
      expect(data.entries).toHaveLength(n);
      expect(data.objections.length).toBeGreaterThan(0);
    }),
  );
  await add(
    "getAdminPublicity RECEIVED",
    loader(async () => {
      const data = (await getAdminPublicity(v.callId, "RECEIVED", 1))!;
      expect(data.objections.every((o) => o.status === "RECEIVED")).toBe(true);
    }),
  );
  // ── After confirmation: an applicant's feedback.
  await confirm(v, selectedId, notSelectedId);
  await add(
    "getApplicationFeedback (funded)",
    loader(async () => {
      const feedback = (await getApplicationFeedback(selectedId))!;
      expect(feedback.comments.length).toBeGreaterThan(0);
    }),
  );
  await add(
    "getApplicationFeedback (not funded)",
    loader(async () => {
      const feedback = (await getApplicationFeedback(notSelectedId))!;
      expect(feedback.selected).toBe(false);
    }),
  );
  return { volume: v, samples };
}

// ───────────────────────── The tests ─────────────────────────

/** Tables of the review that grow with the round; none may be read whole. */
const REVIEW_TABLES =
  /^(ReviewAssignment|ReviewScore|GrantApplication|GrantAward|Objection|GrantCriterion|GrantBudgetLine|GrantMilestone|GrantIndicator|AuditEvent|Attachment|Notification|Organization|Membership|ReviewerAffiliation|User)\b/;

/**
 * The columns that pick out a round's, a reviewer's or a call's rows. A statement
 * that filters a table on one of them must reach the table through an index that
 * uses it: an index on (subjectType, …) alone "uses an index" but reads every
 * review of every round ever held.
 */
const KEY_COLUMNS: Record<string, string[]> = {
  ReviewAssignment: ["roundId", "reviewerId", "subjectId"],
  ReviewScore: ["assignmentId"],
  GrantApplication: ["callId"],
  GrantAward: ["callId", "applicationId"],
  Objection: ["publicationId", "entryId"],
  GrantCriterion: ["callId"],
  AuditEvent: ["entityId"],
  Attachment: ["subjectId"],
};

/** What the plan must show for `sql`: [name in the plan, column] for every key column it filters on. */
function requiredIndexUse(sql: string) {
  const sources = [
    ...Object.keys(KEY_COLUMNS).map((table) => ({ name: table, table, planName: `main.${table}` })),
    ...[...sql.matchAll(/`main`\.`(\w+)` AS `(\w+)`/g)].map(([, table, alias]) => ({
      name: alias!,
      table: table!,
      planName: alias!,
    })),
  ];
  const required: Array<[string, string]> = [];
  for (const { name, table, planName } of sources) {
    for (const column of KEY_COLUMNS[table] ?? []) {
      if (new RegExp(`\`${name}\`\\.\`${column}\` (= \\?|IN \\()`).test(sql)) required.push([planName, column]);
    }
  }
  return required;
}

type Explained = { name: string; sql: string; details: string[] };

/** EXPLAIN QUERY PLAN of every read and update the functions sent, on the database they ran on. */
async function explainAll(samples: Map<string, Sample>) {
  const plans: Explained[] = [];
  for (const [name, sample] of samples) {
    for (const { sql, params } of sample.statements) {
      if (!/^\s*(SELECT|UPDATE|DELETE)/i.test(sql)) continue;
      const plan = await prisma.$queryRawUnsafe<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`, ...params);
      plans.push({ name, sql, details: plan.map((row) => row.detail) });
    }
  }
  return plans;
}

/** The full volume, measured and explained; kept for the second test. */
let full: (Awaited<ReturnType<typeof measureAll>> & { plans: Explained[] }) | undefined;

async function measureFull() {
  const measured = await measureAll(APPLICATIONS);
  return { ...measured, plans: await explainAll(measured.samples) };
}

test(`${APPLICATIONS} applications, ${REVIEWERS} reviewers, k=${K}: every review screen's query sends as many statements as at ${BASELINE}`, async () => {
  const small = await measureAll(BASELINE);
  await resetDatabase();
  const large = (full = await measureFull());
  expect(large.volume.assignments).toBeGreaterThanOrEqual(APPLICATIONS * K);
  expect(large.volume.scores).toBeGreaterThanOrEqual(APPLICATIONS * K * 0.8 * CRITERIA.length);
  expect(large.volume.listedOfFocus).toBe(60);

  if (process.env.REVIEW_VOLUME_TIMINGS) {
    console.log(
      [
        `${large.volume.assignments} assignments, ${large.volume.scores} scores`,
        "function | ms@30 | ms@300 | statements@30 | statements@300",
        ...[...large.samples].map(([name, s]) => {
          const b = small.samples.get(name)!;
          return `${name} | ${b.ms.toFixed(1)} | ${s.ms.toFixed(1)} | ${b.queries} | ${s.queries}`;
        }),
      ].join("\n"),
    );
  }
  for (const [name, sample] of large.samples) {
    const baseline = small.samples.get(name)!;
    const heads = (s: Sample) => {
      const lines = logicalStatements(s.statements).map(
        (st) => `  ${st.sql.slice(0, 140)} [${st.params.length} values]`,
      );
      return lines.length > 40 ? [...lines.slice(0, 40), `  … and ${lines.length - 40} more`] : lines;
    };
    expect(
      sample.queries,
      `${name}: ${baseline.queries} statements at ${BASELINE} applications, ${sample.queries} at ${APPLICATIONS}\n${heads(sample).join("\n")}`,
    ).toBe(baseline.queries);
  }
}, 60_000);

test("every statement of the review screens finds its rows through an index on the round, reviewer or call", async () => {
  const { plans } = full ?? (await measureFull());
  let keyed = 0;
  for (const { name, sql, details } of plans) {
    const label = `${name}\n${sql.slice(0, 400)}\n${details.join("\n")}`;
    if (process.env.REVIEW_VOLUME_PLANS) console.log(label);
    for (const d of details) {
      const scan = /^SCAN (?:main\.)?(\w+)/.exec(d);
      if (scan && REVIEW_TABLES.test(scan[1]!)) expect(d, label).toMatch(/USING (COVERING )?INDEX/);
    }
    for (const [planName, column] of requiredIndexUse(sql)) {
      const access = details.filter((d) => d.startsWith(`SEARCH ${planName} `) || d.startsWith(`SCAN ${planName}`));
      expect(access.length, `${planName} is not read in\n${label}`).toBeGreaterThan(0);
      // By the key column, or straight by primary key.
      for (const d of access)
        expect(d, `${planName} should be found by ${column}\n${label}`).toMatch(new RegExp(`[( ](${column}|id)=\\?`));
      keyed++;
    }
  }
  // The round's main reads go by call, round and reviewer.
  const all = plans.map((p) => p.sql).join("\n");
  expect(all).toMatch(/`ReviewAssignment`\.`roundId` = \?/);
  expect(all).toMatch(/`ReviewAssignment`\.`reviewerId` = \?/);
  expect(all).toMatch(/`GrantApplication`\.`callId` = \?/);
  expect(plans.length).toBeGreaterThan(40);
  expect(keyed).toBeGreaterThan(30);
}, 60_000);
