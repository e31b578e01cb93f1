// Small display pieces shared by the reviewer's list and scoring pages.
import { reviewAssignmentWorkflow, type ReviewAssignmentState } from "./assignment-workflow";

const STATUS_STYLES: Partial<Record<ReviewAssignmentState, string>> = {
  ASSIGNED: "bg-amber-50 text-amber-900 ring-amber-300",
  DRAFTED: "bg-blue-50 text-blue-800 ring-blue-200",
  SUBMITTED: "bg-green-50 text-green-800 ring-green-200",
};

export function ReviewStatusBadge({ status }: { status: string }) {
  return (
    <span
      data-testid="review-status"
      className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs ring-1 ring-inset ${STATUS_STYLES[status as ReviewAssignmentState] ?? "bg-gray-50 text-gray-700 ring-gray-300"}`}
    >
      {reviewAssignmentWorkflow.stateLabels[status as ReviewAssignmentState] ?? status}
    </span>
  );
}

/** A score for display: 12 → "12", 12.5 → "12.5". */
export function formatScore(value: number | null | undefined) {
  if (value == null) return "—";
  return String(Math.round(value * 100) / 100);
}
