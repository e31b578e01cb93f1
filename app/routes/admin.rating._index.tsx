import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { StatusBadge } from "~/components/status-badge";
import { requireRole } from "~/modules/auth/permissions.server";
import { ROUND_TONES } from "~/modules/rating/labels";
import { listRatingRounds } from "~/modules/rating/round-queries.server";
import { ratingRoundWorkflow } from "~/modules/rating/round-workflow";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "等级评估 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return { rounds: await listRatingRounds() };
}

export default function AdminRatingRoundsPage() {
  const { rounds } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <PageHeader
        title="等级评估"
        description="社会组织等级评估（1A–5A）：每轮评估的适用办法、指标体系、等级分数线和时间安排。"
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <Link to="/admin/rating/stats" className="link">
              评估统计
            </Link>
            <Link to="/admin/rating/new" className="btn-primary">
              新建评估
            </Link>
          </div>
        }
      />
      <section tabIndex={0} className="card overflow-x-auto" aria-label="评估列表">
        {rounds.length === 0 ? (
          <EmptyState>还没有等级评估。</EmptyState>
        ) : (
          <table className="table-basic">
            <thead>
              <tr>
                <th>评估名称</th>
                <th>年度</th>
                <th>适用办法</th>
                <th>申报期</th>
                <th>已提交申请</th>
                <th>状态</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/admin/rating/${r.id}`} className="link">
                      {r.title}
                    </Link>
                  </td>
                  <td>{r.year}</td>
                  <td>{r.rulesVersion} 年办法</td>
                  <td>
                    {formatDate(r.applyOpensAt)} – {formatDate(r.applyClosesAt)}
                  </td>
                  <td>{r.submitted}</td>
                  <td>
                    <StatusBadge workflow={ratingRoundWorkflow} state={r.status} tones={ROUND_TONES} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
