import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { WorkspaceShell } from "~/components/layout";
import { requireRole } from "~/modules/auth/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "REVIEWER");
  return { name: user.name };
}

const REVIEWER_NAV = [
  { to: "/reviewer", label: "评审工作台", end: true },
  { to: "/reviewer/reviews", label: "评审任务" },
  { to: "/notifications", label: "通知" },
];

export default function ReviewerLayout() {
  const { name } = useLoaderData<typeof loader>();
  return (
    <WorkspaceShell title="评审专家工作台" subtitle={name} nav={REVIEWER_NAV}>
      <Outlet />
    </WorkspaceShell>
  );
}

export function ErrorBoundary() {
  return (
    <WorkspaceShell title="评审专家工作台" nav={REVIEWER_NAV}>
      <GeneralErrorBoundary />
    </WorkspaceShell>
  );
}
