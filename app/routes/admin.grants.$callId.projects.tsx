import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterBar, FilterSelect, optionsFrom } from "~/components/filter-bar";
import { PageHeader } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { Badge } from "~/components/status-badge";
import { requireRole } from "~/modules/auth/permissions.server";
import { listCallProjects, parseCallProjectFilter } from "~/modules/funding/call-projects.server";
import { ProjectStatusBadge } from "~/modules/funding/project-hub";
import { projectHubPath, projectTabsFor } from "~/modules/funding/project-tabs";
import { GRANT_PROJECT_STATES, grantProjectWorkflow } from "~/modules/funding/project-workflow";
import { formatDate, formatFen } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `立项项目 · ${data?.call.title ?? "公益创投"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const filter = parseCallProjectFilter(new URL(request.url));
  const list = await listCallProjects(params.callId ?? "", filter, new Date());
  invariantResponse(list, "未找到该公益创投活动", { status: 404 });
  return { ...list, filter };
}

export default function CallProjectsPage() {
  const { call, rows, total, filter } = useLoaderData<typeof loader>();
  const loading = useNavigation().state === "loading";
  // The tab the item is done on, or the overview while that tab has not landed.
  const tabs = projectTabsFor("staff");
  const tabPath = (id: string, tab: string) => projectHubPath("staff", id, tabs.find((t) => t.key === tab)?.path ?? "");
  return (
    <div className="space-y-4">
      <PageHeader
        title="立项项目"
        description={`${call.title}：每个立项项目的阶段、已拨付金额、下一步事项和逾期情况。`}
        actions={
          <Link to={`/admin/grants/${call.id}`} className="btn-secondary">
            返回活动
          </Link>
        }
      />
      <FilterBar label="筛选立项项目" resetTo={`/admin/grants/${call.id}/projects`} pending={loading}>
        <FilterSelect
          id="status"
          name="status"
          label="项目状态"
          allLabel="全部状态"
          options={optionsFrom(GRANT_PROJECT_STATES, grantProjectWorkflow.stateLabels)}
          defaultValue={filter.status ?? ""}
        />
        <FilterSelect
          id="due"
          name="due"
          label="待办"
          allLabel="全部"
          options={[{ value: "tranche", label: "有待拨付款项" }]}
          defaultValue={filter.payable ? "tranche" : ""}
        />
      </FilterBar>
      {rows.length === 0 ? (
        <EmptyState>没有符合条件的立项项目。</EmptyState>
      ) : (
        <section className="card" aria-label="立项项目列表">
          <DataTable
            label="立项项目"
            layout="scroll"
            rows={rows}
            rowKey={(r) => r.id}
            rowProps={(r) => ({ "data-project": r.projectNo })}
            columns={[
              {
                header: "项目",
                primary: true,
                cell: (r) => (
                  <Link to={projectHubPath("staff", r.id)} className="link">
                    {r.projectNo} {r.title}
                  </Link>
                ),
              },
              { header: "承接机构", cell: (r) => r.organization.name },
              { header: "阶段", cell: (r) => <ProjectStatusBadge status={r.status} /> },
              {
                header: "资助 / 已拨付",
                className: "whitespace-nowrap",
                cell: (r) => `${formatFen(r.awardFen)} / ${formatFen(r.paidFen)}`,
              },
              {
                header: "下一步",
                cell: (r) =>
                  r.next ? (
                    <span>
                      <Link to={tabPath(r.id, r.next.tab)} className="link">
                        {r.next.label}
                      </Link>
                      {r.next.dueAt ? <span className="text-gray-600">（{formatDate(r.next.dueAt)} 前）</span> : null}
                    </span>
                  ) : (
                    "—"
                  ),
              },
              {
                header: "逾期",
                cell: (r) =>
                  r.overdue.length > 0 ? (
                    <span className="flex flex-wrap gap-1">
                      {r.overdue.map((label) => (
                        <Badge key={label} tone="solid-danger" testId="project-overdue">
                          逾期：{label}
                        </Badge>
                      ))}
                    </span>
                  ) : (
                    "—"
                  ),
              },
            ]}
          />
          <Pagination page={filter.page} total={total} />
        </section>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
