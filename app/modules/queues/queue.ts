// 待办 (#16): what each home page lists as work to do. A queue line says how many
// items wait, when the soonest is due and how many are overdue, links to the list,
// and may name the first few items. Each area contributes its lines as QueueSources
// (its own queue.server.ts); registry.server.ts lists them per audience.

/** One item named in a queue line (a bounded "first few" list). */
export type QueueEntry = { label: string; href: string; dueAt?: Date | null };

export type QueueLine = {
  /** stable, unique per audience, e.g. "registration.decide" */
  key: string;
  label: string;
  count: number;
  /** the list the line stands for, filtered to these items */
  href: string;
  /** the soonest due date among the items, when they have one */
  dueAt?: Date | null;
  /** how many are past due */
  overdue?: number;
  entries?: QueueEntry[];
};

export type StaffQueueContext = { now: Date };
export type OrgQueueContext = { now: Date; organizationId: string };
export type ReviewerQueueContext = { now: Date; userId: string };

/** Reads one or more queue lines with indexed counts and bounded lists, never whole tables. */
export type QueueSource<C> = (context: C) => Promise<QueueLine | QueueLine[] | null>;

/** How many entries a line names at most. */
export const QUEUE_ENTRIES = 3;

/** Lines with work in them: overdue ones first, then the soonest due, then the rest in source order. */
export function orderQueue(lines: QueueLine[]): QueueLine[] {
  const due = (l: QueueLine) => (l.dueAt ? new Date(l.dueAt).getTime() : Number.POSITIVE_INFINITY);
  return lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.count > 0)
    .sort(
      (a, b) =>
        Number((b.line.overdue ?? 0) > 0) - Number((a.line.overdue ?? 0) > 0) ||
        due(a.line) - due(b.line) ||
        a.index - b.index,
    )
    .map(({ line }) => line);
}

/** Runs every source of an audience and orders the lines. */
export async function collectQueue<C>(sources: QueueSource<C>[], context: C): Promise<QueueLine[]> {
  const results = await Promise.all(sources.map((source) => source(context)));
  return orderQueue(results.flatMap((r) => (r == null ? [] : Array.isArray(r) ? r : [r])));
}
