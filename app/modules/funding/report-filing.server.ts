// The organization files a progress report: drafts (with photos) through the one
// editor save path (attachments/document-set.server.ts saveWithDocuments), and the
// submit that writes the KPI actuals and activities and moves the report on.
import type { z } from "zod";
import { saveWithDocuments } from "~/modules/attachments/document-set.server";
import { notifyAdmins } from "~/modules/notifications/notifications.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { runTransition } from "~/modules/workflow/transition.server";
import type { Tx } from "~/utils/db.server";
import { reportPhotos, toDraft, toFiled, type buildReportSchema, type ReportPhotoKey } from "./report-form";
import { EDITABLE_REPORT_STATES, reportWorkflow, type ReportState } from "./report-workflow";

export const REPORT_ENTITY = "GrantProgressReport";

type Values = z.output<ReturnType<typeof buildReportSchema>>;

type FileInput = {
  projectId: string;
  reportId: string;
  organizationId: string;
  actorId: string;
  values: Values;
  submit: boolean;
  request: Request;
};

async function saveDraft(tx: Tx, input: FileInput) {
  const report = await tx.grantProgressReport.findFirst({
    where: { id: input.reportId, projectId: input.projectId },
    select: { status: true, sequence: true, project: { select: { title: true, status: true } } },
  });
  if (!report) throw new WorkflowError("未找到该报告", 400);
  const from = report.status as ReportState;
  if (!EDITABLE_REPORT_STATES.includes(from)) {
    throw new WorkflowError(`报告当前为「${reportWorkflow.stateLabels[from] ?? from}」，不能修改`);
  }
  const draft = JSON.stringify(toDraft(input.values));
  if (from === "SCHEDULED") {
    await runTransition(tx, {
      workflow: reportWorkflow,
      entityType: REPORT_ENTITY,
      entityId: input.reportId,
      from,
      to: "DRAFT",
      actor: { id: input.actorId, role: "ORG_MEMBER" },
      request: input.request,
      apply: async () =>
        (
          await tx.grantProgressReport.updateMany({
            where: { id: input.reportId, status: from },
            data: { status: "DRAFT", draft },
          })
        ).count,
    });
    return { from: "DRAFT" as ReportState, report };
  }
  const saved = await tx.grantProgressReport.updateMany({
    where: { id: input.reportId, status: from },
    data: { draft },
  });
  if (saved.count !== 1) throw new WorkflowError("该报告的状态已被他人更新，请刷新后重试");
  return { from, report };
}

export type FiledReportRows = ReturnType<typeof toFiled>;

type SubmitInput = {
  projectId: string;
  reportId: string;
  actorId: string;
  filed: FiledReportRows;
  request?: Request;
  /** when it was filed; only the demo seed passes one */
  at?: Date;
};

/**
 * Files a report (SCHEDULED, DRAFT or RETURNED → SUBMITTED) in the caller's transaction: writes
 * its KPI actuals and activities and tells staff. The seed files its demo reports through it.
 */
export async function submitReport(tx: Tx, input: SubmitInput) {
  const report = await tx.grantProgressReport.findFirst({
    where: { id: input.reportId, projectId: input.projectId },
    select: { status: true, sequence: true, project: { select: { title: true } } },
  });
  if (!report) throw new WorkflowError("未找到该报告", 400);
  const from = report.status as ReportState;
  if (!EDITABLE_REPORT_STATES.includes(from)) {
    throw new WorkflowError(`报告当前为「${reportWorkflow.stateLabels[from] ?? from}」，不能提交`);
  }
  const { filed } = input;
  await tx.grantReportKpi.deleteMany({ where: { reportId: input.reportId } });
  await tx.grantReportActivity.deleteMany({ where: { reportId: input.reportId } });
  if (filed.kpis.length) {
    await tx.grantReportKpi.createMany({ data: filed.kpis.map((k) => ({ ...k, reportId: input.reportId })) });
  }
  await tx.grantReportActivity.createMany({
    data: filed.activities.map((a) => ({ ...a, reportId: input.reportId })),
  });
  await runTransition(tx, {
    workflow: reportWorkflow,
    entityType: REPORT_ENTITY,
    entityId: input.reportId,
    from,
    to: "SUBMITTED",
    actor: { id: input.actorId, role: "ORG_MEMBER" },
    request: input.request,
    apply: async () =>
      (
        await tx.grantProgressReport.updateMany({
          where: { id: input.reportId, status: from },
          data: { status: "SUBMITTED", narrative: filed.narrative, draft: null, submittedAt: input.at ?? new Date() },
        })
      ).count,
  });
  await notifyAdmins(tx, {
    title: `进度报告待审核：${report.project.title}`,
    body: `「${report.project.title}」${from === "RETURNED" ? "重新提交了" : "提交了"}第 ${report.sequence} 期进度报告。`,
    link: `/admin/projects/${input.projectId}/reports/${input.reportId}`,
  });
}

/** Saves the report's draft and photos and, with `submit`, files it; all or nothing. */
export async function saveReport(input: FileInput) {
  return saveWithDocuments<ReportPhotoKey, Awaited<ReturnType<typeof saveDraft>>>({
    set: reportPhotos,
    subjectId: input.reportId,
    organizationId: input.organizationId,
    actorId: input.actorId,
    request: input.request,
    files: reportPhotos.filesFrom(input.values),
    saveDraft: (tx) => saveDraft(tx, input),
    submit: input.submit ? (tx) => submitReport(tx, { ...input, filed: toFiled(input.values) }) : null,
  });
}
