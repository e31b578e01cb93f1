import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireStaffProject } from "~/modules/funding/access.server";
import { ProjectOverview } from "~/modules/funding/overview-view";
import { loadProjectOverview } from "~/modules/funding/overview.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireStaffProject(request, params.projectId);
  return { project, overview: await loadProjectOverview(project.id) };
}

export default function StaffProjectOverview() {
  const { project, overview } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <ProjectOverview project={project} overview={overview} />
      <p className="flex flex-wrap gap-4 text-sm">
        <Link to={`/admin/grants/applications/${project.applicationId}`} className="link">
          查看申报书
        </Link>
        <Link to={`/admin/grants/${project.callId}`} className="link">
          返回活动：{project.call.title}
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
