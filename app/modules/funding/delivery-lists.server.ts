// The staff's cross-project lists of delivery work: progress reports by state or
// overdue, and monitoring visits by state. Paged, filtered on indexed columns.
import { prisma } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/paging";
import { visitWorkflow } from "./monitoring-workflow";
import { ACTIVE_PROJECT_STATES } from "./project-workflow";
import { OPEN_REPORT_STATES, reportWorkflow } from "./report-workflow";

const projectSelect = { select: { id: true, projectNo: true, title: true, organization: { select: { name: true } } } };

export async function listReportsForStaff(input: { status: string | null; overdue: boolean; page: number; now: Date }) {
  const status = input.status && reportWorkflow.isState(input.status) ? input.status : null;
  const where = {
    project: { status: { in: ACTIVE_PROJECT_STATES } },
    ...(input.overdue ? { status: { in: OPEN_REPORT_STATES }, dueAt: { lt: input.now } } : {}),
    ...(status && !input.overdue ? { status } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.grantProgressReport.findMany({
      where,
      orderBy: { dueAt: "asc" },
      skip: (input.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, sequence: true, status: true, dueAt: true, submittedAt: true, project: projectSelect },
    }),
    prisma.grantProgressReport.count({ where }),
  ]);
  return { rows, total, status };
}

export async function listVisitsForStaff(input: { status: string | null; page: number }) {
  const status = input.status && visitWorkflow.isState(input.status) ? input.status : null;
  const where = status ? { status } : {};
  const [rows, total] = await Promise.all([
    prisma.grantMonitoringVisit.findMany({
      where,
      orderBy: [{ status: "asc" }, { replyDueAt: "asc" }],
      skip: (input.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, visitedOn: true, status: true, replyDueAt: true, repliedAt: true, project: projectSelect },
    }),
    prisma.grantMonitoringVisit.count({ where }),
  ]);
  return { rows, total, status };
}
