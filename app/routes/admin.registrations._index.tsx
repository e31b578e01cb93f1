import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterSelect } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/modules/auth/permissions.server";
import { ORG_TYPE_SHORT_LABELS, type OrgType } from "~/modules/organizations/labels";
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
        <div className="card table-scroll overflow-x-auto p-0 sm:p-0">
          <table className="table-basic" aria-label="登记申请列表">
            <thead>
              <tr>
                <th>拟定名称</th>
                <th>申请组织</th>
                <th>事项</th>
                <th>状态</th>
                <th>办理期限</th>
                <th>提交次数</th>
                <th>首次提交</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {applications.map((a) => (
                <tr key={a.id}>
                  <td className="min-w-[12rem]">
                    <Link to={`/admin/registrations/${a.id}`} className="link font-medium">
                      {a.proposedName || "（未填写名称）"}
                    </Link>
                  </td>
                  <td className="min-w-[9rem]">{a.organization.name}</td>
                  <td className="whitespace-nowrap">
                    {ORG_TYPE_SHORT_LABELS[a.orgType as OrgType] ?? a.orgType} · {applicationKindLabel(a.kind)}
                  </td>
                  <td>
                    <StatusBadge status={a.status} />
                  </td>
                  <td className="whitespace-nowrap">
                    {formatDate(a.dueAt)}
                    {a.overdue ? <OverdueBadge /> : null}
                  </td>
                  <td>{a.submissions}</td>
                  <td className="whitespace-nowrap">{formatDate(a.firstSubmittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
