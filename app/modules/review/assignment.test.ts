import { describe, expect, it } from "vitest";
import {
  conflictingOrganizationIds,
  hashString,
  mulberry32,
  newSeed,
  planAssignments,
  type AssignmentPlan,
  type AssignmentReviewer,
  type AssignmentSubject,
  type ExistingAssignment,
} from "./assignment";

const CATEGORIES = ["养老", "助残", "儿童", "环保", "社区"];

/**
 * A reproducible round: subjects from `orgCount` organizations, reviewers with one
 * or two tags and a few random conflicts (fixed fixture seed, not the plan's seed).
 */
function makeRound(opts: {
  subjects: number;
  reviewers: number;
  orgCount?: number;
  conflictRate?: number;
  fixture?: string;
}) {
  const rand = mulberry32(hashString(opts.fixture ?? "fixture"));
  const orgCount = opts.orgCount ?? 60;
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const subjects: AssignmentSubject[] = Array.from({ length: opts.subjects }, (_, i) => ({
    id: `s${String(i).padStart(4, "0")}`,
    organizationId: `o${Math.floor(rand() * orgCount)}`,
    category: rand() < 0.1 ? null : pick(CATEGORIES),
  }));
  const reviewers: AssignmentReviewer[] = Array.from({ length: opts.reviewers }, (_, i) => {
    const tags = [pick(CATEGORIES)];
    if (rand() < 0.3) tags.push(pick(CATEGORIES));
    const conflicts: string[] = [];
    for (let o = 0; o < orgCount; o++) if (rand() < (opts.conflictRate ?? 0.05)) conflicts.push(`o${o}`);
    return { id: `r${String(i).padStart(2, "0")}`, tags, conflictOrganizationIds: conflicts };
  });
  return { subjects, reviewers };
}

/** Checks every hard rule of a plan; returns the per-subject active reviewer sets. */
function checkPlan(
  plan: AssignmentPlan,
  input: { subjects: AssignmentSubject[]; reviewers: AssignmentReviewer[]; existing: ExistingAssignment[]; k: number },
) {
  const reviewers = new Map(input.reviewers.map((r) => [r.id, r]));
  const subjects = new Map(input.subjects.map((s) => [s.id, s]));
  const on = new Map<string, string[]>();
  for (const s of input.subjects) on.set(s.id, []);
  for (const e of input.existing) if (e.active) on.get(e.subjectId)?.push(e.reviewerId);
  const blocked = new Set(input.existing.map((e) => `${e.subjectId}|${e.reviewerId}`));

  for (const a of plan.added) {
    const subject = subjects.get(a.subjectId)!;
    const reviewer = reviewers.get(a.reviewerId)!;
    expect(subject, a.subjectId).toBeDefined();
    expect(reviewer, a.reviewerId).toBeDefined();
    expect(reviewer.conflictOrganizationIds, `conflict ${a.subjectId}/${a.reviewerId}`).not.toContain(
      subject.organizationId,
    );
    expect(blocked.has(`${a.subjectId}|${a.reviewerId}`), `existing row ${a.subjectId}/${a.reviewerId}`).toBe(false);
    expect(a.tagMatch).toBe(subject.category != null && reviewer.tags.includes(subject.category));
    on.get(a.subjectId)!.push(a.reviewerId);
  }
  for (const [subjectId, list] of on) {
    expect(new Set(list).size, `duplicate on ${subjectId}`).toBe(list.length);
    const before = input.existing.filter((e) => e.active && e.subjectId === subjectId).length;
    const missing = plan.unfilled.find((u) => u.subjectId === subjectId)?.missing ?? 0;
    expect(list.length, `reviewers on ${subjectId}`).toBe(Math.max(input.k, before) - missing);
  }
  // loads match what the plan adds on top of existing active rows
  const expected: Record<string, number> = {};
  for (const r of input.reviewers) expected[r.id] = 0;
  for (const e of input.existing) if (e.active && e.reviewerId in expected) expected[e.reviewerId]++;
  for (const a of plan.added) expected[a.reviewerId]++;
  expect(plan.loads).toEqual(expected);
  return on;
}

const spreadOf = (loads: Record<string, number>) =>
  Math.max(...Object.values(loads)) - Math.min(...Object.values(loads));

describe("planAssignments on a large round", () => {
  for (const k of [3, 5]) {
    it(`300 subjects, 25 reviewers, k=${k}: exactly k each, no conflict or duplicate, loads within one`, () => {
      const { subjects, reviewers } = makeRound({ subjects: 300, reviewers: 25 });
      const input = { subjects, reviewers, existing: [], k, seed: "round-1" };
      const plan = planAssignments(input);
      expect(plan.unfilled).toEqual([]);
      expect(plan.added).toHaveLength(300 * k);
      const on = checkPlan(plan, input);
      for (const list of on.values()) expect(list).toHaveLength(k);
      expect(spreadOf(plan.loads)).toBeLessThanOrEqual(1);
      expect(plan.seed).toBe("round-1");
    });
  }

  it("balances even with heavy conflicts (30% of organizations per reviewer)", () => {
    const { subjects, reviewers } = makeRound({ subjects: 200, reviewers: 20, conflictRate: 0.3, fixture: "heavy" });
    const input = { subjects, reviewers, existing: [], k: 5, seed: "x" };
    const plan = planAssignments(input);
    checkPlan(plan, input);
    expect(plan.unfilled).toEqual([]);
    expect(spreadOf(plan.loads)).toBeLessThanOrEqual(1);
  });

  it("the same seed gives the identical plan, whatever the input order", () => {
    const { subjects, reviewers } = makeRound({ subjects: 300, reviewers: 25 });
    const a = planAssignments({ subjects, reviewers, existing: [], k: 3, seed: "abc" });
    const b = planAssignments({
      subjects: subjects.slice().reverse(),
      reviewers: reviewers.slice().reverse(),
      existing: [],
      k: 3,
      seed: "abc",
    });
    expect(b).toEqual(a);
  });

  it("a different seed gives a different plan", () => {
    const { subjects, reviewers } = makeRound({ subjects: 300, reviewers: 25 });
    const a = planAssignments({ subjects, reviewers, existing: [], k: 3, seed: "abc" });
    const b = planAssignments({ subjects, reviewers, existing: [], k: 3, seed: "abd" });
    expect(b.added).not.toEqual(a.added);
    expect(spreadOf(b.loads)).toBeLessThanOrEqual(1);
  });

  it("returns added in a stable order (subject id, then reviewer id)", () => {
    const { subjects, reviewers } = makeRound({ subjects: 50, reviewers: 10 });
    const plan = planAssignments({ subjects, reviewers, existing: [], k: 3, seed: "s" });
    const keys = plan.added.map((a) => `${a.subjectId}|${a.reviewerId}`);
    expect(keys).toEqual(keys.slice().sort());
  });
});

describe("planAssignments with existing rows", () => {
  it("tops subjects up to k without duplicating the existing reviewers, counting their load", () => {
    const { subjects, reviewers } = makeRound({ subjects: 120, reviewers: 15, fixture: "topup" });
    const first = planAssignments({ subjects: subjects.slice(0, 80), reviewers, existing: [], k: 3, seed: "one" });
    // Later: k goes up to 4 and 40 more subjects arrive.
    const existing: ExistingAssignment[] = first.added.map((a) => ({
      subjectId: a.subjectId,
      reviewerId: a.reviewerId,
      active: true,
    }));
    const input = { subjects, reviewers, existing, k: 4, seed: "two" };
    const plan = planAssignments(input);
    const on = checkPlan(plan, input);
    for (const list of on.values()) expect(list).toHaveLength(4);
    // 80 subjects get one more each, 40 get four
    expect(plan.added).toHaveLength(80 + 40 * 4);
    expect(spreadOf(plan.loads)).toBeLessThanOrEqual(1);
  });

  it("adds nothing to a subject already at k (or above)", () => {
    const subjects = [{ id: "s1", organizationId: "o1", category: null }];
    const reviewers = ["a", "b", "c", "d"].map((id) => ({ id, tags: [], conflictOrganizationIds: [] }));
    const existing = ["a", "b", "c"].map((reviewerId) => ({ subjectId: "s1", reviewerId, active: true }));
    const plan = planAssignments({ subjects, reviewers, existing, k: 2, seed: "s" });
    expect(plan.added).toEqual([]);
    expect(plan.loads).toEqual({ a: 1, b: 1, c: 1, d: 0 });
    expect(plan.unfilled).toEqual([]);
  });

  it("never brings back a recused or replaced reviewer, and inactive rows do not count toward k or load", () => {
    const subjects = [{ id: "s1", organizationId: "o1", category: null }];
    const reviewers = ["a", "b", "c"].map((id) => ({ id, tags: [], conflictOrganizationIds: [] }));
    const existing = [
      { subjectId: "s1", reviewerId: "a", active: false },
      { subjectId: "s1", reviewerId: "b", active: true },
    ];
    const plan = planAssignments({ subjects, reviewers, existing, k: 2, seed: "s" });
    expect(plan.added).toEqual([{ subjectId: "s1", reviewerId: "c", tagMatch: false }]);
    expect(plan.loads).toEqual({ a: 0, b: 1, c: 1 });

    // Needing a third reviewer, only the recused one is left: unfilled, not re-assigned.
    const plan3 = planAssignments({ subjects, reviewers, existing, k: 3, seed: "s" });
    expect(plan3.added.map((a) => a.reviewerId)).toEqual(["c"]);
    expect(plan3.unfilled).toEqual([{ subjectId: "s1", missing: 1 }]);
  });

  it("respects inactive rows over a large round", () => {
    const { subjects, reviewers } = makeRound({ subjects: 100, reviewers: 12, fixture: "inactive" });
    const first = planAssignments({ subjects, reviewers, existing: [], k: 3, seed: "a" });
    // Every fifth assignment was recused: the rest stay active.
    const existing: ExistingAssignment[] = first.added.map((a, i) => ({
      subjectId: a.subjectId,
      reviewerId: a.reviewerId,
      active: i % 5 !== 0,
    }));
    const input = { subjects, reviewers, existing, k: 3, seed: "b" };
    const plan = planAssignments(input);
    const on = checkPlan(plan, input);
    for (const list of on.values()) expect(list).toHaveLength(3);
    expect(plan.added).toHaveLength(existing.filter((e) => !e.active).length);
  });

  it("counts active rows of reviewers who left the panel toward k, but lists only panel loads", () => {
    const subjects = [{ id: "s1", organizationId: "o1", category: null }];
    const reviewers = ["a", "b"].map((id) => ({ id, tags: [], conflictOrganizationIds: [] }));
    const plan = planAssignments({
      subjects,
      reviewers,
      existing: [{ subjectId: "s1", reviewerId: "gone", active: true }],
      k: 2,
      seed: "s",
    });
    expect(plan.added).toHaveLength(1);
    expect(Object.keys(plan.loads).sort()).toEqual(["a", "b"]);
  });

  it("moves only new assignments when balancing: a lopsided existing load stays", () => {
    const subjects = ["s1", "s2", "s3", "s4", "s5"].map((id) => ({ id, organizationId: "o", category: null }));
    const reviewers = ["a", "b", "c"].map((id) => ({ id, tags: [], conflictOrganizationIds: [] }));
    const existing = subjects.map((s) => ({ subjectId: s.id, reviewerId: "a", active: true }));
    const plan = planAssignments({ subjects, reviewers, existing, k: 2, seed: "s" });
    expect(plan.loads.a).toBe(5);
    expect(plan.added.every((x) => x.reviewerId !== "a")).toBe(true);
    expect(Math.abs(plan.loads.b - plan.loads.c)).toBeLessThanOrEqual(1);
  });
});

describe("planAssignments with conflicts", () => {
  it("reports a subject that cannot reach k (all reviewers but k−1 conflicted) and fills what it can", () => {
    const { subjects, reviewers } = makeRound({ subjects: 60, reviewers: 10, conflictRate: 0, fixture: "infeasible" });
    const k = 3;
    const hard: AssignmentSubject = { id: "hard", organizationId: "conflicted-org", category: "养老" };
    const free = new Set(reviewers.slice(0, k - 1).map((r) => r.id));
    const panel = reviewers.map((r) =>
      free.has(r.id) ? r : { ...r, conflictOrganizationIds: [...r.conflictOrganizationIds, "conflicted-org"] },
    );
    const input = { subjects: [...subjects, hard], reviewers: panel, existing: [], k, seed: "s" };
    const plan = planAssignments(input);
    expect(plan.unfilled).toEqual([{ subjectId: "hard", missing: 1 }]);
    expect(
      plan.added
        .filter((a) => a.subjectId === "hard")
        .map((a) => a.reviewerId)
        .sort(),
    ).toEqual([...free].sort());
    checkPlan(plan, input);
    expect(spreadOf(plan.loads)).toBeLessThanOrEqual(1);
  });

  it("keeps loads within one when a chain of moves is needed", () => {
    // Found by search: with seed "s26" the greedy pass leaves one reviewer with 2 and
    // one with 0, and no single move fixes it: only a chain of two moves does.
    const reviewers: AssignmentReviewer[] = [
      { id: "a", tags: [], conflictOrganizationIds: ["X"] },
      { id: "b", tags: [], conflictOrganizationIds: ["X", "Z"] },
      { id: "c", tags: [], conflictOrganizationIds: ["Y", "Z"] },
      { id: "d", tags: [], conflictOrganizationIds: ["Z"] },
    ];
    const subjects: AssignmentSubject[] = [
      { id: "s0", organizationId: "Y", category: null },
      { id: "s1", organizationId: "Z", category: null }, // only a
      { id: "s2", organizationId: "X", category: null }, // c or d
      { id: "s3", organizationId: "Y", category: null }, // a, b or d
    ];
    for (const seed of ["s26", "1", "2", "3", "4", "5", "6", "7", "8"]) {
      const input = { subjects, reviewers, existing: [], k: 1, seed };
      const plan = planAssignments(input);
      checkPlan(plan, input);
      expect(plan.loads, seed).toEqual({ a: 1, b: 1, c: 1, d: 1 });
    }
  });

  it("keeps loads within one when only some reviewers may take some subjects", () => {
    // Subjects of org X can only go to a or b; the free subjects can go anywhere.
    // Whatever order the greedy takes, the repair must even things out.
    const reviewers: AssignmentReviewer[] = [
      { id: "a", tags: [], conflictOrganizationIds: [] },
      { id: "b", tags: [], conflictOrganizationIds: [] },
      { id: "c", tags: [], conflictOrganizationIds: ["X"] },
      { id: "d", tags: [], conflictOrganizationIds: ["X"] },
    ];
    const subjects: AssignmentSubject[] = [
      ...Array.from({ length: 4 }, (_, i) => ({ id: `x${i}`, organizationId: "X", category: null })),
      ...Array.from({ length: 4 }, (_, i) => ({ id: `f${i}`, organizationId: "F", category: null })),
    ];
    for (const seed of ["1", "2", "3", "4", "5", "6"]) {
      const input = { subjects, reviewers, existing: [], k: 1, seed };
      const plan = planAssignments(input);
      checkPlan(plan, input);
      expect(plan.loads).toEqual({ a: 2, b: 2, c: 2, d: 2 });
    }
  });

  it("gets as close as the conflicts allow when balance is impossible", () => {
    // Only a can review org X's 6 subjects; the others cannot help it.
    const reviewers: AssignmentReviewer[] = [
      { id: "a", tags: [], conflictOrganizationIds: [] },
      { id: "b", tags: [], conflictOrganizationIds: ["X"] },
      { id: "c", tags: [], conflictOrganizationIds: ["X"] },
    ];
    const subjects = [
      ...Array.from({ length: 6 }, (_, i) => ({ id: `x${i}`, organizationId: "X", category: null })),
      ...Array.from({ length: 6 }, (_, i) => ({ id: `f${i}`, organizationId: "F", category: null })),
    ];
    const plan = planAssignments({ subjects, reviewers, existing: [], k: 1, seed: "s" });
    // a must take all of X; all free ones go to b and c.
    expect(plan.loads).toEqual({ a: 6, b: 3, c: 3 });
  });

  it("handles an empty panel or no subjects", () => {
    const subjects = [{ id: "s1", organizationId: "o", category: null }];
    expect(planAssignments({ subjects, reviewers: [], existing: [], k: 2, seed: "s" })).toEqual({
      seed: "s",
      added: [],
      loads: {},
      unfilled: [{ subjectId: "s1", missing: 2 }],
    });
    const reviewers = [{ id: "a", tags: [], conflictOrganizationIds: [] }];
    expect(planAssignments({ subjects: [], reviewers, existing: [], k: 2, seed: "s" }).loads).toEqual({ a: 0 });
  });

  it("refuses a negative or fractional k", () => {
    expect(() => planAssignments({ subjects: [], reviewers: [], existing: [], k: -1, seed: "s" })).toThrow(RangeError);
    expect(() => planAssignments({ subjects: [], reviewers: [], existing: [], k: 1.5, seed: "s" })).toThrow(RangeError);
  });
});

describe("planAssignments tag matching", () => {
  it("matches tags far more often than chance when the panel allows it", () => {
    // 5 categories, 5 reviewers per category, one tag each: a random choice of 3 out of
    // 25 would match about 20% of the time; here every assignment can match.
    const reviewers: AssignmentReviewer[] = Array.from({ length: 25 }, (_, i) => ({
      id: `r${String(i).padStart(2, "0")}`,
      tags: [CATEGORIES[i % 5]],
      conflictOrganizationIds: [],
    }));
    const subjects: AssignmentSubject[] = Array.from({ length: 100 }, (_, i) => ({
      id: `s${String(i).padStart(3, "0")}`,
      organizationId: `o${i}`,
      category: CATEGORIES[i % 5],
    }));
    const plan = planAssignments({ subjects, reviewers, existing: [], k: 3, seed: "tags" });
    const rate = plan.added.filter((a) => a.tagMatch).length / plan.added.length;
    expect(rate).toBeGreaterThan(0.9);
    expect(spreadOf(plan.loads)).toBeLessThanOrEqual(1);
  });

  it("matches more than chance on the random round, without hurting balance", () => {
    const { subjects, reviewers } = makeRound({ subjects: 300, reviewers: 25 });
    const plan = planAssignments({ subjects, reviewers, existing: [], k: 3, seed: "round-1" });
    // Chance: the share of (subject, reviewer) pairs that match.
    let pairs = 0;
    let matching = 0;
    for (const s of subjects)
      for (const r of reviewers) {
        pairs++;
        if (s.category && r.tags.includes(s.category)) matching++;
      }
    const chance = matching / pairs;
    const rate = plan.added.filter((a) => a.tagMatch).length / plan.added.length;
    expect(rate).toBeGreaterThan(chance * 2);
    expect(spreadOf(plan.loads)).toBeLessThanOrEqual(1);
  });

  it("prefers the matching reviewer among equally loaded ones", () => {
    const reviewers = [
      { id: "a", tags: ["助残"], conflictOrganizationIds: [] },
      { id: "b", tags: ["养老"], conflictOrganizationIds: [] },
      { id: "c", tags: [" 环保 "], conflictOrganizationIds: [] },
    ];
    for (const seed of ["1", "2", "3", "4", "5"]) {
      const plan = planAssignments({
        subjects: [{ id: "s1", organizationId: "o", category: "养老" }],
        reviewers,
        existing: [],
        k: 1,
        seed,
      });
      expect(plan.added).toEqual([{ subjectId: "s1", reviewerId: "b", tagMatch: true }]);
      // tags and categories are compared trimmed
      const plan2 = planAssignments({
        subjects: [{ id: "s1", organizationId: "o", category: "环保" }],
        reviewers,
        existing: [],
        k: 1,
        seed,
      });
      expect(plan2.added).toEqual([{ subjectId: "s1", reviewerId: "c", tagMatch: true }]);
    }
  });

  it("does not give up balance for a tag match", () => {
    // Every subject matches only reviewer a; balance still wins.
    const reviewers = [
      { id: "a", tags: ["养老"], conflictOrganizationIds: [] },
      { id: "b", tags: [], conflictOrganizationIds: [] },
      { id: "c", tags: [], conflictOrganizationIds: [] },
    ];
    const subjects = Array.from({ length: 9 }, (_, i) => ({ id: `s${i}`, organizationId: "o", category: "养老" }));
    const plan = planAssignments({ subjects, reviewers, existing: [], k: 1, seed: "s" });
    expect(plan.loads).toEqual({ a: 3, b: 3, c: 3 });
  });
});

describe("newSeed", () => {
  it("returns 8 hex characters, different each time", () => {
    const seeds = new Set(Array.from({ length: 50 }, () => newSeed()));
    for (const s of seeds) expect(s).toMatch(/^[0-9a-f]{8}$/);
    expect(seeds.size).toBeGreaterThan(45);
  });
});

describe("conflictingOrganizationIds", () => {
  const organizations = [
    { id: "member", legalRepresentative: "王芳" },
    { id: "affiliated", legalRepresentative: "李强" },
    { id: "same-rep-as-member", legalRepresentative: " 王芳 " },
    { id: "same-rep-as-affiliated", legalRepresentative: "李强" },
    { id: "reviewer-is-rep", legalRepresentative: "张伟" },
    { id: "unrelated", legalRepresentative: "赵敏" },
    { id: "no-rep", legalRepresentative: null },
    { id: "blank-rep", legalRepresentative: "  " },
  ];

  it("covers member, affiliated and legal-representative ties", () => {
    const ids = conflictingOrganizationIds(
      { name: "张伟", memberOrganizationIds: ["member"], affiliatedOrganizationIds: ["affiliated"] },
      organizations,
    );
    expect(ids).toEqual(
      ["affiliated", "member", "reviewer-is-rep", "same-rep-as-affiliated", "same-rep-as-member"].sort(),
    );
  });

  it("compares names trimmed and never matches empty names", () => {
    const orgs = [
      { id: "a", legalRepresentative: "" },
      { id: "b", legalRepresentative: null },
      { id: "c", legalRepresentative: "  张伟\u3000" },
    ];
    expect(
      conflictingOrganizationIds({ name: " ", memberOrganizationIds: [], affiliatedOrganizationIds: [] }, orgs),
    ).toEqual([]);
    expect(
      conflictingOrganizationIds({ name: "张伟 ", memberOrganizationIds: [], affiliatedOrganizationIds: [] }, orgs),
    ).toEqual(["c"]);
    // a member organization with no representative does not pull in the rep-less ones
    expect(
      conflictingOrganizationIds({ name: "某人", memberOrganizationIds: ["b"], affiliatedOrganizationIds: [] }, orgs),
    ).toEqual(["b"]);
  });

  it("keeps member/affiliated ids unknown to the list and returns no duplicates", () => {
    const ids = conflictingOrganizationIds(
      { name: "某人", memberOrganizationIds: ["x", "member"], affiliatedOrganizationIds: ["x"] },
      organizations,
    );
    expect(ids).toEqual(["member", "same-rep-as-member", "x"]);
  });

  it("returns nothing for a reviewer with no ties", () => {
    expect(
      conflictingOrganizationIds(
        { name: "陈静", memberOrganizationIds: [], affiliatedOrganizationIds: [] },
        organizations,
      ),
    ).toEqual([]);
  });
});
