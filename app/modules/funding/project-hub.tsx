// The header and tab bar of a funded project's hub, shared by the staff and the
// organization side (layout routes admin.projects.$projectId / org.projects.$projectId).
import { NavLink } from "@remix-run/react";
import { Badge, StatusBadge, type BadgeTone } from "~/components/status-badge";
import { formatDate, formatFen } from "~/utils/format";
import { projectHubPath, projectTabsFor } from "./project-tabs";
import { grantProjectWorkflow, type GrantProjectState } from "./project-workflow";
import { signingOverdue } from "./signing";

const PROJECT_TONES: Partial<Record<GrantProjectState, BadgeTone>> = {
  AWAITING_SIGNATURE: "warning",
  IN_DELIVERY: "success",
  RECTIFYING: "warning",
  SUSPENDED: "danger",
  TERMINATED: "solid-danger",
  WITHDRAWN: "neutral",
  CLOSED: "brand",
};

export function ProjectStatusBadge({ status }: { status: string }) {
  return <StatusBadge workflow={grantProjectWorkflow} state={status} tones={PROJECT_TONES} testId="project-status" />;
}

export type ProjectHeaderData = {
  id: string;
  projectNo: string;
  title: string;
  status: string;
  awardFen: number;
  startsOn: Date | string;
  endsOn: Date | string;
  signingDueAt: Date | string;
  organization: { name: string };
  call: { title: string };
};

/** Project no., title, organization, status, award and period, then the tabs. */
export function ProjectHeader({
  project,
  side,
  now,
}: {
  project: ProjectHeaderData;
  side: "staff" | "org";
  now: Date | string;
}) {
  const overdue = signingOverdue(project, new Date(now));
  return (
    <header className="mb-4 space-y-3 print:hidden">
      <div>
        <p className="text-sm text-gray-500">
          <span data-testid="project-no">{project.projectNo}</span> · {project.call.title}
        </p>
        <h1 className="text-xl font-semibold text-gray-900">{project.title}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-gray-700">
          <span>{project.organization.name}</span>
          <ProjectStatusBadge status={project.status} />
          {overdue ? (
            <Badge tone="solid-danger" testId="signing-overdue">
              签约已逾期
            </Badge>
          ) : null}
          <span>
            资助金额 <strong>{formatFen(project.awardFen)}</strong>
          </span>
          <span>
            执行期 {formatDate(project.startsOn)} 至 {formatDate(project.endsOn)}
          </span>
        </p>
      </div>
      <nav aria-label="项目栏目" className="flex gap-1 overflow-x-auto border-b border-gray-200">
        {projectTabsFor(side).map((tab) => (
          <NavLink
            key={tab.key}
            to={projectHubPath(side, project.id, tab.path)}
            end={tab.path === ""}
            prefetch="intent"
            className={({ isActive }) =>
              `tap -mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm ${isActive ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-gray-600 hover:text-gray-900"}`
            }
          >
            {tab.label}
          </NavLink>
        ))}
      </nav>
    </header>
  );
}
