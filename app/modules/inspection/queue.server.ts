// 待办 lines of the annual inspection (#16): staff review filed reports and
// rectification reports; an organization files its report and its rectifications.
import type { OrgQueueContext, QueueSource, StaffQueueContext } from "~/modules/queues/queue";
import { QUEUE_ENTRIES } from "~/modules/queues/queue";
import { prisma } from "~/utils/db.server";
import { deadlineFor } from "./obligation";

export const reportsToReview: QueueSource<StaffQueueContext> = async () => {
  const rounds = await prisma.inspectionRound.findMany({
    where: { status: "OPEN" },
    orderBy: { year: "desc" },
    take: QUEUE_ENTRIES,
    select: { id: true, year: true },
  });
  const counts = await Promise.all(
    rounds.map((r) => prisma.inspectionReport.count({ where: { roundId: r.id, status: "SUBMITTED" } })),
  );
  return rounds.map((round, i) => ({
    key: `inspection.review.${round.year}`,
    label: `${round.year}年度年检报告待审查`,
    count: counts[i]!,
    href: `/admin/inspection/${round.year}?status=SUBMITTED`,
  }));
};

export const rectificationsToReview: QueueSource<StaffQueueContext> = async ({ now }) => {
  const [submitted, overdue, soonest] = await Promise.all([
    prisma.rectification.count({ where: { status: "SUBMITTED" } }),
    prisma.rectification.count({ where: { status: "OPEN", dueAt: { lt: now } } }),
    prisma.rectification.findFirst({
      where: { status: "SUBMITTED" },
      orderBy: { dueAt: "asc" },
      select: { dueAt: true },
    }),
  ]);
  return [
    {
      key: "inspection.rectification.review",
      label: "整改报告待审核",
      count: submitted,
      dueAt: soonest?.dueAt ?? null,
      href: "/admin/inspection/rectifications?status=SUBMITTED",
    },
    {
      key: "inspection.rectification.overdue",
      label: "整改逾期未报告",
      count: overdue,
      overdue,
      href: "/admin/inspection/rectifications?status=OPEN",
    },
  ];
};

export const annualReportsDue: QueueSource<OrgQueueContext> = async ({ now, organizationId }) => {
  const openReports = { organizationId, status: { in: ["PENDING", "DRAFT", "RETURNED"] } };
  const openRectifications = { organizationId, status: { in: ["OPEN", "RETURNED"] } };
  const [reports, rectifications, reportCount, rectificationCount] = await Promise.all([
    prisma.inspectionReport.findMany({
      where: openReports,
      orderBy: { year: "asc" },
      take: QUEUE_ENTRIES,
      select: {
        id: true,
        year: true,
        organization: { select: { type: true } },
        round: { select: { deadline: true, foundationDeadline: true } },
      },
    }),
    prisma.rectification.findMany({
      where: openRectifications,
      orderBy: { dueAt: "asc" },
      take: QUEUE_ENTRIES,
      select: { id: true, dueAt: true, report: { select: { year: true } } },
    }),
    prisma.inspectionReport.count({ where: openReports }),
    prisma.rectification.count({ where: openRectifications }),
  ]);
  const reportDue = reports.map((r) => deadlineFor(r.organization.type, r.round));
  return [
    {
      key: "inspection.report",
      label: "年度工作报告待提交（年检）",
      count: reportCount,
      dueAt: reportDue[0] ?? null,
      overdue: reportDue.filter((d) => d < now).length,
      href: "/org/inspection",
      entries: reports.map((r, i) => ({
        label: `${r.year}年度工作报告`,
        href: `/org/inspection/${r.id}`,
        dueAt: reportDue[i],
      })),
    },
    {
      key: "inspection.rectification",
      label: "年检整改待报告",
      count: rectificationCount,
      dueAt: rectifications[0]?.dueAt ?? null,
      overdue: rectifications.filter((r) => r.dueAt < now).length,
      href: "/org/inspection",
      entries: rectifications.map((r) => ({
        label: `${r.report.year}年度年检整改`,
        href: `/org/rectifications/${r.id}`,
        dueAt: r.dueAt,
      })),
    },
  ];
};
