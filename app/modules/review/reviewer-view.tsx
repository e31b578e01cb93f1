// Small display pieces shared by the reviewer's pages and the staff's panel pages.
import { StatusBadge, type BadgeTone } from "~/components/status-badge";
import { reviewAssignmentWorkflow, type ReviewAssignmentState } from "./assignment-workflow";

/** The colour of an assignment's state in a StatusBadge: open work amber, drafts blue, submitted green. */
export const REVIEW_STATUS_TONES: Partial<Record<ReviewAssignmentState, BadgeTone>> = {
  ASSIGNED: "warning",
  DRAFTED: "info",
  SUBMITTED: "success",
};

/** A score for display: 12 → "12", 12.5 → "12.5". */
export function formatScore(value: number | null | undefined) {
  if (value == null) return "—";
  return String(Math.round(value * 100) / 100);
}

/**
 * A subject's experts on a round's panel page (loadPanelPage's row): each active reviewer with
 * the state of their task, and a warning while the subject has fewer than k. With `showOverdue`
 * an open task past its deadline says so.
 */
export function PanelReviewers({
  reviewers,
  needsReviewer,
  k,
  showOverdue = false,
}: {
  reviewers: { assignmentId: string; name: string; status: ReviewAssignmentState; overdue: boolean }[];
  needsReviewer: boolean;
  k: number;
  showOverdue?: boolean;
}) {
  return (
    <>
      {reviewers.length === 0 ? "未分配" : null}
      <ul>
        {reviewers.map((r) => (
          <li key={r.assignmentId}>
            {r.name} <StatusBadge workflow={reviewAssignmentWorkflow} state={r.status} tones={REVIEW_STATUS_TONES} />
            {showOverdue && r.overdue ? <span className="text-xs text-red-700">（已逾期）</span> : null}
          </li>
        ))}
      </ul>
      {needsReviewer ? <p className="text-xs text-amber-800">专家人数不足 {k} 位</p> : null}
    </>
  );
}
