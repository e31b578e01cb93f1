// 待办 lines of funded projects' evaluations (#14): results scored and waiting to be published,
// results in publicity (overdue once the period is over with objections undecided) and mid-term
// 不合格 results waiting for staff's decision. A count never writes: a result whose period ended
// with nothing pending is counted as final by publicityStandings (the rule finality.server.ts
// settles by), so the queue agrees with every page whether or not one of them was read since.
import { ACTIVE_PROJECT_STATES } from "~/modules/funding/project-workflow";
import type { QueueEntry, QueueLine, QueueSource, StaffQueueContext } from "~/modules/queues/queue";
import { QUEUE_ENTRIES } from "~/modules/queues/queue";
import { prisma } from "~/utils/db.server";
import { publicityStandings } from "./publicity-end";
import { EVALUATION_PUBLICATION_TYPE } from "./publicity.server";
import { kindLabel } from "./score";
import { EVALUATION_SUBJECT_TYPE } from "./workflow";

/** Results in publicity at once: a call's handful, a few calls at a time. */
const PUBLICITY_READ_LIMIT = 500;

const rowSelect = {
  id: true,
  projectId: true,
  kind: true,
  round: true,
  project: { select: { title: true, callId: true, status: true } },
} as const;

type Row = { projectId: string; kind: string; round: number; project: { title: string; callId: string } };

const entryOf = (e: Row, dueAt?: Date | null, note = ""): QueueEntry => ({
  label: `${e.project.title} · ${kindLabel(e.kind, e.round)}${note}`,
  href: `/admin/projects/${e.projectId}/evaluations`,
  dueAt,
});

/** The list a line stands for: the first item's call evaluation page (all its evaluations with their states). */
const listOf = (rows: Row[]) => (rows[0] ? `/admin/grants/${rows[0].project.callId}/evaluations` : "/admin");

export const evaluationStaffQueue: QueueSource<StaffQueueContext> = async ({ now }) => {
  const failedMidterm = {
    kind: "MIDTERM",
    grade: "不合格",
    decision: null,
    project: { status: { in: ACTIVE_PROJECT_STATES } },
  };
  const [scoredCount, scored, published, failedCount, failed] = await Promise.all([
    prisma.grantEvaluation.count({ where: { status: "SCORED" } }),
    prisma.grantEvaluation.findMany({
      where: { status: "SCORED" },
      orderBy: { dueAt: "asc" },
      take: QUEUE_ENTRIES,
      select: rowSelect,
    }),
    // The (status, dueAt) index: only the results in publicity, a handful.
    prisma.grantEvaluation.findMany({
      where: { status: "PUBLICITY" },
      orderBy: { publicityEndsAt: "asc" },
      take: PUBLICITY_READ_LIMIT,
      select: { ...rowSelect, status: true, grade: true, publicityEndsAt: true },
    }),
    prisma.grantEvaluation.count({ where: { status: "FINAL", ...failedMidterm } }),
    prisma.grantEvaluation.findMany({
      where: { status: "FINAL", ...failedMidterm },
      orderBy: { finalAt: "asc" },
      take: QUEUE_ENTRIES,
      select: rowSelect,
    }),
  ]);
  const objections = published.length
    ? await prisma.objection.findMany({
        where: {
          entryType: EVALUATION_SUBJECT_TYPE,
          entryId: { in: published.map((e) => e.id) },
          publicationType: EVALUATION_PUBLICATION_TYPE,
        },
        select: { entryId: true, status: true, decidedAt: true },
      })
    : [];
  const standings = publicityStandings(published, objections, now);
  const inPublicity = standings.filter((s) => s.end.kind === "OPEN" || s.end.kind === "WAITING_FOR_OBJECTIONS");
  const waiting = inPublicity.filter((s) => s.end.kind === "WAITING_FOR_OBJECTIONS");
  const open = inPublicity.filter((s) => s.end.kind === "OPEN");
  // Final by the rule, not yet settled: a mid-term 不合格 among them already waits for staff's decision.
  const failedNow = standings
    .filter(
      (s) =>
        s.end.kind === "FINAL" &&
        s.evaluation.kind === "MIDTERM" &&
        s.evaluation.grade === "不合格" &&
        ACTIVE_PROJECT_STATES.some((state) => state === s.evaluation.project.status),
    )
    .map((s) => s.evaluation);
  const toDecide = [...failedNow, ...failed];
  const publicityRows = [...waiting, ...open].map((s) => s.evaluation);

  const lines: QueueLine[] = [
    {
      key: "evaluation.publish",
      label: "项目评估结果待公示",
      count: scoredCount,
      href: listOf(scored),
      entries: scored.map((e) => entryOf(e)),
    },
    {
      key: "evaluation.publicity",
      label: "项目评估结果公示中",
      count: inPublicity.length,
      href: listOf(publicityRows),
      dueAt: open[0]?.evaluation.publicityEndsAt ?? null,
      // Over its period, a result waits only for staff to decide its objections.
      overdue: waiting.length,
      entries: [...waiting, ...open]
        .slice(0, QUEUE_ENTRIES)
        .map((s) =>
          entryOf(
            s.evaluation,
            s.evaluation.publicityEndsAt,
            s.end.kind === "WAITING_FOR_OBJECTIONS" ? "（公示期满，异议待处理）" : "",
          ),
        ),
    },
    {
      key: "evaluation.decide",
      label: "中期评估不合格待处理决定",
      count: failedNow.length + failedCount,
      href: listOf(toDecide),
      entries: toDecide.slice(0, QUEUE_ENTRIES).map((e) => entryOf(e)),
    },
  ];
  return lines;
};
