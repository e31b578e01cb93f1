import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireMemberProject } from "~/modules/funding/access.server";
import { ProjectHeader } from "~/modules/funding/project-hub";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.project.projectNo} ${data.project.title}` : "立项项目"} · 益苗` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireMemberProject(request, params.projectId);
  return { project, now: new Date() };
}

export default function OrgProjectHub() {
  const { project, now } = useLoaderData<typeof loader>();
  return (
    <div>
      <ProjectHeader project={project} side="org" now={now} />
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
