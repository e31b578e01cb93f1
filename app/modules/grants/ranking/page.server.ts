// The rows and figures of the staff's ranking page: a preview from the reviews
// so far while the round is open, the stored shortlist once generated.
import {
  allocationRulesOf,
  candidatesOf,
  computeCallRanking,
  loadReviewCompleteness,
  type RankingCall,
} from "../review/results.server";
import type { ReviewRoundState } from "../review/round-workflow";
import { allocate } from "./allocation";
import { allocationNotes, awardTotals, listAwards } from "./allocation.server";

export type Row = {
  applicationId: string;
  rank: number;
  title: string;
  organizationName: string;
  category: string | null;
  reviewCount: number;
  finalScore: number;
  spread: number | null;
  flagged: boolean;
  requestedFen: number;
  recommendedFen: number;
  selected: boolean;
  amountFen: number;
  note: string | null;
  overrideSelected: boolean | null;
  overrideFen: number | null;
  overrideReason: string | null;
};

export async function rankingRows(call: RankingCall, stage: ReviewRoundState) {
  const rules = allocationRulesOf(call);
  let rows: Row[];
  let totals: { poolFen: number; allocatedFen: number; remainingFen: number; selectedCount: number };
  let completeness;
  if (stage === "OPEN") {
    // A preview: what the rule would propose from the reviews submitted so far.
    const ranking = (await computeCallRanking(call.id))!;
    const result = allocate(candidatesOf(ranking.rows), rules, []);
    const byId = new Map(result.rows.map((r) => [r.applicationId, r]));
    rows = ranking.rows.map((r) => {
      const a = byId.get(r.applicationId);
      return {
        applicationId: r.applicationId,
        rank: r.rank,
        title: r.title,
        organizationName: r.organizationName,
        category: r.category,
        reviewCount: r.reviewCount,
        finalScore: r.finalScore,
        spread: r.spread,
        flagged: r.flagged,
        requestedFen: r.requestedFen,
        recommendedFen: a?.recommendedFen ?? 0,
        selected: a?.selected ?? false,
        amountFen: a?.selected ? a.amountFen : 0,
        note: a?.note ?? null,
        overrideSelected: null,
        overrideFen: null,
        overrideReason: null,
      };
    });
    totals = {
      poolFen: rules.poolFen,
      allocatedFen: result.allocatedFen,
      remainingFen: result.remainingFen,
      selectedCount: rows.filter((r) => r.selected).length,
    };
    completeness = ranking.completeness;
  } else {
    const [awards, c] = await Promise.all([listAwards(call.id), loadReviewCompleteness(call.id)]);
    const notes = allocationNotes(awards, rules);
    rows = awards.map((a) => ({
      applicationId: a.applicationId,
      rank: a.rank,
      title: a.application.title,
      organizationName: a.application.organization.name,
      category: a.application.category,
      reviewCount: a.reviewCount,
      finalScore: a.finalScore,
      spread: null,
      flagged: a.flagged,
      requestedFen: a.application.requestedFen,
      recommendedFen: a.recommendedFen,
      selected: a.selected,
      amountFen: a.amountFen,
      note: a.selected ? null : (notes.get(a.applicationId) ?? null),
      overrideSelected: a.overrideSelected,
      overrideFen: a.overrideFen,
      overrideReason: a.overrideReason,
    }));
    totals = awardTotals(awards, rules.poolFen);
    completeness = c;
  }

  return { rows, totals, completeness };
}
