// planAssignments prefers reviewers whose expertise tags match the subject's category, never at the cost of balance.
import { describe, expect, it } from "vitest";
import { planAssignments, type AssignmentReviewer, type AssignmentSubject } from "./assignment";
import { CATEGORIES, makeRound, spreadOf } from "./assignment-test-fixtures";

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
