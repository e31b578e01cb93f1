// 待办 lines of funded projects (#13): staff review filed progress reports, chase
// overdue ones and read monitoring replies; an organization files the reports due
// soon and answers monitoring visits. Other funding helpers add their lines here
// (agreements to sign, tranches due, budget changes). Indexed counts and bounded lists only.
import type { OrgQueueContext, QueueSource, StaffQueueContext } from "~/modules/queues/queue";
import { QUEUE_ENTRIES } from "~/modules/queues/queue";
import { addDays } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { ACTIVE_PROJECT_STATES } from "./project-workflow";
import { OPEN_REPORT_STATES } from "./report-workflow";

/** An organization's queue lists open reports due within this many days (and overdue ones). */
export const REPORT_QUEUE_DAYS = 30;

const activeProject = { status: { in: ACTIVE_PROJECT_STATES } };

export const fundingStaffQueue: QueueSource<StaffQueueContext> = async ({ now }) => {
  const submitted = { status: "SUBMITTED", project: activeProject };
  const overdueWhere = { status: { in: OPEN_REPORT_STATES }, dueAt: { lt: now }, project: activeProject };
  const replied = { status: "REPLIED", project: activeProject };
  const [toReview, firstSubmitted, overdue, oldestOverdue, replies] = await Promise.all([
    prisma.grantProgressReport.count({ where: submitted }),
    prisma.grantProgressReport.findMany({
      where: submitted,
      orderBy: { dueAt: "asc" },
      take: QUEUE_ENTRIES,
      select: { id: true, sequence: true, projectId: true, project: { select: { title: true } } },
    }),
    prisma.grantProgressReport.count({ where: overdueWhere }),
    prisma.grantProgressReport.findFirst({ where: overdueWhere, orderBy: { dueAt: "asc" }, select: { dueAt: true } }),
    prisma.grantMonitoringVisit.count({ where: replied }),
  ]);
  return [
    {
      key: "funding.reports.review",
      label: "项目进度报告待审核",
      count: toReview,
      href: "/admin/projects/reports?status=SUBMITTED",
      entries: firstSubmitted.map((r) => ({
        label: `${r.project.title} · 第 ${r.sequence} 期`,
        href: `/admin/projects/${r.projectId}/reports/${r.id}`,
      })),
    },
    {
      key: "funding.reports.overdue",
      label: "项目进度报告逾期未交",
      count: overdue,
      overdue,
      dueAt: oldestOverdue?.dueAt ?? null,
      href: "/admin/projects/reports?overdue=1",
    },
    {
      key: "funding.visits.replied",
      label: "督导意见已回复，待查看",
      count: replies,
      href: "/admin/projects/visits?status=REPLIED",
    },
  ];
};

/**
 * Money (#13 item 4): tranches whose gate is met and that wait for staff to record the
 * payment (PAYABLE, on the status + dueAt index), overdue past their due date. The line
 * links to the call of the soonest one, filtered to projects with money to pay.
 */
export const trancheStaffQueue: QueueSource<StaffQueueContext> = async ({ now }) => {
  const payable = { status: "PAYABLE", project: activeProject };
  const [count, overdue, first] = await Promise.all([
    prisma.grantTranche.count({ where: payable }),
    prisma.grantTranche.count({ where: { ...payable, dueAt: { lt: now } } }),
    prisma.grantTranche.findMany({
      where: payable,
      orderBy: { dueAt: "asc" },
      take: QUEUE_ENTRIES,
      select: {
        position: true,
        dueAt: true,
        projectId: true,
        project: { select: { title: true, callId: true } },
      },
    }),
  ]);
  return {
    key: "funding.tranches.payable",
    label: "资助资金待拨付",
    count,
    overdue,
    dueAt: first[0]?.dueAt ?? null,
    href: first[0] ? `/admin/grants/${first[0].project.callId}/projects?due=tranche` : "/admin/grants",
    entries: first.map((t) => ({
      label: `${t.project.title} · 第 ${t.position} 笔`,
      href: `/admin/projects/${t.projectId}/tranches`,
      dueAt: t.dueAt,
    })),
  };
};

export const fundingOrgQueue: QueueSource<OrgQueueContext> = async ({ now, organizationId }) => {
  const project = { organizationId, ...activeProject };
  const due = { status: { in: OPEN_REPORT_STATES }, dueAt: { lte: addDays(now, REPORT_QUEUE_DAYS) }, project };
  const open = { status: "OPEN", project };
  const [reportCount, reports, overdueReports, visitCount, visits, overdueVisits] = await Promise.all([
    prisma.grantProgressReport.count({ where: due }),
    prisma.grantProgressReport.findMany({
      where: due,
      orderBy: { dueAt: "asc" },
      take: QUEUE_ENTRIES,
      select: { id: true, sequence: true, dueAt: true, projectId: true, project: { select: { title: true } } },
    }),
    prisma.grantProgressReport.count({ where: { ...due, dueAt: { lt: now } } }),
    prisma.grantMonitoringVisit.count({ where: open }),
    prisma.grantMonitoringVisit.findMany({
      where: open,
      orderBy: { replyDueAt: "asc" },
      take: QUEUE_ENTRIES,
      select: { id: true, replyDueAt: true, projectId: true, project: { select: { title: true } } },
    }),
    prisma.grantMonitoringVisit.count({ where: { ...open, replyDueAt: { lt: now } } }),
  ]);
  return [
    {
      key: "funding.reports.due",
      label: "资助项目进度报告待提交",
      count: reportCount,
      overdue: overdueReports,
      dueAt: reports[0]?.dueAt ?? null,
      href: "/org/projects",
      entries: reports.map((r) => ({
        label: `${r.project.title} · 第 ${r.sequence} 期`,
        href: `/org/projects/${r.projectId}/reports/${r.id}`,
        dueAt: r.dueAt,
      })),
    },
    {
      key: "funding.visits.reply",
      label: "督导意见待回复",
      count: visitCount,
      overdue: overdueVisits,
      dueAt: visits[0]?.replyDueAt ?? null,
      href: "/org/projects",
      entries: visits.map((v) => ({
        label: v.project.title,
        href: `/org/projects/${v.projectId}/monitoring`,
        dueAt: v.replyDueAt,
      })),
    },
  ];
};

const agreementEntry = (
  a: { kind: string; version: number; project: { id: string; title: string } },
  side: "admin" | "org",
) => ({
  label: a.kind === "ORIGINAL" ? a.project.title : `${a.project.title} · 补充协议第 ${a.version} 版`,
  href: `/${side}/projects/${a.project.id}/agreement`,
});

/**
 * Agreements (#13 items 2-3) the organization has signed and the bureau must countersign, and
 * budget changes (#13 item 7) waiting for approval. Counts on the status indexes; the signing
 * deadline (a first agreement's) orders the entries and marks the overdue ones.
 */
export const agreementStaffQueue: QueueSource<StaffQueueContext> = async ({ now }) => {
  const awaiting = { status: "AWAITING_BUREAU" };
  const pending = { status: "PENDING", project: activeProject };
  const [toSign, lateSignings, firstToSign, changes, firstChanges] = await Promise.all([
    prisma.grantAgreement.count({ where: awaiting }),
    prisma.grantAgreement.count({ where: { ...awaiting, kind: "ORIGINAL", project: { signingDueAt: { lt: now } } } }),
    prisma.grantAgreement.findMany({
      where: awaiting,
      orderBy: { project: { signingDueAt: "asc" } },
      take: QUEUE_ENTRIES,
      select: { kind: true, version: true, project: { select: { id: true, title: true, signingDueAt: true } } },
    }),
    prisma.grantBudgetChange.count({ where: pending }),
    prisma.grantBudgetChange.findMany({
      where: pending,
      orderBy: { createdAt: "asc" },
      take: QUEUE_ENTRIES,
      select: { projectId: true, project: { select: { title: true } } },
    }),
  ]);
  return [
    {
      key: "funding.agreements.countersign",
      label: "资助协议待会签",
      count: toSign,
      overdue: lateSignings,
      dueAt: firstToSign.find((a) => a.kind === "ORIGINAL")?.project.signingDueAt ?? null,
      href: firstToSign[0] ? `/admin/projects/${firstToSign[0].project.id}/agreement` : "/admin/grants",
      entries: firstToSign.map((a) => agreementEntry(a, "admin")),
    },
    {
      key: "funding.budget.approve",
      label: "预算调整待审批",
      count: changes,
      href: firstChanges[0] ? `/admin/projects/${firstChanges[0].projectId}/budget` : "/admin/grants",
      entries: firstChanges.map((c) => ({ label: c.project.title, href: `/admin/projects/${c.projectId}/budget` })),
    },
  ];
};

/** The organization: agreement versions issued to it and waiting for its signature. */
export const agreementOrgQueue: QueueSource<OrgQueueContext> = async ({ now, organizationId }) => {
  const where = { status: "AWAITING_ORG", project: { organizationId } };
  const [count, overdue, first] = await Promise.all([
    prisma.grantAgreement.count({ where }),
    prisma.grantAgreement.count({
      where: { ...where, kind: "ORIGINAL", project: { organizationId, signingDueAt: { lt: now } } },
    }),
    prisma.grantAgreement.findMany({
      where,
      orderBy: { project: { signingDueAt: "asc" } },
      take: QUEUE_ENTRIES,
      select: { kind: true, version: true, project: { select: { id: true, title: true, signingDueAt: true } } },
    }),
  ]);
  return {
    key: "funding.agreements.sign",
    label: "资助协议待签署",
    count,
    overdue,
    dueAt: first.find((a) => a.kind === "ORIGINAL")?.project.signingDueAt ?? null,
    href: "/org/projects",
    entries: first.map((a) => agreementEntry(a, "org")),
  };
};
