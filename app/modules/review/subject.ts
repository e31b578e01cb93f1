// What an expert panel needs to know about the thing it scores (decision 008).
// review/ runs the whole life of an assignment (candidates, conflicts,
// assignment, replacement, reopening, reminders, the reviewer's desk) for any
// subject kind that describes itself with a PanelSubjectKind; the area that owns
// the subject (grants today, ratings and evaluations next) writes the adapter.
// The kinds in use are listed once, in app/modules/panels.server.ts.
import type { prisma, Tx } from "~/utils/db.server";
import type { AggregationSettings } from "./aggregation";

/** A transaction or the client: every hook reads through the caller's connection. */
export type PanelDb = Tx | typeof prisma;

export type PanelCriterion = {
  id: string;
  name: string;
  description: string | null;
  maxScore: number;
  weightPct: number;
};

/** The round a subject is reviewed in (ReviewAssignment.roundId), e.g. a call for grants. */
export type PanelRound = {
  id: string;
  title: string;
  /** experts score and staff change the panel only while the round is open */
  open: boolean;
  reviewEndsAt: Date;
  /** k: how many active reviewers each subject gets */
  reviewersPerSubject: number;
  /** reviewers do not see who the subject belongs to */
  blind: boolean;
  aggregation: AggregationSettings;
  criteria: PanelCriterion[];
};

/** One thing scored by the panel. Conflicts of interest are found through organizationId. */
export type PanelSubject = {
  id: string;
  roundId: string;
  organizationId: string;
  title: string;
  /** matched against reviewers' expertise tags */
  category: string | null;
};

/** A line of the reviewer's task list. organizationName is null when the round is blind. */
export type PanelTaskSummary = {
  title: string;
  category: string | null;
  roundTitle: string;
  blind: boolean;
  reviewEndsAt: Date;
  organizationName: string | null;
};

/** What the reviewer's scoring page loads for one subject: the rubric, and `view` beside it. */
export type PanelReviewerPage<View> = {
  title: string;
  round: Pick<PanelRound, "id" | "title" | "open" | "reviewEndsAt" | "blind">;
  criteria: PanelCriterion[];
  /** subject-specific data shown next to the rubric; never the owner's identity when blind */
  view: View;
};

/** The words of the panel's messages, so a rating round does not speak of 公益创投. */
export type PanelLabels = {
  /** the round, e.g. 公益创投活动 ("未找到该公益创投活动") */
  round: string;
  /** one subject as filed, e.g. 申报 ("未找到该申报", "每项申报的评审专家人数") */
  subject: string;
  /** what reviewers score, e.g. 项目 ("已在本项目的评审名单中", "申报项目") */
  item: string;
  /** who the subject belongs to, e.g. 申报机构 ("与申报机构存在利益关联") */
  owner: string;
  /** why automatic assignment found nothing to assign */
  nothingToAssign: string;
};

export type PanelSubjectKind<View extends object = object, Type extends string = string> = {
  /** ReviewAssignment.subjectType, Attachment.subjectType and the audit entityType of a subject */
  type: Type;
  labels: PanelLabels;
  /** audit actions of the panel are "<auditPrefix>.assign", ".auto_assign", ".remind" */
  auditPrefix: string;
  /** audit entityType of a round, e.g. GrantCall */
  roundEntityType: string;
  /** the staff page of a round's panel, linked from the recusal notice */
  panelLink(roundId: string): string;

  loadRound(db: PanelDb, roundId: string): Promise<PanelRound | null>;
  /** the subjects with these ids (any round) */
  loadSubjects(db: PanelDb, ids: string[]): Promise<PanelSubject[]>;
  /** the subjects automatic assignment tops up, in a stable order */
  assignableSubjects(db: PanelDb, roundId: string): Promise<PanelSubject[]>;
  /** keeps the seed and k of an automatic assignment on the round */
  saveAssignmentRun(tx: Tx, roundId: string, run: { seed: string; k: number }): Promise<void>;

  /** the reviewer's task list: one batched read for all the ids */
  summarize(db: PanelDb, ids: string[]): Promise<Map<string, PanelTaskSummary>>;
  /**
   * the scoring page of one subject, or null when it no longer exists; `assignment` is the
   * reviewer's own task (a submitted one may show what was stored with its scores)
   */
  reviewerPage(
    db: PanelDb,
    subjectId: string,
    assignment: { id: string; status: string },
  ): Promise<PanelReviewerPage<View> | null>;
  /** files a blind round keeps from reviewers (the owner's own papers) */
  isIdentityFile(purpose: string): boolean;
  /** runs inside the submitting transaction, after the scores are stored */
  onSubmitted?(
    tx: Tx,
    assignment: { id: string; subjectId: string; roundId: string; reviewerId: string },
  ): Promise<void>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any view: the registry keeps each kind's own
export type AnyPanelSubjectKind = PanelSubjectKind<any, string>;

export type PanelRegistry<Kinds extends AnyPanelSubjectKind = AnyPanelSubjectKind> = {
  /** every registered subjectType */
  types: Kinds["type"][];
  kinds: Kinds[];
  get(type: string): Kinds | undefined;
};

/** The panel subjects in use, by subjectType. A type registered twice is a programming error. */
export function definePanelRegistry<Kinds extends AnyPanelSubjectKind>(kinds: Kinds[]): PanelRegistry<Kinds> {
  const byType = new Map<string, Kinds>();
  for (const kind of kinds) {
    if (byType.has(kind.type)) throw new Error(`Panel subject ${kind.type} registered twice`);
    byType.set(kind.type, kind);
  }
  return { types: kinds.map((k) => k.type), kinds, get: (type) => byType.get(type) };
}
