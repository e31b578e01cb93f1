// A rating round's expert panel for staff: the accepted applications with their experts and
// progress, and the panel actions, run by review/ on the RatingApplication subject kind.
import { autoAssignHandler } from "~/modules/review/auto-assign-action.server";
import { loadPanelPage } from "~/modules/review/panel-page.server";
import type { PanelCtx } from "~/modules/review/panel-result";
import { prisma } from "~/utils/db.server";
import { RATING_AUTO_ASSIGN_WORDS } from "./panel";
import { ratingApplicationSubject as kind } from "./subject.server";

/** Applications that went to the panel (and whatever came after). */
const PANEL_STATES = ["ACCEPTED", "SCORED", "DECIDED", "REVIEW_REQUESTED", "ANNOUNCED"];

export async function loadRatingPanel(roundId: string) {
  const page = await loadPanelPage(kind, roundId, {
    subjects: () =>
      prisma.ratingApplication.findMany({
        where: { roundId, status: { in: PANEL_STATES } },
        orderBy: { id: "asc" },
        select: {
          id: true,
          status: true,
          expertTotal: true,
          selfTotal: true,
          organization: { select: { name: true } },
        },
      }),
  });
  if (!page) return null;
  const { subjects: applications, ...panel } = page;
  return { ...panel, applications };
}

/** The panel page's automatic assignment (the shared card's action) on this round. */
export function ratingAutoAssignHandler(roundId: string, ctx: PanelCtx) {
  return autoAssignHandler(kind, roundId, RATING_AUTO_ASSIGN_WORDS, ctx);
}
