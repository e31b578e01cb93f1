import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { requireRole } from "~/modules/auth/permissions.server";
import { callPhase } from "~/modules/grants/calls/phase";
import { listAdminCalls } from "~/modules/grants/calls/store.server";
import { PhaseBadge } from "~/modules/grants/calls/view";
import { callWorkflow, type CallState } from "~/modules/grants/calls/workflow";
import { formatDate, formatFen } from "~/utils/format";
import { getPage } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "公益创投 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const page = getPage(new URL(request.url));
  const { total, calls } = await listAdminCalls(page);
  const now = new Date();
  return {
    page,
    total,
    calls: calls.map((c) => ({
      id: c.id,
      title: c.title,
      year: c.year,
      status: c.status,
      poolFen: c.poolFen,
      applyClosesAt: c.applyClosesAt,
      receivedCount: c.receivedCount,
      // A draft has no phase yet: its dates are not in force.
      phase: c.status === "DRAFT" ? null : callPhase(c, now),
    })),
  };
}

export default function AdminGrantCallsPage() {
  const { calls, page, total } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <PageHeader
        title="公益创投"
        description="每一轮公益创投活动的规则、评分细则和拨付计划。发布后在门户网站公开，社会组织在申报期内在线申报。"
        actions={
          <Link to="/admin/grants/new" className="btn-primary">
            新建活动
          </Link>
        }
      />
      <section tabIndex={0} className="card overflow-x-auto" aria-label="活动列表">
        {calls.length === 0 ? (
          <p className="text-sm text-gray-500">还没有公益创投活动。</p>
        ) : (
          <table className="table-basic">
            <thead>
              <tr>
                <th>活动名称</th>
                <th>年度</th>
                <th>状态</th>
                <th>当前阶段</th>
                <th>资金总额</th>
                <th>申报截止</th>
                <th>已收申报</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {calls.map((c) => (
                <tr key={c.id}>
                  <td className="min-w-[12rem]">
                    <Link to={`/admin/grants/${c.id}`} className="link font-medium">
                      {c.title}
                    </Link>
                  </td>
                  <td>{c.year}</td>
                  <td>{callWorkflow.stateLabels[c.status as CallState] ?? c.status}</td>
                  <td>{c.phase ? <PhaseBadge phase={c.phase} /> : <span className="text-gray-400">—</span>}</td>
                  <td className="whitespace-nowrap">{formatFen(c.poolFen)}</td>
                  <td className="whitespace-nowrap">{formatDate(c.applyClosesAt)}</td>
                  <td>{c.receivedCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination page={page} total={total} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
