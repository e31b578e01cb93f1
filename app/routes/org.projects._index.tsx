import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { EmptyState } from "~/components/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/layout";
import { Badge } from "~/components/status-badge";
import { requireOrgMember } from "~/modules/auth/permissions.server";
import { listOrgProjects } from "~/modules/funding/org-projects.server";
import { ProjectStatusBadge } from "~/modules/funding/project-hub";
import { projectHubPath, projectTabsFor } from "~/modules/funding/project-tabs";
import { formatDate, formatFen } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "资助项目 · 益苗" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  return { projects: await listOrgProjects(organization.id, new Date()) };
}

export default function OrgProjectsPage() {
  const { projects } = useLoaderData<typeof loader>();
  const tabs = projectTabsFor("org");
  const tabPath = (id: string, tab: string) => projectHubPath("org", id, tabs.find((t) => t.key === tab)?.path ?? "");
  return (
    <div className="space-y-4">
      <PageHeader
        title="资助项目"
        description="本机构获得公益创投资助的项目：所处阶段、下一步要做的事和截止日期，逾期事项标红。"
      />
      {projects.length === 0 ? (
        <EmptyState>
          本机构还没有获得资助的项目。公益创投活动公示确认后，获资助的项目会出现在这里。
          <Link to="/org/grants" className="link ml-1">
            查看公益创投
          </Link>
        </EmptyState>
      ) : (
        <section className="card" aria-label="资助项目列表">
          <DataTable
            label="资助项目"
            rows={projects}
            rowKey={(p) => p.id}
            rowProps={(p) => ({ "data-project": p.projectNo })}
            columns={[
              {
                header: "项目",
                primary: true,
                cell: (p) => (
                  <Link to={projectHubPath("org", p.id)} className="link">
                    {p.projectNo} {p.title}
                  </Link>
                ),
              },
              { header: "公益创投活动", cell: (p) => p.call.title },
              { header: "阶段", cell: (p) => <ProjectStatusBadge status={p.status} /> },
              { header: "资助金额", className: "whitespace-nowrap", cell: (p) => formatFen(p.awardFen) },
              {
                header: "执行期",
                className: "whitespace-nowrap",
                cell: (p) => `${formatDate(p.startsOn)} 至 ${formatDate(p.endsOn)}`,
              },
              {
                header: "下一步",
                cell: (p) =>
                  p.next ? (
                    <span data-testid="project-next">
                      <Link to={tabPath(p.id, p.next.tab)} className="link">
                        {p.next.label}
                      </Link>
                      {p.next.dueAt ? <span className="text-gray-600">（{formatDate(p.next.dueAt)} 前）</span> : null}
                    </span>
                  ) : p.waitingFor ? (
                    <span className="text-gray-600" data-testid="project-next">
                      等待区民政局：{p.waitingFor.label}
                    </span>
                  ) : (
                    "—"
                  ),
              },
              {
                header: "逾期",
                cell: (p) =>
                  p.overdue.length > 0 ? (
                    <span className="flex flex-wrap gap-1">
                      {p.overdue.map((label) => (
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
        </section>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
