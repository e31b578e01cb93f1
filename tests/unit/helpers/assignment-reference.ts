// The automatic-assignment rule exactly as it was before it was rewritten for volume
// (app/modules/review/assignment.ts at 05a0dc8, issue #17 item 6): kept frozen as the
// oracle of tests/unit/assignment-at-volume.test.ts, which requires the rewritten rule to
// give the same plan, move for move, on generated rounds. Not used by the app.

import type {
  AssignmentPlan,
  AssignmentReviewer,
  AssignmentSubject,
  ExistingAssignment,
} from "~/modules/review/assignment";

// Seeded randomness (no Math.random: a stored seed must reproduce the plan).

/** 32-bit FNV-1a hash of a string, used to turn the seed text into a PRNG state. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny, fast PRNG with a 32-bit state; returns floats in [0, 1). */
function mulberry32(state: number): () => number {
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

/** Whether the reviewer's tags name the subject's category (trimmed, exact). */
function tagMatches(reviewer: AssignmentReviewer, subject: AssignmentSubject): boolean {
  const category = subject.category?.trim();
  if (!category) return false;
  return reviewer.tags.some((tag) => tag.trim() === category);
}

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
 */
export function referencePlanAssignments(input: {
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
  const blockedOn = new Map<string, Set<string>>();
  for (const row of input.existing) {
    let blocked = blockedOn.get(row.subjectId);
    if (!blocked) blockedOn.set(row.subjectId, (blocked = new Set()));
    blocked.add(row.reviewerId);
    if (!row.active) continue;
    let active = activeOn.get(row.subjectId);
    if (!active) activeOn.set(row.subjectId, (active = new Set()));
    if (active.has(row.reviewerId)) continue; // a duplicated row is still one reviewer
    active.add(row.reviewerId);
    const ri = reviewerIndex.get(row.reviewerId);
    if (ri !== undefined) load[ri]++;
  }

  // For each subject: how many it still needs, who may take it, and who matches its tag.
  type Slot = {
    subject: AssignmentSubject;
    need: number;
    eligible: number[]; // reviewer indices, sorted
    eligibleSet: Set<number>;
    match: boolean[]; // by reviewer index
    assigned: Set<number>; // NEW assignments (reviewer indices)
  };
  const slots: Slot[] = [];
  const unfilled: AssignmentPlan["unfilled"] = [];
  for (const subject of subjects) {
    const have = activeOn.get(subject.id)?.size ?? 0;
    const want = Math.max(0, k - have);
    if (want === 0) continue;
    const blocked = blockedOn.get(subject.id);
    const eligible: number[] = [];
    reviewers.forEach((r, i) => {
      if (blocked?.has(r.id)) return;
      if (r.conflictOrganizationIds.includes(subject.organizationId)) return;
      eligible.push(i);
    });
    const need = Math.min(want, eligible.length);
    if (need < want) unfilled.push({ subjectId: subject.id, missing: want - need });
    if (need === 0) continue;
    slots.push({
      subject,
      need,
      eligible,
      eligibleSet: new Set(eligible),
      match: reviewers.map((r) => tagMatches(r, subject)),
      assigned: new Set(),
    });
  }

  // 2. Greedy fill, most constrained subjects first (seeded order among equals).
  const order = shuffled(slots, random).sort((a, b) => a.eligible.length - b.eligible.length);
  // reviewer index → slots it newly holds (for the repair and tag passes)
  const holds: Set<Slot>[] = reviewers.map(() => new Set());
  for (const slot of order) {
    // A fresh seeded shuffle per subject, then a stable sort: least loaded, then tag match.
    const candidates = shuffled(slot.eligible, random);
    for (let n = 0; n < slot.need; n++) {
      let best = -1;
      for (const c of candidates) {
        if (slot.assigned.has(c)) continue;
        if (best === -1 || load[c] < load[best] || (load[c] === load[best] && slot.match[c] && !slot.match[best]))
          best = c;
      }
      slot.assigned.add(best);
      holds[best].add(slot);
      load[best]++;
    }
  }

  // 3. Balance repair along chains of moves.
  const move = (slot: Slot, from: number, to: number) => {
    slot.assigned.delete(from);
    slot.assigned.add(to);
    holds[from].delete(slot);
    holds[to].add(slot);
  };
  const canTake = (slot: Slot, r: number) => slot.eligibleSet.has(r) && !slot.assigned.has(r);

  for (;;) {
    const path = findImprovingChain(R, load, holds, canTake, (slot, r) => slot.match[r]);
    if (!path) break;
    // Each step hands one new assignment on; every step was checked against the
    // state before the chain and no reviewer receives and gives the same subject,
    // so the order of the steps does not matter. Only the two ends change load.
    for (const step of path) move(step.slot, step.from, step.to);
    load[path[path.length - 1].from]--; // the source
    load[path[0].to]++; // the target
  }

  // 4. Tag improvement without touching the load multiset.
  improveTagMatches(slots, holds, load, canTake, move);

  const added: AssignmentPlan["added"] = [];
  for (const slot of slots) {
    for (const r of slot.assigned) {
      added.push({ subjectId: slot.subject.id, reviewerId: reviewers[r].id, tagMatch: slot.match[r] });
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

type ChainStep<S> = { slot: S; from: number; to: number };

/**
 * A chain r0 → r1 → … → rn of moves (r_i hands one of its new assignments to
 * r_{i+1}, who may take it) with load(r0) ≥ load(rn) + 2, or null. Sources are
 * tried from the highest load down; for a source level, the lowest-loaded
 * reachable target wins. Intermediate loads do not change, so applying the chain
 * lowers Σ load² by at least 2. Edges that land on a tag match are explored first.
 */
function findImprovingChain<S>(
  R: number,
  load: number[],
  holds: Set<S>[],
  canTake: (slot: S, r: number) => boolean,
  match: (slot: S, r: number) => boolean,
): ChainStep<S>[] | null {
  if (R < 2) return null;
  const minLoad = Math.min(...load);
  const levels = [...new Set(load)].sort((a, b) => b - a).filter((l) => l >= minLoad + 2);
  for (const level of levels) {
    const parent = new Array<ChainStep<S> | null | undefined>(R).fill(undefined);
    const queue: number[] = [];
    for (let r = 0; r < R; r++) {
      if (load[r] === level) {
        parent[r] = null; // a source
        queue.push(r);
      }
    }
    let target = -1;
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi];
      for (const preferMatch of [true, false]) {
        for (const slot of holds[u]) {
          for (let v = 0; v < R; v++) {
            if (parent[v] !== undefined || match(slot, v) !== preferMatch || !canTake(slot, v)) continue;
            parent[v] = { slot, from: u, to: v };
            queue.push(v);
            if (load[v] <= level - 2 && (target === -1 || load[v] < load[target])) target = v;
          }
        }
      }
    }
    if (target === -1) continue;
    const path: ChainStep<S>[] = [];
    // Built from the target back to the source: path[0].to is the target.
    for (let step = parent[target]; step; step = parent[step.from]) path.push(step);
    return path;
  }
  return null;
}

/**
 * Raises the number of tag matches among new assignments while keeping the
 * multiset of loads (hence max − min) unchanged:
 *  - move an unmatched assignment to a matching reviewer with one less load
 *    (the two loads swap);
 *  - swap an unmatched assignment with one of an equally loaded matching reviewer
 *    when that does not lose the other match.
 * Every change adds at least one match, so it ends.
 */
function improveTagMatches<S extends { assigned: Set<number>; eligible: number[]; match: boolean[] }>(
  slots: S[],
  holds: Set<S>[],
  load: number[],
  canTake: (slot: S, r: number) => boolean,
  move: (slot: S, from: number, to: number) => void,
) {
  let changed = true;
  while (changed) {
    changed = false;
    for (const slot of slots) {
      for (const a of [...slot.assigned]) {
        if (slot.match[a] || !slot.assigned.has(a)) continue;
        for (const b of slot.eligible) {
          if (!slot.match[b] || !canTake(slot, b)) continue;
          if (load[b] === load[a] - 1) {
            move(slot, a, b);
            load[a]--;
            load[b]++;
            changed = true;
            break;
          }
          if (load[b] !== load[a]) continue;
          let partner: S | undefined;
          for (const other of holds[b]) {
            if (other === slot || !canTake(other, a)) continue;
            if (other.match[b] && !other.match[a]) continue; // would trade one match for another
            partner = other;
            break;
          }
          if (partner) {
            move(slot, a, b);
            move(partner, b, a);
            changed = true;
            break;
          }
        }
      }
    }
  }
}

/**
 * The organizations a reviewer may not review: those they belong to, those they
 * declared an affiliation with, and those whose legal representative is the
 * reviewer or the legal representative of one of those organizations.
 *
 * Names are compared trimmed and exactly; empty names never match. Ids of member
 * or affiliated organizations are returned even when absent from `organizations`.
 * Sorted, without duplicates.
 */
export function referenceConflictingOrganizationIds(
  reviewer: {
    name: string;
    memberOrganizationIds: string[];
    affiliatedOrganizationIds: string[];
  },
  organizations: { id: string; legalRepresentative: string | null }[],
): string[] {
  const direct = new Set([...reviewer.memberOrganizationIds, ...reviewer.affiliatedOrganizationIds]);
  const rep = (name: string | null | undefined) => name?.trim() ?? "";

  // The people whose organizations are off-limits: the reviewer and the legal
  // representatives of the organizations the reviewer is tied to.
  const people = new Set<string>();
  if (rep(reviewer.name)) people.add(rep(reviewer.name));
  for (const org of organizations) {
    if (direct.has(org.id) && rep(org.legalRepresentative)) people.add(rep(org.legalRepresentative));
  }

  const result = new Set(direct);
  for (const org of organizations) {
    const name = rep(org.legalRepresentative);
    if (name && people.has(name)) result.add(org.id);
  }
  return [...result].sort(cmp);
}
