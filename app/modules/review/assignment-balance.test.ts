// planAssignments: seeded, balanced plans, and topping up a round that already has rows.
import { describe, expect, it } from "vitest";
import { newSeed, planAssignments, type ExistingAssignment } from "./assignment";
import { checkPlan, makeRound, spreadOf } from "./assignment-test-fixtures";

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

describe("newSeed", () => {
  it("returns 8 hex characters, different each time", () => {
    const seeds = new Set(Array.from({ length: 50 }, () => newSeed()));
    for (const s of seeds) expect(s).toMatch(/^[0-9a-f]{8}$/);
    expect(seeds.size).toBeGreaterThan(45);
  });
});
