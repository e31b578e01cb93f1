import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { AutoChecksSummary, GrantStatusBadge } from "~/modules/grants/applications/application-view";
import { formatDate, formatDateTime, formatFen } from "~/utils/format";
import type { loader } from "./route";

/** The listed applications, each with the tick box that selects it for the bulk screening form around it. */
export function ApplicationsTable({ idsName }: { idsName: string }) {
  const { applications } = useLoaderData<typeof loader>();
  return applications.length === 0 ? (
    <p className="card text-sm text-gray-500">没有符合条件的申报。</p>
  ) : (
    <DataTable
      className="sm:card sm:p-0"
      label="申报列表"
      rows={applications}
      rowKey={(a) => a.id}
      rowProps={() => ({ "data-testid": "application-row" })}
      columns={[
        {
          header: "选择",
          hideHeader: true,
          cell: (a) => (
            <input type="checkbox" name={idsName} value={a.id} aria-label={`选择 ${a.title}`} className="h-5 w-5" />
          ),
        },
        {
          header: "项目名称",
          primary: true,
          className: "sm:min-w-[12rem]",
          cell: (a) => (
            <Link to={`/admin/grants/applications/${a.id}`} className="link font-medium">
              {a.title || "（未填写项目名称）"}
            </Link>
          ),
        },
        { header: "申报机构", className: "sm:min-w-[9rem]", cell: (a) => a.organization.name },
        { header: "类别", cell: (a) => a.category ?? "—" },
        { header: "申请资助", className: "whitespace-nowrap", cell: (a) => formatFen(a.requestedFen) },
        {
          header: "状态",
          cell: (a) => (
            <>
              <GrantStatusBadge status={a.status} />
              {a.status === "CORRECTION" ? (
                <div className="text-xs text-gray-500">补正至 {formatDate(a.correctionDueAt)}</div>
              ) : null}
            </>
          ),
        },
        { header: "自动检查", className: "sm:min-w-[12rem]", cell: (a) => <AutoChecksSummary checks={a.checks} /> },
        { header: "提交时间", className: "whitespace-nowrap", cell: (a) => formatDateTime(a.submittedAt) },
      ]}
    />
  );
}
