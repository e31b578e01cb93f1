// Automatic reviewer assignment. Pure: the same input and seed always give the
// same plan, so a stored seed reproduces an assignment.
//
// How a plan is made (planAssignments):
//  1. Subjects and reviewers are sorted by id first, so the order rows come back
//     from the database never changes the plan — only the seed does.
//  2. Greedy fill: subjects in order of fewest eligible reviewers first (seeded
//     order among equals); each gets the least loaded eligible reviewers, ties
//     broken by a matching expertise tag, then by a seeded shuffle.
//  3. Balance repair: while some reviewer carries at least two more than another
//     and a chain of legal moves of NEW assignments connects them, move along the
//     chain. Each move strictly lowers Σ load², so it ends, and when no such chain
//     is left the loads are as even as the conflicts allow (existing rows are never
//     moved, so an already lopsided round can stay lopsided).
//  4. Tag improvement: moves and swaps of new assignments that leave the multiset
//     of loads unchanged (so never the balance) but raise the number of tag matches.
// A subject can only miss reviewers when it has fewer eligible reviewers than it
// needs: reviewers have no capacity limit, only the balance preference.

import { Holdings, improveTagMatches, repairBalance, type Slot } from "./assignment-repair";

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

// ---------------------------------------------------------------------------
// Seeded randomness (no Math.random: a stored seed must reproduce the plan).

/** 32-bit FNV-1a hash of a string, used to turn the seed text into a PRNG state. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny, fast PRNG with a 32-bit state; returns floats in [0, 1). */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates on a copy. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// Plain code-unit comparison: localeCompare could differ between server and browser.
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Tops every subject up to k active reviewers from the panel:
 * - never a reviewer with a conflict (subject.organizationId in conflictOrganizationIds), never twice on one subject,
 *   never a reviewer who was recused/replaced on that subject;
 * - loads (existing active + new) balanced: max − min ≤ 1 whenever the conflicts allow it;
 * - among equally loaded candidates prefers a tag matching the subject's category;
 * - ties broken by a PRNG seeded from `seed`.
 *
 * Existing active rows count toward the subject's k (also those of reviewers no
 * longer on the panel) and toward the panel reviewer's load (also those on
 * subjects not passed in: work is work). A subject already at or above k gets nothing.
 *
 * Cost: the slots and the greedy fill are O(subjects × reviewers) (conflicts and tags
 * are looked up in sets built once; subjects of one category share one match vector);
 * the repair passes are in assignment-repair.ts.
 */
export function planAssignments(input: {
  subjects: AssignmentSubject[];
  reviewers: AssignmentReviewer[];
  existing: ExistingAssignment[];
  k: number;
  seed: string;
}): AssignmentPlan {
  const { k, seed } = input;
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
  const random = mulberry32(hashString(seed));

  // Deduplicated and sorted so that input order does not matter.
  const subjects = dedupeById(input.subjects).sort(byId);
  const reviewers = dedupeById(input.reviewers).sort(byId);
  const reviewerIndex = new Map(reviewers.map((r, i) => [r.id, i]));
  const R = reviewers.length;

  const load = new Array<number>(R).fill(0);
  // Per subject: reviewers already holding an active row, and reviewers blocked by any row.
  const activeOn = new Map<string, Set<string>>();
  const blockedOn = new Map<string, Set<number>>();
  for (const row of input.existing) {
    const ri = reviewerIndex.get(row.reviewerId);
    if (ri !== undefined) {
      let blocked = blockedOn.get(row.subjectId);
      if (!blocked) blockedOn.set(row.subjectId, (blocked = new Set()));
      blocked.add(ri);
    }
    if (!row.active) continue;
    let active = activeOn.get(row.subjectId);
    if (!active) activeOn.set(row.subjectId, (active = new Set()));
    if (active.has(row.reviewerId)) continue; // a duplicated row is still one reviewer
    active.add(row.reviewerId);
    if (ri !== undefined) load[ri]++;
  }

  // Reviewer indices per conflicting organization, and one match vector per category.
  const conflictedBy = new Map<string, number[]>();
  reviewers.forEach((r, i) => {
    for (const organizationId of new Set(r.conflictOrganizationIds)) {
      const list = conflictedBy.get(organizationId);
      if (list) list.push(i);
      else conflictedBy.set(organizationId, [i]);
    }
  });
  const tagSets = reviewers.map((r) => new Set(r.tags.map((tag) => tag.trim())));
  const categoryIndex = new Map<string, number>();
  const matchOf: Uint8Array[] = [new Uint8Array(R)]; // 0: no category, matches nobody
  const categoryOf = (subject: AssignmentSubject) => {
    const category = subject.category?.trim();
    if (!category) return 0;
    let index = categoryIndex.get(category);
    if (index === undefined) {
      index = matchOf.length;
      categoryIndex.set(category, index);
      matchOf.push(Uint8Array.from(tagSets, (tags) => (tags.has(category) ? 1 : 0)));
    }
    return index;
  };

  // For each subject: how many it still needs, who may take it, and who matches its tag.
  const slots: Slot[] = [];
  const unfilled: AssignmentPlan["unfilled"] = [];
  for (const subject of subjects) {
    const have = activeOn.get(subject.id)?.size ?? 0;
    const want = Math.max(0, k - have);
    if (want === 0) continue;
    const eligibleMask = new Uint8Array(R).fill(1);
    for (const r of blockedOn.get(subject.id) ?? []) eligibleMask[r] = 0;
    for (const r of conflictedBy.get(subject.organizationId) ?? []) eligibleMask[r] = 0;
    const eligible: number[] = [];
    for (let i = 0; i < R; i++) if (eligibleMask[i] === 1) eligible.push(i);
    const need = Math.min(want, eligible.length);
    if (need < want) unfilled.push({ subjectId: subject.id, missing: want - need });
    if (need === 0) continue;
    const category = categoryOf(subject);
    slots.push({
      subjectId: subject.id,
      need,
      eligible,
      eligibleMask,
      category,
      match: matchOf[category],
      assigned: new Set(),
    });
  }

  // 2. Greedy fill, most constrained subjects first (seeded order among equals).
  const order = shuffled(slots, random).sort((a, b) => a.eligible.length - b.eligible.length);
  const holdings = new Holdings(R);
  const candidates = new Int32Array(R); // scratch: the slot's eligible reviewers, shuffled
  const picked = new Uint8Array(R); // scratch: reviewers given this slot so far
  for (const slot of order) {
    // A fresh seeded shuffle per subject (Fisher–Yates, as shuffled() does), then the
    // first least loaded candidate, a tag match first among equals.
    const count = slot.eligible.length;
    candidates.set(slot.eligible);
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swap = candidates[i];
      candidates[i] = candidates[j];
      candidates[j] = swap;
    }
    const { match } = slot;
    for (let n = 0; n < slot.need; n++) {
      let best = -1;
      for (let i = 0; i < count; i++) {
        const c = candidates[i];
        if (picked[c] === 1) continue;
        if (best === -1 || load[c] < load[best] || (load[c] === load[best] && match[c] === 1 && match[best] !== 1))
          best = c;
      }
      picked[best] = 1;
      slot.assigned.add(best);
      holdings.add(best, slot);
      load[best]++;
    }
    for (const r of slot.assigned) picked[r] = 0;
  }

  // 3. Balance repair along chains of moves; 4. tag improvement without touching the load multiset.
  repairBalance(load, holdings);
  improveTagMatches(slots, holdings, load, matchOf);

  const added: AssignmentPlan["added"] = [];
  for (const slot of slots) {
    for (const r of slot.assigned) {
      added.push({ subjectId: slot.subjectId, reviewerId: reviewers[r].id, tagMatch: slot.match[r] === 1 });
    }
  }
  added.sort((a, b) => cmp(a.subjectId, b.subjectId) || cmp(a.reviewerId, b.reviewerId));
  const loads: Record<string, number> = {};
  reviewers.forEach((r, i) => (loads[r.id] = load[i]));
  return { seed, added, loads, unfilled };
}

function dedupeById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}

/** A fresh random seed, e.g. "7f3a9c21". */
export function newSeed(): string {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  return value.toString(16).padStart(8, "0");
}

/** A reviewer's ties to organizations, as conflicts of interest are computed from them. */
export type ReviewerTies = {
  name: string;
  memberOrganizationIds: string[];
  affiliatedOrganizationIds: string[];
};

/**
 * The organizations a reviewer may not review: those they belong to, those they
 * declared an affiliation with, and those whose legal representative is the
 * reviewer or the legal representative of one of those organizations.
 *
 * Names are compared trimmed and exactly; empty names never match. Ids of member
 * or affiliated organizations are returned even when absent from `organizations`.
 * Sorted, without duplicates.
 */
export function conflictingOrganizationIds(
  reviewer: ReviewerTies,
  organizations: { id: string; legalRepresentative: string | null }[],
): string[] {
  return conflictingOrganizationIdsOf([{ ...reviewer, id: "" }], organizations).get("")!;
}

/**
 * conflictingOrganizationIds for a whole panel at once: the organizations are indexed
 * by legal representative once, so the cost is the organizations plus each reviewer's
 * ties and conflicts, not reviewers × organizations.
 */
export function conflictingOrganizationIdsOf(
  reviewers: (ReviewerTies & { id: string })[],
  organizations: { id: string; legalRepresentative: string | null }[],
): Map<string, string[]> {
  const rep = (name: string | null | undefined) => name?.trim() ?? "";
  const representativesOf = new Map<string, Set<string>>();
  const organizationsOf = new Map<string, string[]>();
  for (const org of organizations) {
    const name = rep(org.legalRepresentative);
    if (!name) continue;
    let names = representativesOf.get(org.id);
    if (!names) representativesOf.set(org.id, (names = new Set()));
    names.add(name);
    const ids = organizationsOf.get(name);
    if (ids) ids.push(org.id);
    else organizationsOf.set(name, [org.id]);
  }
  const result = new Map<string, string[]>();
  for (const reviewer of reviewers) {
    const direct = new Set([...reviewer.memberOrganizationIds, ...reviewer.affiliatedOrganizationIds]);
    // The people whose organizations are off-limits: the reviewer and the legal
    // representatives of the organizations the reviewer is tied to.
    const people = new Set<string>();
    if (rep(reviewer.name)) people.add(rep(reviewer.name));
    for (const id of direct) for (const name of representativesOf.get(id) ?? []) people.add(name);
    const conflicts = new Set(direct);
    for (const name of people) for (const id of organizationsOf.get(name) ?? []) conflicts.add(id);
    result.set(reviewer.id, [...conflicts].sort(cmp));
  }
  return result;
}
