import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterSelect } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { parseStatsScope, scopeAsked, statsScopeLabel, statsScopeQuery } from "~/modules/funding/public/stats-scope";
import { GradeSection, GroupSection, MoneyAndPeopleCharts, StatsFigures } from "~/modules/funding/public/stats-views";
import { publicFundingStats, statsChoices } from "~/modules/funding/public/stats.server";

export const meta: MetaFunction = () => [{ title: "公益创投统计 · 益苗" }];

/** Public page: the statistics of funded projects (no guard: public data only, like /projects). */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const choices = await statsChoices();
  const asked = parseStatsScope(params);
  // A first visit shows the latest year that funded projects, not every year added up.
  const scope = scopeAsked(params) ? asked : { ...asked, year: choices.years[0] ?? null };
  const stats = await publicFundingStats(scope, new Date());
  const call = scope.callId ? (choices.calls.find((c) => c.id === scope.callId) ?? null) : null;
  const query = statsScopeQuery(scope);
  return {
    choices,
    scope,
    stats,
    query,
    label: statsScopeLabel(scope, call),
    download: `/projects/statistics.xlsx?${query}`,
  };
}

export default function PublicFundingStatsPage() {
  const { choices, scope, stats, query, label, download } = useLoaderData<typeof loader>();
  const options = (values: string[]) => values.map((v) => ({ value: v, label: v }));
  return (
    <div className="space-y-4">
      <PageHeader
        title="公益创投统计"
        description={`${label}：资助项目、资金拨付和退回、受益人数、评估等级和报告按时情况。`}
        actions={
          <a href={download} className="btn-secondary" download>
            下载 Excel
          </a>
        }
      />
      <FilterBar
        formKey={query}
        label="选择统计范围"
        submitLabel="查看"
        resetTo="/projects/statistics"
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
      >
        <FilterSelect
          id="year"
          name="year"
          label="年度"
          allLabel="全部年度"
          options={choices.years.map((y) => ({ value: String(y), label: `${y} 年度` }))}
          defaultValue={scope.callId ? null : scope.year ? String(scope.year) : null}
        />
        <FilterSelect
          id="call"
          name="call"
          label="创投活动"
          allLabel="该年度全部活动"
          options={choices.calls.map((c) => ({ value: c.id, label: `${c.year} 年度 · ${c.title}` }))}
          defaultValue={scope.callId}
        />
        <FilterSelect
          id="category"
          name="category"
          label="服务领域"
          allLabel="全部领域"
          options={options(choices.categories)}
          defaultValue={scope.category}
        />
        <FilterSelect
          id="street"
          name="street"
          label="机构所在街道"
          allLabel="全部街道"
          options={options(choices.streets)}
          defaultValue={scope.street}
        />
      </FilterBar>
      <StatsFigures t={stats.totals} />
      <MoneyAndPeopleCharts t={stats.totals} />
      <GradeSection t={stats.totals} />
      <GroupSection id="by-category" title="按服务领域" groups={stats.byCategory} />
      <GroupSection id="by-street" title="按机构所在街道" groups={stats.byStreet} />
      <GroupSection id="by-area" title="按服务区域" groups={stats.byServiceArea} />
      <p className="text-sm">
        <Link to="/projects" className="link">
          查看资助项目
        </Link>
        <span className="mx-2 text-gray-400">·</span>
        <Link to="/open-data" className="link">
          开放数据下载
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
