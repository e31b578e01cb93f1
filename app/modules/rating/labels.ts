// The badge colours of the rating workflows' states (labels come from the workflow tables).
import type { BadgeTone } from "~/components/status-badge";
import type { RatingApplicationState } from "./application-workflow";
import type { RatingRoundState } from "./round-workflow";

export const ROUND_TONES: Partial<Record<RatingRoundState, BadgeTone>> = {
  DRAFT: "neutral",
  OPEN: "brand",
  REVIEWING: "info",
  COMMITTEE: "info",
  PUBLICITY: "warning",
  ANNOUNCED: "success",
};

export const APPLICATION_TONES: Partial<Record<RatingApplicationState, BadgeTone>> = {
  DRAFT: "neutral",
  SUBMITTED: "brand",
  RETURNED: "warning",
  REJECTED: "danger",
  ACCEPTED: "info",
  SCORED: "info",
  DECIDED: "success",
  REVIEW_REQUESTED: "warning",
  ANNOUNCED: "success",
  WITHDRAWN: "neutral",
};

/** Audit entityType of an application, also its Attachment and ReviewAssignment subjectType. */
export const RATING_SUBJECT_TYPE = "RatingApplication";

/** Attachment purpose of the evidence for one leaf. */
export const evidencePurpose = (leafCode: string) => `rating.evidence.${leafCode}`;
export const EVIDENCE_PREFIX = "rating.evidence.";
