import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ConfirmButton } from "~/components/confirm";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, TextareaField } from "~/components/forms";
import { Notice } from "~/components/notice";
import { SectionCard } from "~/components/section-card";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireStaffProject } from "~/modules/funding/access.server";
import { acceptReport, returnReport } from "~/modules/funding/report-review.server";
import { FiledReport, ReportFacts } from "~/modules/funding/report-view";
import { loadReport } from "~/modules/funding/report-view.server";
import { dispatchIntent, handler } from "~/utils/action.server";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http";
import { redirect } from "~/utils/redirect.server";
import { readForm } from "~/utils/request-body.server";

const AcceptSchema = z.object({});
const ReturnSchema = z.object({
  comment: z
    .string({ required_error: "请填写退回意见" })
    .trim()
    .min(5, "退回意见至少 5 个字，说明需要修改什么")
    .max(2000, "退回意见最多 2000 个字"),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireStaffProject(request, params.projectId);
  const loaded = await loadReport(project.id, params.reportId ?? "");
  invariantResponse(loaded, "未找到该报告", { status: 404 });
  return { projectId: project.id, loaded, now: new Date() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, project } = await requireStaffProject(request, params.projectId);
  const loaded = await loadReport(project.id, params.reportId ?? "");
  invariantResponse(loaded, "未找到该报告", { status: 404 });
  const ids = { projectId: project.id, reportId: loaded.report.id, actorId: user.id, request };
  const back = () => redirect(`/admin/projects/${project.id}/reports/${loaded.report.id}`);
  return dispatchIntent(await readForm(request), {
    accept: handler({
      schema: AcceptSchema,
      run: () => prisma.$transaction((tx) => acceptReport(tx, ids)),
      done: back,
    }),
    return: handler({
      schema: ReturnSchema,
      run: (v) => prisma.$transaction((tx) => returnReport(tx, { ...ids, comment: v.comment })),
      done: back,
    }),
  });
}

function ReviewForms() {
  const reply = useActionData<typeof action>();
  const [acceptForm] = useConformForm({ id: "accept", schema: AcceptSchema, reply });
  const [form, fields] = useConformForm({ id: "return", schema: ReturnSchema, reply });
  const busy = useIsPending();
  return (
    <SectionCard id="review" title="审核">
      <div className="space-y-4">
        <Form method="post" {...getFormProps(acceptForm)}>
          <input type="hidden" name="intent" value="accept" />
          <FormErrors id={acceptForm.errorId} errors={acceptForm.errors} />
          <ConfirmButton
            label="通过报告"
            message="通过后报告中的指标完成值将成为项目当前完成值。"
            intent="accept"
            className="btn-primary"
            disabled={busy}
          >
            通过报告
          </ConfirmButton>
        </Form>
        <Form method="post" {...getFormProps(form)} className="space-y-3">
          <input type="hidden" name="intent" value="return" />
          <TextareaField
            meta={fields.comment}
            label="退回意见"
            rows={3}
            hint="说明需要修改或补充的内容，机构修改后重新提交。"
          />
          <FormErrors id={form.errorId} errors={form.errors} />
          <button type="submit" className="btn-secondary" disabled={busy}>
            退回修改
          </button>
        </Form>
      </div>
    </SectionCard>
  );
}

export default function StaffReportPage() {
  const { projectId, loaded, now } = useLoaderData<typeof loader>();
  const { report, kpis, photos } = loaded;
  const filed = report.status !== "SCHEDULED" && report.status !== "DRAFT";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold text-gray-900">第 {report.sequence} 期进度报告</h2>
        <Link to={`/admin/projects/${projectId}/reports`} className="link text-sm">
          返回报告计划
        </Link>
      </div>
      <SectionCard id="report-facts" title="报告信息">
        <ReportFacts report={report} now={now} />
      </SectionCard>
      {report.status === "RETURNED" && report.returnComment ? (
        <Notice tone="warning">
          <strong className="block">已退回，等待机构重新提交。退回意见：</strong>
          <span className="whitespace-pre-wrap">{report.returnComment}</span>
        </Notice>
      ) : null}
      {report.status === "SUBMITTED" ? <ReviewForms /> : null}
      {filed ? (
        <FiledReport report={report} kpis={kpis} photos={photos} />
      ) : (
        <Notice tone="info">机构尚未提交本期报告。</Notice>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
