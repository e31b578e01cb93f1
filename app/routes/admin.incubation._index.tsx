import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/modules/auth/permissions.server";
import { incubationStatusLabel } from "~/modules/incubation/labels";
import { isFirstCheckOverdue } from "~/modules/incubation/schedule";
import {
  listIncubations,
  parseStatusFilter,
  type IncubationStatusFilter,
} from "~/modules/incubation/staff-list.server";
import { INCUBATION_STATES } from "~/modules/incubation/workflow";
import { formatDate } from "~/utils/format";
import { getPage } from "~/utils/http";
import { PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "孵化基地 · 民政局管理后台 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const filter = parseStatusFilter(url.searchParams.get("status"));
  const page = getPage(url);
  const now = new Date();
  const { total, rows, counts } = await listIncubations(filter, page);
  return {
    filter,
    page,
    pageSize: PAGE_SIZE,
    total,
    counts,
    // Overdue is decided here so server and browser render the same thing.
    rows: rows.map((r) => ({ ...r, overdue: isFirstCheckOverdue(r, now) })),
  };
}

const TABS: Array<{ value: IncubationStatusFilter; label: string }> = [
  ...INCUBATION_STATES.map((s) => ({ value: s, label: s === "APPLIED" ? "待初审" : incubationStatusLabel(s) })),
  { value: "ALL", label: "全部" },
];

export default function AdminIncubationList() {
  const { filter, page, pageSize, total, counts, rows } = useLoaderData<typeof loader>();
  const allCount = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <div>
      <PageHeader title="孵化基地" description="入驻申请的初审、评审、协议签订，在孵期间的服务记录和期满评审。" />

      <nav aria-label="按状态筛选" className="mb-4 flex flex-wrap gap-2 text-sm">
        {TABS.map((tab) => {
          const active = tab.value === filter;
          const count = tab.value === "ALL" ? allCount : counts[tab.value];
          return (
            <Link
              key={tab.value}
              to={`?status=${tab.value}`}
              aria-current={active ? "page" : undefined}
              className={`rounded-full border px-3 py-1 ${active ? "border-brand-600 bg-brand-50 text-brand-800" : "border-gray-300 bg-white text-gray-700 hover:bg-gray-50"}`}
            >
              {tab.label}
              <span className="ml-1 text-xs text-gray-500">{count}</span>
            </Link>
          );
        })}
      </nav>

      {rows.length === 0 ? (
        <p className="card text-sm text-gray-500">没有该状态的入驻申请。</p>
      ) : (
        <DataTable
          className="sm:card sm:p-0"
          label="孵化申请列表"
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              header: "社会组织",
              primary: true,
              className: "sm:min-w-[12rem]",
              cell: (r) => (
                <>
                  <Link to={`/admin/incubation/${r.id}`} className="link font-medium">
                    {r.organization.name}
                  </Link>
                  {r.organization.status === "PREPARING" ? (
                    <span className="ml-2 text-xs text-gray-500">筹备中</span>
                  ) : null}
                </>
              ),
            },
            { header: "状态", className: "whitespace-nowrap", cell: (r) => incubationStatusLabel(r.status) },
            { header: "申请日期", className: "whitespace-nowrap", cell: (r) => formatDate(r.appliedAt) },
            {
              header: "初审截止",
              className: "whitespace-nowrap",
              cell: (r) => (
                <>
                  {r.status === "APPLIED" ? formatDate(r.firstCheckDueAt) : "—"}
                  {r.overdue ? (
                    <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-700">
                      已超期
                    </span>
                  ) : null}
                </>
              ),
            },
            {
              header: "孵化期",
              className: "sm:whitespace-nowrap",
              cell: (r) => (r.termStart ? `${formatDate(r.termStart)} 至 ${formatDate(r.termEnd)}` : "—"),
            },
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
