import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { SectionCard } from "~/components/section-card";
import { statsIndex } from "~/modules/admin/stats-index.server";
import { requireRole } from "~/modules/auth/permissions.server";
import { shanghaiParts } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "统计 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return { ...(await statsIndex()), thisYear: shanghaiParts(new Date()).year };
}

/** The one place staff find every area's statistics and exports. */
export default function StatsPage() {
  const { inspectionYears, grantCalls, thisYear } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <PageHeader title="统计" description="各业务的统计图表与导出报表。" />

      <SectionCard id="inspection-stats" title="年检">
        <ul className="space-y-1 text-sm">
          <li>
            <Link to="/admin/inspection/stats" className="link">
              年检统计（历年结论分布）
            </Link>
          </li>
          {inspectionYears.map((year) => (
            <li key={year}>
              <a href={`/admin/inspection/${year}/export`} className="link" download>
                {year} 年度年检结果（Excel）
              </a>
            </li>
          ))}
        </ul>
      </SectionCard>

      <SectionCard id="grant-stats" title="公益创投">
        {grantCalls.length === 0 ? (
          <EmptyState>还没有已发布的公益创投活动。</EmptyState>
        ) : (
          <ul className="space-y-1 text-sm">
            {grantCalls.map((call) => (
              <li key={call.id} className="flex flex-wrap items-center gap-x-3">
                <span className="text-gray-800">{call.title}</span>
                <a href={`/admin/grants/${call.id}/export`} className="link" download>
                  申报列表（Excel）
                </a>
                <a href={`/admin/grants/${call.id}/ranking-export`} className="link" download>
                  排名（Excel）
                </a>
              </li>
            ))}
          </ul>
        )}
      </SectionCard>

      <SectionCard id="rating-stats" title="等级评估">
        <ul className="space-y-1 text-sm">
          <li>
            <Link to="/admin/rating/stats" className="link">
              等级评估统计（各轮定级、现行有效等级、导出）
            </Link>
          </li>
        </ul>
      </SectionCard>

      <SectionCard id="sales-stats" title="公益产品">
        <ul className="space-y-1 text-sm">
          <li>
            <Link to="/admin/sales" className="link">
              销售报表
            </Link>
          </li>
          <li>
            <a href={`/admin/sales/export?year=${thisYear}`} className="link" download>
              {thisYear} 年销售报表（Excel）
            </a>
          </li>
        </ul>
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
