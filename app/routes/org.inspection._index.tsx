import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import {
  conclusionLabel,
  EDITABLE_STATUSES,
  OPEN_RECTIFICATION_STATUSES,
  rectificationStatusLabel,
  reportStatusLabel,
} from "~/modules/inspection/labels";
import { deadlineFor } from "~/modules/inspection/obligation";
import { listOrgReports } from "~/modules/inspection/reports.server";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "年检 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  const { reports, rectifications } = await listOrgReports(organization.id);
  return {
    reports: reports.map(({ round, ...r }) => ({ ...r, deadline: deadlineFor(organization.type, round) })),
    rectifications,
    now: new Date().toISOString(),
  };
}

function isEditable(status: string) {
  return (EDITABLE_STATUSES as readonly string[]).includes(status);
}

export default function OrgInspectionIndex() {
  const { reports, rectifications, now } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const openRect = rectifications.filter((r) => (OPEN_RECTIFICATION_STATUSES as readonly string[]).includes(r.status));
  return (
    <div>
      <PageHeader title="年检（年度工作报告）" description="每年报告上一年度的情况，请在各年度的提交截止日期前提交。" />
      {searchParams.get("submitted") === "1" ? (
        <p role="status" className="mb-4 rounded-md bg-brand-50 p-3 text-sm text-brand-800">
          年度报告已提交，请等待登记管理机关审查。
        </p>
      ) : null}
      {openRect.length > 0 ? (
        <section className="card mb-6 border-amber-300 bg-amber-50">
          <h2 className="font-medium text-amber-900">待整改事项</h2>
          <ul className="mt-2 space-y-2 text-sm">
            {openRect.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  {r.report.year}年度年检：{r.requirement}（{rectificationStatusLabel(r.status)}，期限{" "}
                  {formatDate(r.dueAt)}）
                </span>
                <Link to={`/org/rectifications/${r.id}`} className="btn-secondary px-3 py-1.5">
                  提交整改报告
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <DataTable
        className="sm:rounded-lg sm:border sm:border-gray-200 sm:bg-white"
        label="年度报告"
        rows={reports}
        rowKey={(r) => r.id}
        empty="还没有需要填报的年度报告。登记管理机关开启年检后会通知您。"
        columns={[
          {
            header: "年度",
            primary: true,
            className: "whitespace-nowrap font-medium sm:font-normal",
            cell: (r) => `${r.year}年度`,
          },
          {
            header: "状态",
            className: "whitespace-nowrap",
            cell: (r) => (
              <>
                {reportStatusLabel(r.status)}
                {r.simplified ? <span className="ml-1 text-xs text-brand-700">（简化年检）</span> : null}
                {r.exemptReason ? <p className="text-xs text-gray-500">{r.exemptReason}</p> : null}
              </>
            ),
          },
          {
            header: "提交截止",
            cell: (r) => {
              const overdue = isEditable(r.status) && r.status !== "RETURNED" && new Date(r.deadline) < new Date(now);
              return (
                <span className={`whitespace-nowrap ${overdue ? "text-red-600" : ""}`}>
                  {r.status === "EXEMPT" ? "—" : formatDate(r.deadline)}
                  {overdue ? "（已过期）" : ""}
                </span>
              );
            },
          },
          { header: "提交日期", className: "whitespace-nowrap", cell: (r) => formatDate(r.submittedAt) },
          {
            header: "年检结论",
            cell: (r) => (
              <>
                {conclusionLabel(r.conclusion)}
                {r.conclusionReason ? <p className="text-xs text-gray-500">{r.conclusionReason}</p> : null}
              </>
            ),
          },
          {
            header: "操作",
            hideHeader: true,
            className: "whitespace-nowrap",
            cell: (r) =>
              r.status === "EXEMPT" ? null : (
                <Link to={`/org/inspection/${r.id}`} className="link">
                  {isEditable(r.status) ? "填报" : "查看"}
                </Link>
              ),
          },
        ]}
      />
      {rectifications.length > openRect.length ? (
        <section className="mt-6">
          <h2 className="mb-2 font-medium">整改记录</h2>
          <ul className="space-y-1 text-sm">
            {rectifications
              .filter((r) => !openRect.includes(r))
              .map((r) => (
                <li key={r.id}>
                  <Link to={`/org/rectifications/${r.id}`} className="link">
                    {r.report.year}年度年检整改
                  </Link>
                  ：{rectificationStatusLabel(r.status)}
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
