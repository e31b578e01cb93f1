// Automatic reviewer assignment. Pure: the same input and seed always give the
// same plan, so a stored seed reproduces an assignment.
// CONTRACT (implementation pending): see the function comments.

export type AssignmentSubject = { id: string; organizationId: string; category: string | null };
export type AssignmentReviewer = { id: string; tags: string[]; conflictOrganizationIds: string[] };
/** Rows already in the database for this round; inactive ones (recused/replaced) block re-assigning that reviewer to that subject. */
export type ExistingAssignment = { subjectId: string; reviewerId: string; active: boolean };

export type AssignmentPlan = {
  seed: string;
  /** new assignments to create, in a stable order */
  added: { subjectId: string; reviewerId: string; tagMatch: boolean }[];
  /** active assignments per reviewer after the plan (existing + added), every panel reviewer listed */
  loads: Record<string, number>;
  /** subjects that could not reach k reviewers without a conflict */
  unfilled: { subjectId: string; missing: number }[];
};

/**
 * Tops every subject up to k active reviewers from the panel:
 * - never a reviewer with a conflict (subject.organizationId in conflictOrganizationIds), never twice on one subject,
 *   never a reviewer who was recused/replaced on that subject;
 * - loads (existing active + new) balanced: max − min ≤ 1 whenever the conflicts allow it;
 * - among equally loaded candidates prefers a tag matching the subject's category;
 * - ties broken by a PRNG seeded from `seed`.
 */
export function planAssignments(_input: {
  subjects: AssignmentSubject[];
  reviewers: AssignmentReviewer[];
  existing: ExistingAssignment[];
  k: number;
  seed: string;
}): AssignmentPlan {
  throw new Error("not implemented");
}

/** A fresh random seed, e.g. "7f3a9c21". */
export function newSeed(): string {
  throw new Error("not implemented");
}

/**
 * The organizations a reviewer may not review: those they belong to, those they
 * declared an affiliation with, and those whose legal representative is the
 * reviewer or the legal representative of one of those organizations.
 */
export function conflictingOrganizationIds(_reviewer: {
  name: string;
  memberOrganizationIds: string[];
  affiliatedOrganizationIds: string[];
}, _organizations: { id: string; legalRepresentative: string | null }[]): string[] {
  throw new Error("not implemented");
}
