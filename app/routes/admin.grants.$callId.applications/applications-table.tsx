import { Link, useLoaderData } from "@remix-run/react";
import { AutoChecksSummary, GrantStatusBadge } from "~/modules/grants/applications/application-view";
import { formatDate, formatDateTime, formatFen } from "~/utils/format";
import type { loader } from "./route";

/** The listed applications, each with the tick box that selects it for the bulk screening form around it. */
export function ApplicationsTable({ idsName }: { idsName: string }) {
  const { applications } = useLoaderData<typeof loader>();
  return applications.length === 0 ? (
    <p className="card text-sm text-gray-500">没有符合条件的申报。</p>
  ) : (
    <div className="card table-scroll overflow-x-auto p-0 sm:p-0">
      <table className="table-basic" aria-label="申报列表">
        <thead>
          <tr>
            <th>
              <span className="sr-only">选择</span>
            </th>
            <th>项目名称</th>
            <th>申报机构</th>
            <th>类别</th>
            <th>申请资助</th>
            <th>状态</th>
            <th>自动检查</th>
            <th>提交时间</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {applications.map((a) => (
            <tr key={a.id} data-testid="application-row">
              <td>
                <input type="checkbox" name={idsName} value={a.id} aria-label={`选择 ${a.title}`} className="h-4 w-4" />
              </td>
              <td className="min-w-[12rem]">
                <Link to={`/admin/grants/applications/${a.id}`} className="link font-medium">
                  {a.title || "（未填写项目名称）"}
                </Link>
              </td>
              <td className="min-w-[9rem]">{a.organization.name}</td>
              <td>{a.category ?? "—"}</td>
              <td className="whitespace-nowrap">{formatFen(a.requestedFen)}</td>
              <td>
                <GrantStatusBadge status={a.status} />
                {a.status === "CORRECTION" ? (
                  <div className="text-xs text-gray-500">补正至 {formatDate(a.correctionDueAt)}</div>
                ) : null}
              </td>
              <td className="min-w-[12rem]">
                <AutoChecksSummary checks={a.checks} />
              </td>
              <td className="whitespace-nowrap">{formatDateTime(a.submittedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
