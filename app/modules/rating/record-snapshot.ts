// The record leaves' points and facts as they stood when each total was stored (decision 031):
// the organization's self total at submission, each expert's total at that expert's submission,
// the final sheet at the committee's vote. A leaf computed from the organization's record
// (record-sources.ts) would otherwise be recomputed whenever a sheet is shown, so a submitted
// sheet viewed after a project closed would disagree with its stored total. Kept in one JSON
// column (RatingApplication.recordScores), parsed with zod when read. Pure.
import { z } from "zod";
import type { RecordScore } from "~/modules/indicators/record-sources";

const recordScoreSchema = z.object({ points: z.number(), fact: z.string(), detail: z.string().nullable() });
const snapshotSchema = z.object({ takenAt: z.string(), leaves: z.record(z.string(), recordScoreSchema) });
const snapshotsSchema = z.object({
  self: snapshotSchema.nullable().default(null),
  /** by ReviewAssignment id */
  experts: z.record(z.string(), snapshotSchema).default({}),
  final: snapshotSchema.nullable().default(null),
});

export type RecordSnapshot = z.infer<typeof snapshotSchema>;
export type RecordSnapshots = z.infer<typeof snapshotsSchema>;

/** Which stored total a sheet belongs to. */
export type RecordSheet = { kind: "self" } | { kind: "expert"; assignmentId: string } | { kind: "final" };

const NO_SNAPSHOTS: RecordSnapshots = { self: null, experts: {}, final: null };

/**
 * Application states whose self-scores may still differ from the submitted ones: the sheet is a
 * draft there and shows the record as it stands now.
 */
const SELF_DRAFT_STATES = ["DRAFT", "RETURNED", "WITHDRAWN"];
/** Application states after the committee's vote fixed the final sheet (复核 changes only the grade). */
const FINAL_STATES = ["DECIDED", "REVIEW_REQUESTED", "ANNOUNCED"];

/**
 * The stored snapshots of an application. A column written before snapshots were kept (null), or
 * one that does not parse, holds none: its sheets show the record as it stands now, as before.
 */
export function parseRecordSnapshots(json: string | null): RecordSnapshots {
  if (!json) return NO_SNAPSHOTS;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return NO_SNAPSHOTS;
  }
  const parsed = snapshotsSchema.safeParse(raw);
  return parsed.success ? parsed.data : NO_SNAPSHOTS;
}

/** The record scores a total was computed with, kept as taken at `at`. */
export function takeSnapshot(scores: Map<string, RecordScore>, at: Date): RecordSnapshot {
  return { takenAt: at.toISOString(), leaves: Object.fromEntries(scores) };
}

/** The snapshots with one sheet's snapshot stored (replacing an earlier one of the same sheet), as JSON. */
export function storeSnapshot(snapshots: RecordSnapshots, sheet: RecordSheet, snapshot: RecordSnapshot) {
  const next: RecordSnapshots =
    sheet.kind === "expert"
      ? { ...snapshots, experts: { ...snapshots.experts, [sheet.assignmentId]: snapshot } }
      : { ...snapshots, [sheet.kind]: snapshot };
  return JSON.stringify(next);
}

/** True when the sheet's total is stored, so the sheet shows its snapshot and not the record now. */
export function isSheetStored(
  sheet: RecordSheet,
  state: { applicationStatus: string; assignmentStatus?: string | null },
): boolean {
  if (sheet.kind === "self") return !SELF_DRAFT_STATES.includes(state.applicationStatus);
  if (sheet.kind === "final") return FINAL_STATES.includes(state.applicationStatus);
  return state.assignmentStatus === "SUBMITTED";
}

/**
 * The record scores a sheet shows: its snapshot once its total is stored; null (read the record
 * now) while it is a draft, or when the total was stored before snapshots were kept.
 */
export function storedRecordScores(
  snapshots: RecordSnapshots,
  sheet: RecordSheet,
  state: { applicationStatus: string; assignmentStatus?: string | null },
): Map<string, RecordScore> | null {
  if (!isSheetStored(sheet, state)) return null;
  const snapshot =
    sheet.kind === "expert" ? (snapshots.experts[sheet.assignmentId] ?? null) : (snapshots[sheet.kind] ?? null);
  return snapshot ? new Map(Object.entries(snapshot.leaves)) : null;
}
