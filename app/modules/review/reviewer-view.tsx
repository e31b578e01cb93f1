// Small display pieces shared by the reviewer's pages and the staff's panel pages.
import type { BadgeTone } from "~/components/status-badge";
import type { ReviewAssignmentState } from "./assignment-workflow";

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
