// Shared by the planAssignments tests: a reproducible round and the check of
// every hard rule of a plan (no conflict, no duplicate, k per subject, loads).
import { expect } from "vitest";
import {
  hashString,
  mulberry32,
  type AssignmentPlan,
  type AssignmentReviewer,
  type AssignmentSubject,
  type ExistingAssignment,
} from "./assignment";

export const CATEGORIES = ["养老", "助残", "儿童", "环保", "社区"];

/**
 * A reproducible round: subjects from `orgCount` organizations, reviewers with one
 * or two tags and a few random conflicts (fixed fixture seed, not the plan's seed).
 */
export function makeRound(opts: {
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
export function checkPlan(
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

export const spreadOf = (loads: Record<string, number>) =>
  Math.max(...Object.values(loads)) - Math.min(...Object.values(loads));
