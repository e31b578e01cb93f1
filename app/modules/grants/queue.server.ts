// 待办 lines of 公益创投 (#16): staff screen submitted applications, staff review
// rounds short of reviewers and answer objections; an organization answers 补正
// requests and finishes its drafts.
import { pendingObjections } from "~/modules/publicity/decide.server";
import type { OrgQueueContext, QueueSource, StaffQueueContext } from "~/modules/queues/queue";
import { QUEUE_ENTRIES } from "~/modules/queues/queue";
import { prisma } from "~/utils/db.server";
import { GRANT_SUBJECT_TYPE } from "./applications/application-form";
import { grantPublication } from "./publicity/publicity";

/** The calls staff still work on: published, not yet confirmed (a handful at a time). */
async function activeCalls() {
  return prisma.grantCall.findMany({
    where: { status: "PUBLISHED", reviewStage: { not: "CONFIRMED" } },
    orderBy: { applyClosesAt: "desc" },
    take: 10,
    select: { id: true, title: true, reviewStage: true, reviewersPerApplication: true, screeningEndsAt: true },
  });
}

export const grantStaffQueue: QueueSource<StaffQueueContext> = async ({ now }) => {
  const calls = await activeCalls();
  const lines = await Promise.all(
    calls.map(async (call) => {
      const [toScreen, objections, screened, activeReviews] = await Promise.all([
        prisma.grantApplication.count({ where: { callId: call.id, status: "SUBMITTED" } }),
        pendingObjections(prisma, grantPublication(call.id)),
        call.reviewStage === "OPEN"
          ? prisma.grantApplication.count({ where: { callId: call.id, status: "SCREEN_PASSED" } })
          : 0,
        call.reviewStage === "OPEN"
          ? prisma.reviewAssignment.count({
              where: {
                roundId: call.id,
                subjectType: GRANT_SUBJECT_TYPE,
                status: { in: ["ASSIGNED", "DRAFTED", "SUBMITTED"] },
              },
            })
          : 0,
      ]);
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
    }),
  );
  return lines.flat();
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
