// Conflicts of interest: who may not review whom, and plans under heavy conflicts.
import { describe, expect, it } from "vitest";
import {
  conflictingOrganizationIds,
  planAssignments,
  type AssignmentReviewer,
  type AssignmentSubject,
} from "./assignment";
import { checkPlan, makeRound, spreadOf } from "./assignment-test-fixtures";

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
