import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterSelect } from "~/components/filter-bar";
import { FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { Notice } from "~/components/notice";
import { Pagination } from "~/components/pagination";
import { useConformForm, useIsPending } from "~/components/use-form";
import { requireRole } from "~/modules/auth/permissions.server";
import { listReportsForStaff } from "~/modules/funding/delivery-lists.server";
import { sendReportReminders } from "~/modules/funding/report-reminders.server";
import { isReportOverdue, ReportStatusBadge } from "~/modules/funding/report-view";
import { REPORT_STATES, reportWorkflow } from "~/modules/funding/report-workflow";
import { answerIntent, handler } from "~/utils/action.server";
import { formatDate } from "~/utils/format";
import { getPage } from "~/utils/http";
import { readForm } from "~/utils/request-body.server";
import { succeed } from "~/utils/write-result";

export const meta: MetaFunction = () => [{ title: "项目进度报告 · 益苗" }];

const RemindSchema = z.object({});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const now = new Date();
  const list = await listReportsForStaff({
    status: url.searchParams.get("status"),
    overdue: url.searchParams.get("overdue") === "1",
    page: getPage(url),
    now,
  });
  return { ...list, overdue: url.searchParams.get("overdue") === "1", page: getPage(url), now };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  return answerIntent(
    "remind",
    await readForm(request),
    handler({
      schema: RemindSchema,
      run: async () => succeed({ count: await sendReportReminders({ actorId: user.id, request }) }),
      done: (result) => data({ intent: "remind" as const, sent: result.count }),
    }),
  );
}

function RemindForm() {
  const reply = useActionData<typeof action>();
  const [form] = useConformForm({ id: "remind", schema: RemindSchema, reply });
  const busy = useIsPending({ intent: "remind" });
  const sent = reply && "sent" in reply ? reply.sent : null;
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2">
      <input type="hidden" name="intent" value="remind" />
      <button type="submit" className="btn-secondary" disabled={busy}>
        发送到期和逾期提醒
      </button>
      <FormErrors id={form.errorId} errors={form.errors} />
      {sent != null ? <Notice>已提醒 {sent} 份报告（7 天内到期的提醒一次，逾期的再提醒一次）。</Notice> : null}
    </Form>
  );
}

export default function StaffReportsList() {
  const { rows, total, status, overdue, page, now } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <PageHeader
        title="项目进度报告"
        description="所有执行中项目的进度报告：待审核、已退回和逾期未交。"
        actions={<RemindForm />}
      />
      <FilterBar formKey={`${status}-${overdue}`} resetTo="/admin/projects/reports" label="筛选进度报告">
        <FilterSelect
          id="status"
          name="status"
          label="状态"
          allLabel="全部状态"
          defaultValue={status}
          options={REPORT_STATES.map((s) => ({ value: s, label: reportWorkflow.stateLabels[s] }))}
        />
        <FilterSelect
          id="overdue"
          name="overdue"
          label="逾期"
          allLabel="不限"
          defaultValue={overdue ? "1" : ""}
          options={[{ value: "1", label: "只看逾期未交" }]}
        />
      </FilterBar>
      <DataTable
        label="进度报告"
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          {
            header: "项目",
            primary: true,
            cell: (r) => (
              <Link to={`/admin/projects/${r.project.id}/reports/${r.id}`} className="link">
                {r.project.projectNo} {r.project.title} · 第 {r.sequence} 期
              </Link>
            ),
          },
          { header: "机构", cell: (r) => r.project.organization.name },
          {
            header: "截止日期",
            cell: (r) => (
              <>
                {formatDate(r.dueAt)}{" "}
                {isReportOverdue(r, now) ? <span className="text-red-700">（已逾期）</span> : null}
              </>
            ),
          },
          { header: "状态", cell: (r) => <ReportStatusBadge status={r.status} /> },
          { header: "提交时间", cell: (r) => (r.submittedAt ? formatDate(r.submittedAt) : "—") },
        ]}
      />
      {rows.length === 0 ? <p className="text-sm text-gray-500">没有符合条件的报告。</p> : null}
      <Pagination page={page} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
