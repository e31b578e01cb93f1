import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterInput, FilterSelect, optionsFrom } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/modules/auth/permissions.server";
import {
  ORG_STATUS_LABELS,
  ORG_STATUSES,
  ORG_TYPE_LABELS,
  ORG_TYPES,
  orgStatusLabel,
  orgTypeLabel,
} from "~/modules/organizations/labels";
import { gradeLabel } from "~/modules/registry/grade";
import { refreshCurrentGradesDaily } from "~/modules/registry/grade.server";
import { listAdminOrganizations, parseAdminOrgFilters } from "~/modules/registry/registry.server";
import { formatDate } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "社会组织 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const filters = parseAdminOrgFilters(url.searchParams);
  const page = getPage(url);
  await refreshCurrentGradesDaily();
  const { total, organizations } = await listAdminOrganizations(filters, page);
  return { filters, page, pageSize: PAGE_SIZE, total, organizations };
}

export default function AdminOrganizations() {
  const { filters, page, pageSize, total, organizations } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="社会组织"
        description="全部社会组织（含筹备中的），按名称排列。办理变更、注销、撤销，记录信用信息和评估等级。"
      />

      <FilterBar
        formKey={`${filters.q}|${filters.status}|${filters.type}`}
        submitLabel="查询"
        className="mb-4 grid gap-3 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end"
      >
        <FilterInput id="orgs-q" name="q" label="搜索" defaultValue={filters.q} placeholder="名称或统一社会信用代码" />
        <FilterSelect
          id="orgs-status"
          name="status"
          label="状态"
          allLabel="全部状态"
          options={optionsFrom(ORG_STATUSES, ORG_STATUS_LABELS)}
          defaultValue={filters.status}
        />
        <FilterSelect
          id="orgs-type"
          name="type"
          label="类型"
          allLabel="全部类型"
          options={optionsFrom(ORG_TYPES, ORG_TYPE_LABELS)}
          defaultValue={filters.type}
        />
      </FilterBar>

      {organizations.length === 0 ? (
        <EmptyState>没有符合条件的社会组织。</EmptyState>
      ) : (
        <div className="card overflow-x-auto p-0 sm:p-0">
          <table className="table-basic">
            <thead>
              <tr>
                <th>名称</th>
                <th>类型</th>
                <th>统一社会信用代码</th>
                <th>状态</th>
                <th>评估等级</th>
                <th>登记日期</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {organizations.map((org) => (
                <tr key={org.id}>
                  <td className="min-w-[12rem]">
                    <Link to={`/admin/organizations/${org.id}`} className="link font-medium">
                      {org.name}
                    </Link>
                  </td>
                  <td className="whitespace-nowrap">{orgTypeLabel(org.type)}</td>
                  <td className="whitespace-nowrap font-mono text-xs">{org.uscc ?? "—"}</td>
                  <td className="whitespace-nowrap">{orgStatusLabel(org.status)}</td>
                  <td className="whitespace-nowrap">{org.currentGrade != null ? gradeLabel(org.currentGrade) : "—"}</td>
                  <td className="whitespace-nowrap">{formatDate(org.registeredAt)}</td>
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
