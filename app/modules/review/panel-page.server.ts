// The staff's panel page of a round for the subject kinds whose page is one list (rating
// applications, funded-project evaluations): the round's header, the candidates for the
// automatic assignment, the totals, and each subject of the kind's own list with its active
// reviewers and whether it still lacks experts. The kind reads its subjects (what the page
// shows of them); review/ adds the panel. Null when the round does not exist.
import { prisma } from "~/utils/db.server";
import { loadRoundPanel } from "./panel-view.server";
import type { PanelRound, PanelSubjectKind } from "./subject";

export async function loadPanelPage<Subject extends { id: string }>(
  kind: PanelSubjectKind,
  roundId: string,
  options: {
    /** the page's subjects of the round, in the page's order */
    subjects: (round: PanelRound) => Promise<Subject[]>;
    /** which subjects count as short of experts when below k (all by default) */
    awaitsReviewers?: (subject: Subject) => boolean;
  },
) {
  const round = await kind.loadRound(prisma, roundId);
  if (!round) return null;
  const subjects = await options.subjects(round);
  const panel = await loadRoundPanel(
    kind,
    round,
    subjects.map((s) => s.id),
  );
  const awaits = options.awaitsReviewers ?? (() => true);
  return {
    round: {
      id: round.id,
      title: round.title,
      open: round.open,
      reviewEndsAt: round.reviewEndsAt,
      k: round.reviewersPerSubject,
      blind: round.blind,
    },
    candidates: panel.candidates,
    lastAutoAssign: panel.lastAutoAssign,
    totals: panel.totals,
    subjects: subjects.map((s) => {
      const row = panel.rowOf(s.id);
      return { ...s, reviewers: row.reviewers, needsReviewer: awaits(s) && row.needsReviewer };
    }),
  };
}
