import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterSelect } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { ProjectStatusBadge } from "~/modules/funding/project-hub";
import { PUBLIC_STAGE_OPTIONS } from "~/modules/funding/public/public-project";
import {
  listPublicProjects,
  parsePublicProjectQuery,
  publicProjectFilters,
} from "~/modules/funding/public/public-projects.server";
import { GradeBadge } from "~/modules/funding/public/public-views";
import { formatFen } from "~/utils/format";
import { PAGE_SIZE } from "~/utils/paging";

export const meta: MetaFunction = () => [
  { title: "公益创投资助项目 · 益苗" },
  {
    name: "description",
    content: "区公益创投立项资助的项目：承接机构、资助和拨付金额、执行进度、绩效指标和评估结果。",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parsePublicProjectQuery(new URL(request.url));
  const [result, filters] = await Promise.all([listPublicProjects(query), publicProjectFilters()]);
  return { query, ...result, filters, pageSize: PAGE_SIZE };
}

export default function PublicProjectsPage() {
  const { query, total, projects, filters, pageSize } = useLoaderData<typeof loader>();
  const formKey = `${query.callId ?? ""}|${query.year ?? ""}|${query.serviceArea ?? ""}|${query.stage ?? ""}`;
  return (
    <div>
      <PageHeader
        title="公益创投资助项目"
        description="立项名单确认后，每个资助项目的承接机构、资助和拨付金额、执行进度、绩效指标和评估结果在此公开。"
        actions={
          <div className="flex flex-wrap gap-2">
            <Link to="/projects/statistics" className="btn-secondary">
              统计
            </Link>
            <Link to="/open-data" className="btn-secondary">
              开放数据
            </Link>
          </div>
        }
      />
      <FilterBar
        formKey={formKey}
        label="筛选资助项目"
        resetTo="/projects"
        className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
      >
        <FilterSelect
          id="call"
          name="call"
          label="创投活动"
          allLabel="全部活动"
          options={filters.calls.map((c) => ({ value: c.id, label: `${c.year} 年度 · ${c.title}` }))}
          defaultValue={query.callId}
        />
        <FilterSelect
          id="year"
          name="year"
          label="年度"
          allLabel="全部年度"
          options={filters.years.map((y) => ({ value: String(y), label: `${y} 年度` }))}
          defaultValue={query.year ? String(query.year) : null}
        />
        <FilterSelect
          id="area"
          name="area"
          label="服务区域"
          allLabel="全部区域"
          options={filters.serviceAreas.map((a) => ({ value: a, label: a }))}
          defaultValue={query.serviceArea}
        />
        <FilterSelect
          id="stage"
          name="stage"
          label="项目阶段"
          allLabel="全部阶段"
          options={PUBLIC_STAGE_OPTIONS}
          defaultValue={query.stage}
        />
      </FilterBar>
      {projects.length === 0 ? (
        <EmptyState>没有符合条件的资助项目。</EmptyState>
      ) : (
        <DataTable
          label="资助项目"
          rows={projects}
          rowKey={(p) => p.id}
          rowProps={(p) => ({ "data-testid": `project-${p.projectNo}` })}
          columns={[
            {
              header: "项目",
              primary: true,
              cell: (p) => (
                <Link to={`/projects/${p.id}`} className="link font-medium">
                  {p.title}
                </Link>
              ),
            },
            { header: "承接机构", cell: (p) => p.organization.name },
            { header: "年度", className: "whitespace-nowrap", cell: (p) => `${p.call.year} 年度` },
            { header: "服务领域", cell: (p) => p.category ?? "—" },
            { header: "服务区域", cell: (p) => p.serviceArea ?? "—" },
            { header: "资助金额", className: "whitespace-nowrap text-right", cell: (p) => formatFen(p.awardedFen) },
            { header: "已拨付", className: "whitespace-nowrap text-right", cell: (p) => formatFen(p.paidFen) },
            { header: "阶段", cell: (p) => <ProjectStatusBadge status={p.status} /> },
            {
              header: "终期评估",
              cell: (p) => (p.finalGrade ? <GradeBadge grade={p.finalGrade} /> : "—"),
            },
          ]}
        />
      )}
      <Pagination page={query.page} pageSize={pageSize} total={total} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
