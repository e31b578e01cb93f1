import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterSelect } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/modules/auth/permissions.server";
import { listVisitsForStaff } from "~/modules/funding/delivery-lists.server";
import { isReplyOverdue, ReplyOverdueBadge, VisitStatusBadge } from "~/modules/funding/monitoring-view";
import { VISIT_STATES, visitWorkflow } from "~/modules/funding/monitoring-workflow";
import { formatDate } from "~/utils/format";
import { getPage } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "项目督导 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const list = await listVisitsForStaff({ status: url.searchParams.get("status"), page: getPage(url) });
  return { ...list, page: getPage(url), now: new Date() };
}

export default function StaffVisitsList() {
  const { rows, total, status, page, now } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <PageHeader
        title="项目督导"
        description="所有资助项目的督导走访：已安排、待机构回复、机构已回复待查看。在项目的“督导”页安排和记录走访。"
      />
      <FilterBar formKey={status ?? ""} resetTo="/admin/projects/visits" label="筛选督导记录">
        <FilterSelect
          id="status"
          name="status"
          label="状态"
          allLabel="全部状态"
          defaultValue={status}
          options={VISIT_STATES.map((s) => ({ value: s, label: visitWorkflow.stateLabels[s] }))}
        />
      </FilterBar>
      <DataTable
        label="督导记录"
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          {
            header: "项目",
            primary: true,
            cell: (r) => (
              <Link to={`/admin/projects/${r.project.id}/monitoring`} className="link">
                {r.project.projectNo} {r.project.title}
              </Link>
            ),
          },
          { header: "机构", cell: (r) => r.project.organization.name },
          { header: "走访日期", className: "whitespace-nowrap", cell: (r) => formatDate(r.visitedOn) },
          {
            header: "回复期限",
            cell: (r) =>
              r.replyDueAt ? (
                <span className="inline-flex flex-wrap items-center gap-1">
                  {formatDate(r.replyDueAt)}
                  {isReplyOverdue(r, now) ? <ReplyOverdueBadge /> : null}
                </span>
              ) : (
                "—"
              ),
          },
          { header: "状态", cell: (r) => <VisitStatusBadge status={r.status} /> },
          { header: "回复日期", cell: (r) => (r.repliedAt ? formatDate(r.repliedAt) : "—") },
        ]}
      />
      {rows.length === 0 ? <p className="text-sm text-gray-500">没有符合条件的督导记录。</p> : null}
      <Pagination page={page} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
