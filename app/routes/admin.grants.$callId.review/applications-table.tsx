import { Link, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { reviewAssignmentWorkflow, type ReviewAssignmentState } from "~/modules/review/assignment-workflow";
import type { loader } from "./route";

/** One reviewer on an application: their name and where their review stands. */
function AssignmentChip({ name, status, overdue }: { name: string; status: ReviewAssignmentState; overdue: boolean }) {
  const tone =
    status === "SUBMITTED"
      ? "bg-green-50 text-green-800"
      : status === "DRAFTED"
        ? "bg-blue-50 text-blue-800"
        : "bg-gray-100 text-gray-700";
  return (
    <li className={`rounded px-2 py-0.5 text-xs ${tone}`} data-testid="reviewer-chip">
      {name} · {reviewAssignmentWorkflow.stateLabels[status]}
      {overdue ? <span className="ml-1 text-red-700">（逾期）</span> : null}
    </li>
  );
}

/** 申报评审情况: each listed application with its reviewers, progress and warnings. */
export function ApplicationsTable() {
  const data = useLoaderData<typeof loader>();
  const { call, totals, applications } = data;
  const open = call.reviewStage === "OPEN";
  return (
    <>
      <section tabIndex={0} className="card overflow-x-auto p-0 sm:p-0" aria-label="申报评审情况">
        <h2 className="px-4 pt-4 text-base font-semibold text-gray-900 sm:px-6">申报评审情况</h2>
        {applications.length === 0 ? (
          <p className="p-4 text-sm text-gray-500 sm:px-6">本活动还没有通过资格审查的申报。</p>
        ) : (
          <table className="table-basic mt-3" aria-label="申报评审列表">
            <thead>
              <tr>
                <th>项目名称</th>
                <th>申报机构</th>
                <th>类别</th>
                <th>评审专家</th>
                <th>已提交</th>
                <th>提示</th>
                <th>
                  <span className="sr-only">操作</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {applications.map((a) => (
                <tr key={a.id} data-testid="review-row">
                  <td className="min-w-[12rem] font-medium">{a.title || "（未填写项目名称）"}</td>
                  <td className="min-w-[9rem]">{a.organizationName}</td>
                  <td>{a.category ?? "—"}</td>
                  <td className="min-w-[12rem]">
                    {a.reviewers.length ? (
                      <ul className="flex flex-wrap gap-1">
                        {a.reviewers.map((r) => (
                          <AssignmentChip key={r.assignmentId} name={r.name} status={r.status} overdue={r.overdue} />
                        ))}
                      </ul>
                    ) : (
                      <span className="text-gray-500">未分配</span>
                    )}
                  </td>
                  <td className="whitespace-nowrap" data-testid="review-progress">
                    {a.submittedCount} / {call.reviewersPerApplication}
                  </td>
                  <td className="min-w-[8rem] space-y-0.5 text-xs">
                    {a.flagged ? (
                      <p
                        className="font-medium text-amber-700"
                        title={`评分极差 ${a.spread}，超过阈值 ${call.disagreementThreshold}`}
                      >
                        ⚠ 分歧较大
                      </p>
                    ) : null}
                    {open && a.needsReviewer ? (
                      <p className="font-medium text-red-700">
                        需补派（在评 {a.activeCount} / {call.reviewersPerApplication}）
                      </p>
                    ) : null}
                    {a.recusedCount ? <p className="text-gray-600">回避 {a.recusedCount} 人</p> : null}
                    {a.replacedCount ? <p className="text-gray-600">更换 {a.replacedCount} 人</p> : null}
                  </td>
                  <td className="whitespace-nowrap">
                    <Link
                      to={`/admin/grants/${call.id}/review/${a.id}`}
                      className="link"
                      aria-label={`查看评审：${a.title}`}
                    >
                      查看评审
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Pagination page={data.page} pageSize={data.pageSize} total={totals.applications} />
    </>
  );
}
