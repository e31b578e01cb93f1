import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterInput, FilterSelect, optionsFrom } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { ListLink, ListLinks } from "~/components/list-links";
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
import { NameSearchCappedNotice } from "~/modules/organizations/name-search-notice";
import { ADMIN_ORG_ORDER, listAdminOrganizations, parseAdminOrgFilters } from "~/modules/registry/admin-list.server";
import { gradeLabel } from "~/modules/registry/grade";
import { refreshCurrentGradesDaily } from "~/modules/registry/grade.server";
import { formatDate } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE, readPageStart } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "社会组织 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const filters = parseAdminOrgFilters(url.searchParams);
  const page = getPage(url);
  await refreshCurrentGradesDaily();
  const { total, organizations, cursors, capped } = await listAdminOrganizations(
    filters,
    page,
    readPageStart(url.searchParams, ADMIN_ORG_ORDER),
  );
  return { filters, page, pageSize: PAGE_SIZE, total, organizations, cursors, capped };
}

export default function AdminOrganizations() {
  const { filters, page, pageSize, total, organizations, cursors, capped } = useLoaderData<typeof loader>();
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

      {capped ? (
        <NameSearchCappedNotice term={filters.q} listed={total} filtered={Boolean(filters.status || filters.type)} />
      ) : null}

      {organizations.length === 0 ? (
        <EmptyState>没有符合条件的社会组织。</EmptyState>
      ) : (
        <ListLinks>
          <DataTable
            className="sm:card sm:p-0"
            label="社会组织列表"
            rows={organizations}
            rowKey={(org) => org.id}
            columns={[
              {
                header: "名称",
                primary: true,
                className: "sm:min-w-[12rem]",
                cell: (org) => (
                  <ListLink to={`/admin/organizations/${org.id}`} className="link font-medium">
                    {org.name}
                  </ListLink>
                ),
              },
              { header: "类型", className: "whitespace-nowrap", cell: (org) => orgTypeLabel(org.type) },
              {
                header: "统一社会信用代码",
                className: "whitespace-nowrap font-mono text-xs",
                cell: (org) => org.uscc ?? "—",
              },
              { header: "状态", className: "whitespace-nowrap", cell: (org) => orgStatusLabel(org.status) },
              {
                header: "评估等级",
                className: "whitespace-nowrap",
                cell: (org) => (org.currentGrade != null ? gradeLabel(org.currentGrade) : "—"),
              },
              { header: "登记日期", className: "whitespace-nowrap", cell: (org) => formatDate(org.registeredAt) },
            ]}
          />
        </ListLinks>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} cursors={cursors} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
