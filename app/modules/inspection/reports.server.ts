import { attachmentData, withStoredUploads } from "~/modules/attachments/uploads.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { notifyAdmins } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import { prisma, type Tx } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { EDITABLE_STATUSES, OPEN_RECTIFICATION_STATUSES } from "./labels";
import { deadlineFor } from "./obligation";
import { submitRectificationInTx } from "./rectifications.server";
import type { ReportData } from "./report-form";
import { inspectionWorkflow, type InspectionState } from "./workflow";

export const AUDIT_REPORT_PURPOSE = "inspection.audit_report";

export async function listOrgReports(organizationId: string) {
  const [reports, rectifications] = await prisma.$transaction([
    prisma.inspectionReport.findMany({
      where: { organizationId },
      orderBy: { year: "desc" },
      take: 50,
      select: {
        id: true,
        year: true,
        status: true,
        simplified: true,
        exemptReason: true,
        submittedAt: true,
        conclusion: true,
        conclusionReason: true,
        round: { select: { deadline: true, foundationDeadline: true } },
      },
    }),
    prisma.rectification.findMany({
      where: { organizationId },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, status: true, requirement: true, dueAt: true, report: { select: { year: true } } },
    }),
  ]);
  return { reports, rectifications };
}

/** The report with everything its form needs, or null when it is not this organization's. */
export async function getOrgReport(organizationId: string, reportId: string) {
  const report = await prisma.inspectionReport.findFirst({
    where: { id: reportId, organizationId },
    select: {
      id: true,
      year: true,
      status: true,
      simplified: true,
      exemptReason: true,
      data: true,
      submittedAt: true,
      returnNote: true,
      conclusion: true,
      conclusionReason: true,
      concludedAt: true,
      round: { select: { deadline: true, foundationDeadline: true } },
      organization: { select: { type: true, name: true } },
    },
  });
  if (!report) return null;
  const [auditReports, openRectifications] = await prisma.$transaction([
    prisma.attachment.findMany({
      where: { subjectType: "InspectionReport", subjectId: report.id, purpose: AUDIT_REPORT_PURPOSE },
      orderBy: { createdAt: "desc" },
      select: { id: true, originalName: true, createdAt: true },
    }),
    openRectificationsQuery(organizationId),
  ]);
  return { report, auditReports, openRectifications, deadline: deadlineFor(report.organization.type, report.round) };
}

function openRectificationsQuery(organizationId: string) {
  return prisma.rectification.findMany({
    where: { organizationId, status: { in: [...OPEN_RECTIFICATION_STATUSES] } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      status: true,
      requirement: true,
      dueAt: true,
      reviewNote: true,
      report: { select: { year: true } },
    },
  });
}

/**
 * Saves the report as a draft or submits it. The caller has validated the data
 * with the schema from report-form.ts. On submission: the deadline is checked
 * (a report returned for correction may be resubmitted after it), a foundation's
 * audit report must be on file unless simplified, and an open rectification is
 * filed with the report's 整改 text in the same transaction.
 */
export async function saveOrgReport(input: {
  organizationId: string;
  reportId: string;
  actorId: string;
  intent: "draft" | "submit";
  data: ReportData;
  auditFile?: File | null;
  auditRequired: boolean;
  request?: Request;
  now?: Date;
}): Promise<WriteResult> {
  const now = input.now ?? new Date();
  const current = await getOrgReport(input.organizationId, input.reportId);
  if (!current) throw new WorkflowError("未找到该年度报告", 400);
  const { report } = current;
  const from = report.status as InspectionState;
  if (!(EDITABLE_STATUSES as readonly string[]).includes(from)) {
    throw new WorkflowError(`年度报告当前状态为「${inspectionWorkflow.stateLabels[from] ?? from}」，不能修改`);
  }
  if (input.intent === "submit") {
    if (from !== "RETURNED" && now.getTime() > current.deadline.getTime()) {
      return fail(
        `${report.year}年度报告的提交截止日期（${formatDate(current.deadline)}）已过，不能再提交。请联系登记管理机关。`,
      );
    }
    if (input.auditRequired && !input.auditFile && current.auditReports.length === 0) {
      return fail("基金会须上传审计报告", { field: "auditReport" });
    }
  }
  const rectifications = current.openRectifications;
  const rectificationText = typeof input.data.rectificationReport === "string" ? input.data.rectificationReport : "";

  const write = async (tx: Tx, attachmentId: string | null) => {
    const json = JSON.stringify(input.data);
    if (input.intent === "draft") {
      if (from === "PENDING") {
        await runTransition(tx, {
          workflow: inspectionWorkflow,
          entityType: "InspectionReport",
          entityId: report.id,
          from,
          to: "DRAFT",
          actor: { id: input.actorId, role: "ORG_MEMBER" },
          request: input.request,
          apply: async () =>
            (
              await tx.inspectionReport.updateMany({
                where: { id: report.id, status: from },
                data: { status: "DRAFT", data: json },
              })
            ).count,
        });
      } else {
        const { count } = await tx.inspectionReport.updateMany({
          where: { id: report.id, status: from },
          data: { data: json },
        });
        if (count !== 1) throw new WorkflowError("该记录的状态已被他人更新，请刷新后重试");
      }
    } else {
      await runTransition(tx, {
        workflow: inspectionWorkflow,
        entityType: "InspectionReport",
        entityId: report.id,
        from,
        to: "SUBMITTED",
        actor: { id: input.actorId, role: "ORG_MEMBER" },
        request: input.request,
        apply: async () =>
          (
            await tx.inspectionReport.updateMany({
              where: { id: report.id, status: from },
              data: { status: "SUBMITTED", data: json, submittedAt: now, returnNote: null },
            })
          ).count,
      });
      for (const rectification of rectifications) {
        await submitRectificationInTx(tx, {
          rectificationId: rectification.id,
          from: rectification.status,
          text: rectificationText,
          actorId: input.actorId,
          request: input.request,
          now,
          viaReportYear: report.year,
        });
      }
      await notifyAdmins(tx, {
        title: `${report.organization.name}提交了${report.year}年度报告`,
        link: `/admin/inspection/reports/${report.id}`,
      });
    }
    if (attachmentId) {
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "attachment.upload",
        entityType: "Attachment",
        entityId: attachmentId,
        reason: `${report.year}年度审计报告`,
        request: input.request,
      });
    }
  };

  if (input.auditFile) {
    const file = input.auditFile;
    await withStoredUploads([file], async (tx, [stored]) => {
      const attachment = await tx.attachment.create({
        data: {
          ...attachmentData(file, stored!, {
            uploaderId: input.actorId,
            organizationId: input.organizationId,
            purpose: AUDIT_REPORT_PURPOSE,
            description: `${report.year}年度审计报告`,
          }),
          subjectType: "InspectionReport",
          subjectId: report.id,
        },
        select: { id: true },
      });
      await write(tx, attachment.id);
    });
  } else {
    await prisma.$transaction((tx) => write(tx, null));
  }
  return succeed();
}
