// Steps 3 and 4 of planAssignments (assignment.ts): the balance repair along chains of
// moves and the tag improvement, over the plan's slots and the reviewers' holdings.
//
// Who holds what is kept twice (Holdings): per reviewer in the order the slots were
// taken, which the chain search walks, and per reviewer and subject category, so the tag
// pass finds the first partner slot of a swap by looking at the categories whose match
// allows it instead of walking the reviewer's few hundred slots one by one (at 5,000
// subjects × 5 reviewers that walk was 80% of the plan). Both orders are the same
// insertion order, so every choice, and therefore the plan, is the one the plain walk makes.

/** One subject still short of reviewers. */
export type Slot = {
  subjectId: string;
  need: number;
  /** reviewer indices that may take it, ascending */
  eligible: number[];
  /** 1 at the reviewer indices in `eligible` */
  eligibleMask: Uint8Array;
  /** index of the subject's category in the plan's list of distinct categories */
  category: number;
  /** 1 where the reviewer's tags name the category; shared by the slots of one category */
  match: Uint8Array;
  /** NEW assignments (reviewer indices), in the order they were made */
  assigned: Set<number>;
};

export const canTake = (slot: Slot, r: number) => slot.eligibleMask[r] === 1 && !slot.assigned.has(r);

export class Holdings {
  /** reviewer index → the slots it newly holds, in the order it took them */
  readonly of: Set<Slot>[];
  /** reviewer index → category → slot → when it was taken (ascending in each map, as maps keep insertion order) */
  private readonly byCategory: Map<number, Map<Slot, number>>[];
  private taken = 0;

  constructor(reviewerCount: number) {
    this.of = Array.from({ length: reviewerCount }, () => new Set<Slot>());
    this.byCategory = Array.from({ length: reviewerCount }, () => new Map());
  }

  add(r: number, slot: Slot) {
    if (this.of[r].has(slot)) return;
    this.of[r].add(slot);
    let held = this.byCategory[r].get(slot.category);
    if (!held) this.byCategory[r].set(slot.category, (held = new Map()));
    held.set(slot, this.taken++);
  }

  /** Hands one new assignment of `slot` from reviewer `from` to `to`. */
  move(slot: Slot, from: number, to: number) {
    slot.assigned.delete(from);
    slot.assigned.add(to);
    this.of[from].delete(slot);
    this.byCategory[from].get(slot.category)?.delete(slot);
    this.add(to, slot);
  }

  /**
   * The first slot `b` took, other than `slot`, that `a` may take and whose category
   * does not match `b` without matching `a` (a swap must not trade one match for another).
   */
  swapPartner(b: number, a: number, slot: Slot, matchOf: Uint8Array[]): Slot | undefined {
    let partner: Slot | undefined;
    let partnerTaken = Infinity;
    for (const [category, held] of this.byCategory[b]) {
      const match = matchOf[category];
      if (match[b] === 1 && match[a] !== 1) continue;
      for (const [other, taken] of held) {
        if (taken >= partnerTaken) break;
        if (other === slot || !canTake(other, a)) continue;
        partner = other;
        partnerTaken = taken;
        break;
      }
    }
    return partner;
  }
}

type ChainStep = { slot: Slot; from: number; to: number };

/**
 * A chain r0 → r1 → … → rn of moves (r_i hands one of its new assignments to
 * r_{i+1}, who may take it) with load(r0) ≥ load(rn) + 2, or null. Sources are
 * tried from the highest load down; for a source level, the lowest-loaded
 * reachable target wins. Intermediate loads do not change, so applying the chain
 * lowers Σ load² by at least 2. Edges that land on a tag match are explored first.
 */
export function findImprovingChain(load: number[], holdings: Holdings): ChainStep[] | null {
  const R = load.length;
  if (R < 2) return null;
  const minLoad = Math.min(...load);
  const levels = [...new Set(load)].sort((a, b) => b - a).filter((l) => l >= minLoad + 2);
  for (const level of levels) {
    const parent = new Array<ChainStep | null | undefined>(R).fill(undefined);
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
      for (const preferMatch of [1, 0]) {
        for (const slot of holdings.of[u]) {
          for (let v = 0; v < R; v++) {
            if (parent[v] !== undefined || slot.match[v] !== preferMatch || !canTake(slot, v)) continue;
            parent[v] = { slot, from: u, to: v };
            queue.push(v);
            if (load[v] <= level - 2 && (target === -1 || load[v] < load[target])) target = v;
          }
        }
      }
    }
    if (target === -1) continue;
    const path: ChainStep[] = [];
    // Built from the target back to the source: path[0].to is the target.
    for (let step = parent[target]; step; step = parent[step.from]) path.push(step);
    return path;
  }
  return null;
}

/** Moves new assignments along improving chains until the loads are as even as the conflicts allow. */
export function repairBalance(load: number[], holdings: Holdings) {
  for (;;) {
    const path = findImprovingChain(load, holdings);
    if (!path) return;
    // Each step hands one new assignment on; every step was checked against the
    // state before the chain and no reviewer receives and gives the same subject,
    // so the order of the steps does not matter. Only the two ends change load.
    for (const step of path) holdings.move(step.slot, step.from, step.to);
    load[path[path.length - 1].from]--; // the source
    load[path[0].to]++; // the target
  }
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
export function improveTagMatches(slots: Slot[], holdings: Holdings, load: number[], matchOf: Uint8Array[]) {
  let changed = true;
  while (changed) {
    changed = false;
    for (const slot of slots) {
      for (const a of [...slot.assigned]) {
        if (slot.match[a] === 1 || !slot.assigned.has(a)) continue;
        for (const b of slot.eligible) {
          if (slot.match[b] !== 1 || !canTake(slot, b)) continue;
          if (load[b] === load[a] - 1) {
            holdings.move(slot, a, b);
            load[a]--;
            load[b]++;
            changed = true;
            break;
          }
          if (load[b] !== load[a]) continue;
          const partner = holdings.swapPartner(b, a, slot, matchOf);
          if (partner) {
            holdings.move(slot, a, b);
            holdings.move(partner, b, a);
            changed = true;
            break;
          }
        }
      }
    }
  }
}
