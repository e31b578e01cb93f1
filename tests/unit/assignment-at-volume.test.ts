// Automatic assignment was rewritten for 5,000 applications × 5 reviewers (issue #17
// item 6, decision 029): conflict and tag lookups in sets built once, the tag pass's swap
// partner found per category, the panel's conflicts read in two statements and the rows
// written with one insert. None of it may change a plan. Here the rewritten rule is
// compared, plan for plan, with the rule as it was (helpers/assignment-reference.ts) on
// generated rounds, and autoAssign's rows in the database with the pure rule applied to
// the same data kept in memory.
import { describe, expect, test } from "vitest";
import { GRANT_SUBJECT_TYPE } from "~/modules/grants/applications/application-form";
import { autoAssign } from "~/modules/grants/review/panel.server";
import {
  conflictingOrganizationIds,
  conflictingOrganizationIdsOf,
  hashString,
  mulberry32,
  planAssignments,
  type AssignmentReviewer,
  type AssignmentSubject,
  type ExistingAssignment,
} from "~/modules/review/assignment";
import { makeRound } from "~/modules/review/assignment-test-fixtures";
import { newRowIds } from "~/modules/review/bulk-insert.server";
import { prisma } from "~/utils/db.server";
import { referenceConflictingOrganizationIds, referencePlanAssignments } from "./helpers/assignment-reference";

/** Rows already in a round: some active, some recused or replaced, some of reviewers no longer on the panel. */
function existingRows(subjects: AssignmentSubject[], reviewers: AssignmentReviewer[], share: number, fixture: string) {
  const rand = mulberry32(hashString(fixture));
  const rows: ExistingAssignment[] = [];
  for (const subject of subjects) {
    if (rand() >= share) continue;
    const count = 1 + Math.floor(rand() * 3);
    for (let i = 0; i < count; i++) {
      const reviewerId = rand() < 0.1 ? `gone-${i}` : reviewers[Math.floor(rand() * reviewers.length)]!.id;
      rows.push({ subjectId: subject.id, reviewerId, active: rand() < 0.8 });
    }
  }
  return rows;
}

describe("the rewritten planAssignments gives the plan the rule always gave", () => {
  const cases = [
    { name: "a large round, few conflicts", subjects: 1500, reviewers: 40, orgCount: 900, conflictRate: 0.01, k: 5 },
    {
      name: "many conflicts, subjects left short",
      subjects: 300,
      reviewers: 12,
      orgCount: 30,
      conflictRate: 0.4,
      k: 5,
    },
    { name: "a small panel", subjects: 200, reviewers: 6, orgCount: 50, conflictRate: 0.1, k: 3 },
    { name: "k larger than the panel", subjects: 40, reviewers: 3, orgCount: 20, conflictRate: 0.05, k: 4 },
    { name: "one reviewer", subjects: 30, reviewers: 1, orgCount: 10, conflictRate: 0.2, k: 2 },
  ];
  for (const c of cases) {
    test(c.name, () => {
      for (const seed of ["a", "b", "7f3a9c21"]) {
        const { subjects, reviewers } = makeRound({ ...c, fixture: `${c.name}-${seed}` });
        const input = { subjects, reviewers, existing: [], k: c.k, seed };
        expect(planAssignments(input), `${c.name} / ${seed}`).toEqual(referencePlanAssignments(input));
      }
    });
  }

  test("topping up a round with rows (some of reviewers gone), duplicated input, spaced tags and categories", () => {
    for (const seed of ["top-up", "again"]) {
      const { subjects, reviewers } = makeRound({ subjects: 400, reviewers: 15, orgCount: 80, fixture: seed });
      // The first reviewers already carry much of the round (rows listed twice count once).
      const existing = [
        ...existingRows(subjects, reviewers, 0.5, seed),
        ...subjects.slice(0, 150).flatMap((s, i) => [
          { subjectId: s.id, reviewerId: reviewers[i % 3]!.id, active: true },
          { subjectId: s.id, reviewerId: reviewers[i % 3]!.id, active: true },
        ]),
      ];
      // Categories with spaces and empty ones, tags with spaces, subjects and reviewers listed twice.
      const spaced = subjects.map((s, i) => (i % 7 === 0 && s.category ? { ...s, category: ` ${s.category} ` } : s));
      const input = {
        subjects: [...spaced, ...spaced.slice(0, 20), { id: "blank", organizationId: "o1", category: "  " }],
        reviewers: [
          ...reviewers.map((r, i) => (i % 4 === 0 ? { ...r, tags: [...r.tags, ` ${r.tags[0]}`] } : r)),
          reviewers[0]!,
        ],
        existing,
        k: 4,
        seed,
      };
      const plan = planAssignments(input);
      expect(plan).toEqual(referencePlanAssignments(input));
      expect(plan.added.length).toBeGreaterThan(0);
    }
  });
});

test("the panel's conflicts computed at once equal the conflicts computed reviewer by reviewer", () => {
  const rand = mulberry32(hashString("conflicts"));
  const people = ["张伟", "王芳", " 李娜", "李娜 ", "刘强", "", "  "];
  const organizations = Array.from({ length: 400 }, (_, i) => ({
    id: `o${i}`,
    legalRepresentative: rand() < 0.1 ? null : people[Math.floor(rand() * people.length)]!,
  }));
  organizations.push({ id: "o3", legalRepresentative: "赵敏" }); // an id listed twice with another name
  const reviewers = Array.from({ length: 30 }, (_, i) => ({
    id: `r${i}`,
    name: i % 5 === 0 ? "张伟" : i % 7 === 0 ? " " : `专家${i}`,
    memberOrganizationIds: rand() < 0.3 ? [`o${Math.floor(rand() * 400)}`, "missing"] : [],
    affiliatedOrganizationIds: rand() < 0.3 ? [`o${Math.floor(rand() * 400)}`, "o3"] : [],
  }));
  const all = conflictingOrganizationIdsOf(reviewers, organizations);
  for (const reviewer of reviewers) {
    const expected = referenceConflictingOrganizationIds(reviewer, organizations);
    expect(all.get(reviewer.id), reviewer.id).toEqual(expected);
    expect(conflictingOrganizationIds(reviewer, organizations), reviewer.id).toEqual(expected);
  }
  expect([...all.values()].some((ids) => ids.length > 10)).toBe(true);
});

test("row ids are cuid-shaped, unique and in creation order within a batch", () => {
  const ids = newRowIds(20_000, Date.UTC(2026, 11, 5));
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids.slice(0, 100)) expect(id).toMatch(/^c[0-9a-z]{24}$/);
});

// ───────────────────────── In the database ─────────────────────────

const DAY = 86_400_000;
const APPS = 120;
const REVIEWERS = 14;

async function generateRound() {
  const now = Date.now();
  const admin = await prisma.user.create({
    data: { email: "assign-admin@example.com", name: "管理员", role: "ADMIN" },
    select: { id: true },
  });
  const call = await prisma.grantCall.create({
    data: {
      title: "分配对照测试",
      year: 2026,
      description: "",
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
      reviewersPerApplication: 4,
      createdById: admin.id,
    },
    select: { id: true },
  });
  const categories = ["为老", "助残", "青少年", null];
  const reviewers = Array.from({ length: REVIEWERS }, (_, r) => ({
    id: `assign-reviewer-${String(r).padStart(2, "0")}`,
    // Two reviewers share a name with legal representatives; one is deactivated.
    name: r === 3 ? "王法人" : r === 8 ? "陈法人" : `专家${r}`,
    tags: [categories[r % 3]!, ...(r % 4 === 0 ? [categories[(r + 1) % 3]!] : [])],
    status: r === 11 ? "DISABLED" : "ACTIVE",
  }));
  for (const r of reviewers) {
    await prisma.user.create({
      data: {
        id: r.id,
        email: `${r.id}@example.com`,
        name: r.name,
        role: "REVIEWER",
        status: r.status,
        reviewerProfile: { create: { expertiseTags: JSON.stringify(r.tags) } },
      },
    });
  }
  const representatives = ["王法人", "陈法人", "周法人", " 周法人", null];
  await prisma.organization.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      id: `assign-org-${String(i).padStart(2, "0")}`,
      type: "SOCIAL_SERVICE",
      name: `分配测试组织${i}`,
      status: "REGISTERED",
      legalRepresentative: representatives[i % representatives.length],
    })),
  });
  // Ties: memberships and declared affiliations, one to an organization whose representative runs others.
  const memberships = [
    { userId: reviewers[1]!.id, organizationId: "assign-org-02" },
    { userId: reviewers[5]!.id, organizationId: "assign-org-17" },
  ];
  const affiliations = [
    { reviewerId: reviewers[6]!.id, organizationId: "assign-org-40" },
    { reviewerId: reviewers[9]!.id, organizationId: "assign-org-33" },
  ];
  await prisma.membership.createMany({ data: memberships });
  await prisma.reviewerAffiliation.createMany({ data: affiliations });
  const applications = Array.from({ length: APPS }, (_, i) => ({
    id: `assign-app-${String(i).padStart(3, "0")}`,
    callId: call.id,
    organizationId: `assign-org-${String((i * 7) % 60).padStart(2, "0")}`,
    status: i % 13 === 5 ? "SCREEN_FAILED" : "SCREEN_PASSED",
    title: `项目${i}`,
    category: categories[i % 4],
    createdById: admin.id,
  }));
  await prisma.grantApplication.createMany({ data: applications });
  // A round already under way: active rows, a recusal and a replaced reviewer.
  const existing = [
    { subjectId: "assign-app-000", reviewerId: reviewers[0]!.id, status: "ASSIGNED" },
    { subjectId: "assign-app-000", reviewerId: reviewers[2]!.id, status: "SUBMITTED" },
    { subjectId: "assign-app-001", reviewerId: reviewers[4]!.id, status: "RECUSED" },
    { subjectId: "assign-app-002", reviewerId: reviewers[7]!.id, status: "REPLACED" },
    { subjectId: "assign-app-003", reviewerId: reviewers[10]!.id, status: "DRAFTED" },
  ];
  await prisma.reviewAssignment.createMany({
    data: existing.map((e) => ({ ...e, subjectType: GRANT_SUBJECT_TYPE, roundId: call.id })),
  });
  const organizations = await prisma.organization.findMany({ select: { id: true, legalRepresentative: true } });
  return { admin, callId: call.id, reviewers, applications, memberships, affiliations, existing, organizations };
}

test("autoAssign writes exactly the rows of the pure rule over the same data, in one insert", async () => {
  const round = await generateRound();
  const dueAt = new Date(Date.now() + 5 * DAY).toISOString().slice(0, 10);
  const result = await autoAssign(
    round.callId,
    { reviewerIds: round.reviewers.map((r) => r.id), k: 4, seed: "set-based", dueAt },
    { actor: round.admin },
  );
  if (!result.ok) throw new Error(JSON.stringify(result));

  // The pure rule over the data held in memory, conflicts computed reviewer by reviewer.
  const active = round.reviewers.filter((r) => r.status === "ACTIVE");
  const input = {
    subjects: round.applications
      .filter((a) => a.status === "SCREEN_PASSED")
      .map((a) => ({ id: a.id, organizationId: a.organizationId, category: a.category })),
    reviewers: active.map((r) => ({
      id: r.id,
      tags: r.tags,
      conflictOrganizationIds: referenceConflictingOrganizationIds(
        {
          name: r.name,
          memberOrganizationIds: round.memberships.filter((m) => m.userId === r.id).map((m) => m.organizationId),
          affiliatedOrganizationIds: round.affiliations
            .filter((a) => a.reviewerId === r.id)
            .map((a) => a.organizationId),
        },
        round.organizations,
      ),
    })),
    existing: round.existing.map((e) => ({
      subjectId: e.subjectId,
      reviewerId: e.reviewerId,
      active: ["ASSIGNED", "DRAFTED", "SUBMITTED"].includes(e.status),
    })),
    k: 4,
    seed: "set-based",
  };
  const expected = referencePlanAssignments(input);
  const conflictPairs = input.subjects.flatMap((s) =>
    input.reviewers.filter((r) => r.conflictOrganizationIds.includes(s.organizationId)).map((r) => [s.id, r.id]),
  );
  expect(conflictPairs.length, "ties and shared representatives keep reviewers off applications").toBeGreaterThan(50);
  expect(result.added).toBe(expected.added.length);
  expect(result.unfilled.map((u) => ({ subjectId: u.id, missing: u.missing }))).toEqual(expected.unfilled);
  expect(Object.fromEntries(result.loads.map((l) => [l.id, l.load]))).toEqual(expected.loads);

  const written = await prisma.reviewAssignment.findMany({
    where: { roundId: round.callId, assignmentSeed: "set-based" },
    orderBy: [{ subjectId: "asc" }, { reviewerId: "asc" }],
    select: { id: true, subjectType: true, subjectId: true, reviewerId: true, status: true, dueAt: true },
  });
  expect(written.map((w) => ({ subjectId: w.subjectId, reviewerId: w.reviewerId }))).toEqual(
    expected.added.map((a) => ({ subjectId: a.subjectId, reviewerId: a.reviewerId })),
  );
  expect(new Set(written.map((w) => w.id)).size).toBe(written.length);
  for (const w of written) {
    expect(w).toMatchObject({ subjectType: GRANT_SUBJECT_TYPE, status: "ASSIGNED" });
    expect(w.dueAt!.getTime()).toBeGreaterThan(Date.now() + 4 * DAY);
  }
  // One audit event for the run and one notice per reviewer who got work.
  const events = await prisma.auditEvent.findMany({
    where: { entityId: round.callId, action: "grant_review.auto_assign" },
    select: { reason: true },
  });
  expect(events).toHaveLength(1);
  expect(events[0]!.reason).toContain(`新增分配 ${expected.added.length} 项`);
  const notified = await prisma.notification.groupBy({
    by: ["userId"],
    where: { title: { startsWith: "新的项目评审任务" } },
    _count: { _all: true },
  });
  expect(notified.map((n) => n._count._all)).toEqual(notified.map(() => 1));
  expect(notified.map((n) => n.userId).sort()).toEqual([...new Set(expected.added.map((a) => a.reviewerId))].sort());
});
