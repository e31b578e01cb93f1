// A rating round's expert panel for staff: the accepted applications with their experts and
// progress, and the panel actions, run by review/ on the RatingApplication subject kind.
import * as autoAssignment from "~/modules/review/auto-assign.server";
import type { PanelCtx } from "~/modules/review/panel-result";
import { loadRoundPanel } from "~/modules/review/panel-view.server";
import { prisma } from "~/utils/db.server";
import { ratingApplicationSubject as kind } from "./subject.server";

/** Applications that went to the panel (and whatever came after). */
const PANEL_STATES = ["ACCEPTED", "SCORED", "DECIDED", "REVIEW_REQUESTED", "ANNOUNCED"];

export async function loadRatingPanel(roundId: string) {
  const round = await kind.loadRound(prisma, roundId);
  if (!round) return null;
  const applications = await prisma.ratingApplication.findMany({
    where: { roundId, status: { in: PANEL_STATES } },
    orderBy: { id: "asc" },
    select: { id: true, status: true, expertTotal: true, selfTotal: true, organization: { select: { name: true } } },
  });
  const panel = await loadRoundPanel(
    kind,
    round,
    applications.map((a) => a.id),
  );
  return {
    round: {
      id: round.id,
      title: round.title,
      open: round.open,
      reviewEndsAt: round.reviewEndsAt,
      k: round.reviewersPerSubject,
    },
    candidates: panel.candidates,
    lastAutoAssign: panel.lastAutoAssign,
    totals: panel.totals,
    applications: applications.map((a) => {
      const row = panel.rowOf(a.id);
      return { ...a, reviewers: row.reviewers, needsReviewer: row.needsReviewer };
    }),
  };
}

export function autoAssignRating(roundId: string, input: autoAssignment.AutoAssignInput, ctx: PanelCtx) {
  return autoAssignment.autoAssign(kind, roundId, input, ctx);
}
