import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { ScrollBox } from "~/components/scroll-box";
import { SectionCard } from "~/components/section-card";
import { requireRole } from "~/modules/auth/permissions.server";
import { GradeBarChart } from "~/modules/rating/grade-chart-view";
import { ratingRoundWorkflow } from "~/modules/rating/round-workflow";
import { gradesInForceStats, roundStats } from "~/modules/rating/stats.server";
import { gradeLabel, GRADES } from "~/modules/registry/grade";

export const meta: MetaFunction = () => [{ title: "等级评估统计 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const [rounds, inForce] = await Promise.all([roundStats(), gradesInForceStats()]);
  return { rounds, inForce };
}

export default function RatingStatsPage() {
  const { rounds, inForce } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <PageHeader
        title="等级评估统计"
        description="各轮评估的申报、受理和定级情况，以及现行有效的评估等级。"
        actions={
          <Link to="/admin/rating" className="link">
            返回等级评估
          </Link>
        }
      />

      <SectionCard id="round-stats" title="各轮评估">
        {rounds.length === 0 ? (
          <EmptyState>还没有等级评估。</EmptyState>
        ) : (
          <ScrollBox label="各轮评估">
            <table className="table-basic">
              <thead>
                <tr>
                  <th>评估名称</th>
                  <th>状态</th>
                  <th>申报</th>
                  <th>受理（符合条件）</th>
                  {GRADES.map((g) => (
                    <th key={g}>{gradeLabel(g)}</th>
                  ))}
                  <th>未定级</th>
                  <th>导出</th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((r) => (
                  <tr key={r.id} data-round={r.id}>
                    <td>
                      <Link to={`/admin/rating/${r.id}`} className="link">
                        {r.title}
                      </Link>
                    </td>
                    <td>{ratingRoundWorkflow.stateLabels[r.status as "OPEN"] ?? r.status}</td>
                    <td data-col="applied">{r.applied}</td>
                    <td data-col="accepted">{r.accepted}</td>
                    {r.byGrade.map((g) => (
                      <td key={g.grade} data-col={`grade${g.grade}`}>
                        {g.count}
                      </td>
                    ))}
                    <td>{r.ungraded}</td>
                    <td>
                      <a href={`/admin/rating/${r.id}/export`} className="link" download>
                        结果与评分表（Excel）
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </SectionCard>

      <SectionCard id="grades-in-force" title={`现行有效等级（共 ${inForce.total} 家）`}>
        {inForce.total === 0 ? (
          <EmptyState>目前没有有效期内的评估等级。</EmptyState>
        ) : (
          <div className="flex flex-wrap items-start gap-6">
            <GradeBarChart rows={inForce.rows} />
            <ScrollBox label="有效等级分布">
              <table className="table-basic">
                <caption className="sr-only">现行有效等级，按等级和组织类型</caption>
                <thead>
                  <tr>
                    <th>等级</th>
                    {inForce.types.map((t) => (
                      <th key={t.type}>{t.label}</th>
                    ))}
                    <th>合计</th>
                  </tr>
                </thead>
                <tbody>
                  {inForce.rows.map((r) => (
                    <tr key={r.grade}>
                      <th scope="row">{gradeLabel(r.grade)}</th>
                      {r.byType.map((n, i) => (
                        <td key={inForce.types[i].type}>{n}</td>
                      ))}
                      <td>{r.total}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </div>
        )}
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
