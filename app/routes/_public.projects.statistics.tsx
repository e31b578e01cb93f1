import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/bar-chart";
import { DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterSelect } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { SectionCard } from "~/components/section-card";
import { gradeRows, onTimePct, type StatsTotals } from "~/modules/funding/public/stats";
import { parseStatsScope, publicFundingStats, statsChoices } from "~/modules/funding/public/stats.server";
import { formatCount, formatFen } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "公益创投统计 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const choices = await statsChoices();
  const asked = parseStatsScope(url);
  // Without a choice the page shows the latest year that funded projects.
  const scope = asked.year || asked.callId ? asked : { year: choices.years[0] ?? null, callId: null };
  const stats = await publicFundingStats(scope, new Date());
  const call = scope.callId ? choices.calls.find((c) => c.id === scope.callId) : null;
  const label = call ? `${call.year} 年度 · ${call.title}` : scope.year ? `${scope.year} 年度` : "全部年度";
  const download = new URLSearchParams();
  if (scope.callId) download.set("call", scope.callId);
  else if (scope.year) download.set("year", String(scope.year));
  return { choices, scope, stats, label, download: `/projects/statistics.xlsx?${download}` };
}

function Figures({ t }: { t: StatsTotals }) {
  const pct = onTimePct(t);
  const items = [
    ["资助项目", `${t.projects} 个`, "stat-projects"],
    ["资助金额", formatFen(t.awardedFen), "stat-awarded"],
    ["已拨付", formatFen(t.paidFen), "stat-paid"],
    ["已退回", formatFen(t.returnedFen), "stat-returned"],
    ["计划受益 / 已服务", `${formatCount(t.peoplePlanned)} / ${formatCount(t.peopleServed)} 人次`, "stat-people"],
    ["报告按时提交", pct === null ? "—" : `${pct}%（${t.reportsOnTime}/${t.reportsDue}）`, "stat-on-time"],
  ];
  return (
    <section className="card grid gap-4 sm:grid-cols-3" aria-label="总体情况">
      {items.map(([label, value, testId]) => (
        <div key={testId}>
          <p className="text-sm text-gray-500">{label}</p>
          <p className="text-xl font-semibold tabular-nums text-gray-900" data-testid={testId}>
            {value}
          </p>
        </div>
      ))}
    </section>
  );
}

type Group = StatsTotals & { name: string };

function GroupSection({ id, title, groups }: { id: string; title: string; groups: Group[] }) {
  return (
    <SectionCard id={id} title={title}>
      {groups.length === 0 ? (
        <EmptyState>暂无数据。</EmptyState>
      ) : (
        <>
          <BarChart
            title={`${title}资助金额`}
            labelWidth={120}
            valueWidth={110}
            rows={groups.map((g) => ({
              key: g.name,
              label: g.name,
              value: g.awardedFen,
              valueLabel: formatFen(g.awardedFen),
            }))}
          />
          <DataTable
            className="mt-3"
            label={title}
            rows={groups}
            rowKey={(g) => g.name}
            columns={[
              { header: "名称", primary: true, cell: (g) => g.name },
              { header: "项目数", cell: (g) => g.projects },
              { header: "资助金额", className: "whitespace-nowrap", cell: (g) => formatFen(g.awardedFen) },
              { header: "已拨付", className: "whitespace-nowrap", cell: (g) => formatFen(g.paidFen) },
              { header: "已退回", className: "whitespace-nowrap", cell: (g) => formatFen(g.returnedFen) },
              { header: "计划受益 / 已服务", cell: (g) => `${g.peoplePlanned} / ${g.peopleServed}` },
            ]}
          />
        </>
      )}
    </SectionCard>
  );
}

export default function PublicFundingStatsPage() {
  const { choices, scope, stats, label, download } = useLoaderData<typeof loader>();
  const grades = gradeRows(stats.totals);
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
        formKey={`${scope.year ?? ""}|${scope.callId ?? ""}`}
        label="选择统计范围"
        submitLabel="查看"
        className="grid gap-3 sm:grid-cols-3"
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
      </FilterBar>
      <Figures t={stats.totals} />
      <SectionCard id="grades" title="终期评估等级分布">
        <BarChart title="终期评估等级分布" rows={grades} valueWidth={50} />
        <DataTable
          className="mt-3"
          label="终期评估等级分布"
          rows={grades}
          rowKey={(g) => g.key}
          rowProps={(g) => ({ "data-testid": `grade-count-${g.key}` })}
          columns={[
            { header: "等级", primary: true, cell: (g) => g.label },
            { header: "项目数", cell: (g) => g.value },
          ]}
        />
      </SectionCard>
      <GroupSection id="by-category" title="按服务领域" groups={stats.byCategory} />
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
