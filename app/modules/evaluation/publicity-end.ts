// When a published evaluation result becomes final (#14 item 4, decision 026). Pure: the
// result is final once its publicity period has ended with no objection waiting for staff;
// nobody has to click. Every read that shows a result or a gate first settles the stored state
// to match (publicity-end.server.ts), so this rule and the stored status never disagree for long.

export type PublicityEndFacts = {
  status: string;
  publicityEndsAt: Date | null;
  /** objections to this result still waiting for staff (RECEIVED) */
  pendingObjections: number;
  /** when staff last decided an objection to it, if ever */
  lastObjectionDecidedAt: Date | null;
};

export type PublicityEnd =
  /** not in publicity: nothing to settle */
  | { kind: "NOT_IN_PUBLICITY" }
  /** the period runs: objections are heard */
  | { kind: "OPEN"; endsAt: Date }
  /** the period is over but objections wait for staff: final once they are decided */
  | { kind: "WAITING_FOR_OBJECTIONS"; pending: number }
  /** final, as of `finalAt` */
  | { kind: "FINAL"; finalAt: Date };

/**
 * Where a result in publicity stands at `now`. The period is open through its stored end
 * (inclusive). Once over with nothing pending, the result is final as of the end of the period,
 * or as of the last objection decision when staff decided one after the period: the same dates
 * (gate met, ban start) whenever the state is first settled.
 */
export function publicityEnd(facts: PublicityEndFacts, now: Date): PublicityEnd {
  if (facts.status !== "PUBLICITY" || !facts.publicityEndsAt) return { kind: "NOT_IN_PUBLICITY" };
  const endsAt = facts.publicityEndsAt;
  if (now.getTime() <= endsAt.getTime()) return { kind: "OPEN", endsAt };
  if (facts.pendingObjections > 0) return { kind: "WAITING_FOR_OBJECTIONS", pending: facts.pendingObjections };
  const decided = facts.lastObjectionDecidedAt;
  const finalAt = decided && decided.getTime() > endsAt.getTime() ? decided : endsAt;
  return { kind: "FINAL", finalAt };
}

/** An objection to a result, as far as the end of its publicity is concerned. */
export type ObjectionFact = { entryId: string; status: string; decidedAt: Date | null };

/**
 * Where each result stands at `now`, from one read of the results in publicity and their
 * objections: what a settling read would write, for readers that must not write (the 待办
 * counts). A result the rule calls FINAL is final here even before anything settled it.
 */
export function publicityStandings<E extends { id: string; status: string; publicityEndsAt: Date | null }>(
  evaluations: E[],
  objections: ObjectionFact[],
  now: Date,
): Array<{ evaluation: E; end: PublicityEnd }> {
  return evaluations.map((evaluation) => {
    let pendingObjections = 0;
    let lastObjectionDecidedAt: Date | null = null;
    for (const o of objections) {
      if (o.entryId !== evaluation.id) continue;
      if (o.status === "RECEIVED") pendingObjections += 1;
      if (o.decidedAt && (!lastObjectionDecidedAt || o.decidedAt > lastObjectionDecidedAt))
        lastObjectionDecidedAt = o.decidedAt;
    }
    const end = publicityEnd(
      {
        status: evaluation.status,
        publicityEndsAt: evaluation.publicityEndsAt,
        pendingObjections,
        lastObjectionDecidedAt,
      },
      now,
    );
    return { evaluation, end };
  });
}
