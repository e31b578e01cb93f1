import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireMemberProject } from "~/modules/funding/access.server";
import { ProjectOverview } from "~/modules/funding/overview-view";
import { loadProjectOverview } from "~/modules/funding/overview.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireMemberProject(request, params.projectId);
  return { project, overview: await loadProjectOverview(project.id) };
}

export default function OrgProjectOverview() {
  const { project, overview } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <ProjectOverview project={project} overview={overview} />
      <p className="text-sm">
        <Link to={`/org/grants/${project.applicationId}`} className="link">
          查看申报书
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
