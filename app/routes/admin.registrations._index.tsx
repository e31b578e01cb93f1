import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterSelect } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/modules/auth/permissions.server";
import { orgTypeLabel } from "~/modules/organizations/labels";
import { applicationKindLabel } from "~/modules/registration/application-form";
import { OverdueBadge, registrationStateLabel, StatusBadge } from "~/modules/registration/application-view";
import { isOverdue } from "~/modules/registration/review";
import {
  listApplicationsForReview,
  parseReviewFilter,
  REVIEW_FILTERS,
  type ReviewFilter,
} from "~/modules/registration/staff-review.server";
import { formatDate } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "登记审查 · 益苗" }];

function filterLabel(filter: ReviewFilter) {
  if (filter === "PENDING") return "待决定（已提交、已受理、待补正）";
  if (filter === "ALL") return "全部";
  return registrationStateLabel(filter);
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const filter = parseReviewFilter(url.searchParams.get("status"));
  const page = getPage(url);
  const { applications, total } = await listApplicationsForReview(filter, page);
  // Decided here so the server and the browser show the same badges.
  const now = new Date();
  return {
    filter,
    filters: REVIEW_FILTERS.map((f) => ({ value: f, label: filterLabel(f) })),
    page,
    pageSize: PAGE_SIZE,
    total,
    applications: applications.map((a) => ({ ...a, overdue: isOverdue(a, now) })),
  };
}

export default function AdminRegistrations() {
  const { filter, filters, page, pageSize, total, applications } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title="登记审查" description="社会组织在线提交的登记、备案申请，按办理期限先后排列。" />

      <FilterBar formKey={filter} submitLabel="查询" className="mb-4 flex flex-wrap items-end gap-3">
        <FilterSelect
          id="registrations-status"
          name="status"
          label="状态"
          options={filters}
          defaultValue={filter}
          className="min-w-[16rem]"
        />
      </FilterBar>

      {applications.length === 0 ? (
        <p className="card text-sm text-gray-500">没有符合条件的申请。</p>
      ) : (
        <DataTable
          className="sm:card sm:p-0"
          label="登记申请列表"
          rows={applications}
          rowKey={(a) => a.id}
          columns={[
            {
              header: "拟定名称",
              primary: true,
              className: "sm:min-w-[12rem]",
              cell: (a) => (
                <Link to={`/admin/registrations/${a.id}`} className="link font-medium">
                  {a.proposedName || "（未填写名称）"}
                </Link>
              ),
            },
            { header: "申请组织", className: "sm:min-w-[9rem]", cell: (a) => a.organization.name },
            {
              header: "事项",
              className: "sm:min-w-[8rem]",
              cell: (a) => `${orgTypeLabel(a.orgType)} · ${applicationKindLabel(a.kind)}`,
            },
            { header: "状态", cell: (a) => <StatusBadge status={a.status} /> },
            {
              header: "办理期限",
              className: "whitespace-nowrap",
              cell: (a) => (
                <>
                  {formatDate(a.dueAt)}
                  {a.overdue ? <OverdueBadge /> : null}
                </>
              ),
            },
            { header: "提交次数", cell: (a) => a.submissions },
            { header: "首次提交", className: "whitespace-nowrap", cell: (a) => formatDate(a.firstSubmittedAt) },
          ]}
        />
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
