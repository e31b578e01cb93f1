import { recordAudit } from "~/modules/audit/audit.server";
import { getRules } from "~/modules/config/rules.server";
import { reportTriggerReason } from "~/modules/directory/removal";
import { removeFromDirectory } from "~/modules/directory/removal.server";
import { notifyOrganization } from "~/modules/notifications/notifications.server";
import { proposeDowngradesForInspection } from "~/modules/rating/downgrade.server";
import { gradesInForce } from "~/modules/registry/grade.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { conclusionLabel, type SupervisorOpinion } from "./labels";
import { deadlineFor, rectificationDueAt } from "./obligation";
import { AUDIT_REPORT_PURPOSE } from "./reports.server";
import { badYearNotice, isBadOutcome } from "./revocation";
import { inspectionWorkflow, type Conclusion, type InspectionState } from "./workflow";

export async function getReportForReview(reportId: string) {
  const report = await prisma.inspectionReport.findUnique({
    where: { id: reportId },
    select: {
      id: true,
      year: true,
      status: true,
      simplified: true,
      exemptReason: true,
      data: true,
      submittedAt: true,
      returnNote: true,
      supervisorOpinion: true,
      supervisorNote: true,
      conclusion: true,
      conclusionReason: true,
      concludedAt: true,
      round: { select: { deadline: true, foundationDeadline: true } },
      organization: {
        select: { id: true, name: true, type: true, supervisingUnit: true, currentGrade: true, uscc: true },
      },
      rectifications: {
        orderBy: { createdAt: "asc" },
        select: { id: true, status: true, requirement: true, dueAt: true, reportText: true, reviewNote: true },
      },
    },
  });
  if (!report) return null;
  // The copy on Organization can lag the calendar; the page shows the grade in force today.
  const inForce = await gradesInForce(prisma, [report.organization.id]);
  report.organization.currentGrade = inForce.get(report.organization.id)?.grade ?? null;
  const auditReports = await prisma.attachment.findMany({
    where: { subjectType: "InspectionReport", subjectId: report.id, purpose: AUDIT_REPORT_PURPOSE },
    orderBy: { createdAt: "desc" },
    select: { id: true, originalName: true, createdAt: true },
  });
  return { report, auditReports, deadline: deadlineFor(report.organization.type, report.round) };
}

async function loadStatus(reportId: string) {
  const report = await prisma.inspectionReport.findUnique({
    where: { id: reportId },
    select: { id: true, status: true, year: true, organizationId: true },
  });
  if (!report) throw new WorkflowError("未找到该年度报告", 400);
  return report;
}

/** Records the supervising unit's preliminary opinion, as given to staff. Not a state change. */
export async function recordSupervisorOpinion(input: {
  reportId: string;
  opinion: SupervisorOpinion;
  note?: string | null;
  actorId: string;
  request?: Request;
}) {
  const report = await loadStatus(input.reportId);
  if (report.status !== "SUBMITTED")
    throw new WorkflowError("只能对已提交、尚未出结论的年度报告登记业务主管单位初审意见");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.inspectionReport.updateMany({
      where: { id: report.id, status: "SUBMITTED" },
      data: { supervisorOpinion: input.opinion, supervisorNote: input.note?.trim() || null },
    });
    if (count !== 1) throw new WorkflowError("该记录的状态已被他人更新，请刷新后重试");
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "inspection.supervisor_opinion",
      entityType: "InspectionReport",
      entityId: report.id,
      toState: input.opinion,
      reason: input.note,
      request: input.request,
    });
  });
}

/** Staff send the report back for correction before concluding. */
export async function returnReport(input: { reportId: string; note: string; actorId: string; request?: Request }) {
  const report = await loadStatus(input.reportId);
  const from = report.status as InspectionState;
  await prisma.$transaction(async (tx) => {
    await runTransition(tx, {
      workflow: inspectionWorkflow,
      entityType: "InspectionReport",
      entityId: report.id,
      from,
      to: "RETURNED",
      actor: { id: input.actorId, role: "ADMIN" },
      reason: input.note,
      request: input.request,
      apply: async () =>
        (
          await tx.inspectionReport.updateMany({
            where: { id: report.id, status: from },
            data: { status: "RETURNED", returnNote: input.note.trim() },
          })
        ).count,
    });
    await notifyOrganization(tx, report.organizationId, {
      title: `${report.year}年度报告被退回修改`,
      body: input.note.trim(),
      link: `/org/inspection/${report.id}`,
    });
  });
}

/**
 * Records the conclusion. 基本合格 and 不合格 need reasons and open a
 * rectification due `inspection.rectificationDays` days later.
 */
export async function concludeReport(input: {
  reportId: string;
  conclusion: Conclusion;
  reason?: string | null;
  actorId: string;
  request?: Request;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const reason = input.reason?.trim() || null;
  if (input.conclusion !== "QUALIFIED" && !reason) {
    throw new WorkflowError(`结论为「${conclusionLabel(input.conclusion)}」时必须填写理由`, 400);
  }
  const report = await loadStatus(input.reportId);
  const from = report.status as InspectionState;
  const rules = await getRules(now);
  await prisma.$transaction(async (tx) => {
    await runTransition(tx, {
      workflow: inspectionWorkflow,
      entityType: "InspectionReport",
      entityId: report.id,
      from,
      to: "CONCLUDED",
      actor: { id: input.actorId, role: "ADMIN" },
      reason: `${conclusionLabel(input.conclusion)}${reason ? `：${reason}` : ""}`,
      request: input.request,
      apply: async () =>
        (
          await tx.inspectionReport.updateMany({
            where: { id: report.id, status: from },
            data: {
              status: "CONCLUDED",
              conclusion: input.conclusion,
              conclusionReason: reason,
              concludedAt: now,
              concludedById: input.actorId,
            },
          })
        ).count,
    });
    let body = `年检结论：${conclusionLabel(input.conclusion)}。`;
    if (input.conclusion !== "QUALIFIED") {
      const dueAt = rectificationDueAt(now, rules["inspection.rectificationDays"]);
      const rectification = await tx.rectification.create({
        data: { reportId: report.id, organizationId: report.organizationId, requirement: reason!, dueAt },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "rectification.open",
        entityType: "Rectification",
        entityId: rectification.id,
        toState: "OPEN",
        reason: reason,
        request: input.request,
      });
      body += `请于${formatDate(dueAt)}前提交整改报告。`;
    }
    if (input.conclusion === "UNQUALIFIED") {
      const previous = await tx.inspectionReport.findFirst({
        where: { organizationId: report.organizationId, year: report.year - 1 },
        select: { conclusion: true },
      });
      body += badYearNotice(report.year, conclusionLabel(input.conclusion), isBadOutcome(previous?.conclusion));
    }
    // A graded organization's bad year proposes a downgrade for staff to confirm.
    await proposeDowngradesForInspection(
      tx,
      [{ reportId: report.id, organizationId: report.organizationId, year: report.year, conclusion: input.conclusion }],
      { id: input.actorId, request: input.request, now },
    );
    // A 不合格 report takes the organization off the recommended directory at once.
    if (input.conclusion === "UNQUALIFIED") {
      await removeFromDirectory(
        tx,
        [{ organizationId: report.organizationId, reason: reportTriggerReason(report.year, input.conclusion) }],
        { id: input.actorId, request: input.request },
        now,
      );
    }
    await notifyOrganization(tx, report.organizationId, {
      title: `${report.year}年度年检结论：${conclusionLabel(input.conclusion)}`,
      body,
      link: "/org/inspection",
    });
  });
}
