// 待办 lines of 公益创投 (#16): staff screen submitted applications, staff review
// rounds short of reviewers and answer objections; an organization answers 补正
// requests and finishes its drafts.
import { Prisma } from "~/generated/prisma/client";
import { pendingObjectionsByPublication } from "~/modules/publicity/decide.server";
import type { OrgQueueContext, QueueSource, StaffQueueContext } from "~/modules/queues/queue";
import { QUEUE_ENTRIES } from "~/modules/queues/queue";
import { ACTIVE_ASSIGNMENT_STATES } from "~/modules/review/assignment-workflow";
import { prisma } from "~/utils/db.server";
import { GRANT_SUBJECT_TYPE } from "./applications/application-form";
import { GRANT_PUBLICATION_TYPE } from "./publicity/publicity";

/** The calls staff still work on: published, not yet confirmed (a handful at a time). */
async function activeCalls() {
  return prisma.grantCall.findMany({
    where: { status: "PUBLISHED", reviewStage: { not: "CONFIRMED" } },
    orderBy: { applyClosesAt: "desc" },
    take: 10,
    select: { id: true, title: true, reviewStage: true, reviewersPerApplication: true, screeningEndsAt: true },
  });
}

type Count = number | bigint;

/**
 * The counts of every active call in one statement (applications to screen; for a call in
 * review, screened applications and active reviews) and the pending objections in one
 * grouped read, instead of four statements per call: the 待办 is recounted after every write,
 * and each statement through the client cost more than its counting (decision 032).
 */
async function activeCallCounts(callIds: string[]) {
  const [rows, objections] = await Promise.all([
    prisma.$queryRaw<Array<{ id: string; toScreen: Count; screened: Count; activeReviews: Count }>>`
      SELECT c."id",
        (SELECT COUNT(*) FROM "GrantApplication" a WHERE a."callId" = c."id" AND a."status" = 'SUBMITTED') AS "toScreen",
        CASE WHEN c."reviewStage" = 'OPEN' THEN
          (SELECT COUNT(*) FROM "GrantApplication" a WHERE a."callId" = c."id" AND a."status" = 'SCREEN_PASSED')
        ELSE 0 END AS "screened",
        CASE WHEN c."reviewStage" = 'OPEN' THEN
          (SELECT COUNT(*) FROM "ReviewAssignment" r WHERE r."roundId" = c."id" AND r."subjectType" = ${GRANT_SUBJECT_TYPE}
            AND r."status" IN (${Prisma.join(ACTIVE_ASSIGNMENT_STATES)}))
        ELSE 0 END AS "activeReviews"
      FROM "GrantCall" c WHERE c."id" IN (SELECT value FROM json_each(${JSON.stringify(callIds)}))`,
    pendingObjectionsByPublication(prisma, GRANT_PUBLICATION_TYPE, callIds),
  ]);
  const counts = new Map(rows.map((r) => [r.id, r]));
  return (callId: string) => ({
    toScreen: Number(counts.get(callId)?.toScreen ?? 0),
    screened: Number(counts.get(callId)?.screened ?? 0),
    activeReviews: Number(counts.get(callId)?.activeReviews ?? 0),
    objections: objections.get(callId) ?? 0,
  });
}

export const grantStaffQueue: QueueSource<StaffQueueContext> = async ({ now }) => {
  const calls = await activeCalls();
  const countsOf = await activeCallCounts(calls.map((c) => c.id));
  return calls.flatMap((call) => {
    const { toScreen, screened, activeReviews, objections } = countsOf(call.id);
    // Short of reviewers: fewer active tasks than k per screened application.
    const missing = Math.max(0, screened * call.reviewersPerApplication - activeReviews);
    return [
      {
        key: `grants.screen.${call.id}`,
        label: `公益创投申报待初审 · ${call.title}`,
        count: toScreen,
        dueAt: call.screeningEndsAt,
        overdue: call.screeningEndsAt < now ? toScreen : 0,
        href: `/admin/grants/${call.id}/applications?status=SUBMITTED`,
      },
      {
        key: `grants.reviewers.${call.id}`,
        label: `评审专家不足（缺 ${missing} 人次） · ${call.title}`,
        count: missing > 0 ? 1 : 0,
        href: `/admin/grants/${call.id}/review`,
      },
      {
        key: `grants.objections.${call.id}`,
        label: `公示异议待答复 · ${call.title}`,
        count: objections,
        href: `/admin/grants/${call.id}/publicity`,
      },
    ];
  });
};

export const grantOrgQueue: QueueSource<OrgQueueContext> = async ({ organizationId }) => {
  const list = (status: string) =>
    prisma.grantApplication.findMany({
      where: { organizationId, status },
      orderBy: { createdAt: "desc" },
      take: QUEUE_ENTRIES,
      select: { id: true, title: true, call: { select: { applyClosesAt: true } } },
    });
  const [corrections, drafts, correctionCount, draftCount] = await Promise.all([
    list("CORRECTION"),
    list("DRAFT"),
    prisma.grantApplication.count({ where: { organizationId, status: "CORRECTION" } }),
    prisma.grantApplication.count({ where: { organizationId, status: "DRAFT" } }),
  ]);
  const entry = (a: (typeof drafts)[number]) => ({
    label: a.title || "（未命名项目）",
    href: `/org/grants/${a.id}`,
    dueAt: a.call.applyClosesAt,
  });
  const soonest = (rows: typeof drafts) =>
    rows.map((r) => r.call.applyClosesAt).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  return [
    {
      key: "grants.correction",
      label: "公益创投申报需要补正",
      count: correctionCount,
      href: "/org/grants",
      entries: corrections.map((a) => ({ label: a.title || "（未命名项目）", href: `/org/grants/${a.id}` })),
    },
    {
      key: "grants.draft",
      label: "公益创投申报草稿待提交",
      count: draftCount,
      dueAt: soonest(drafts),
      href: "/org/grants",
      entries: drafts.map(entry),
    },
  ];
};
