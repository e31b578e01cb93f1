import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { WorkspaceShell } from "~/components/layout";
import { requireRole } from "~/modules/auth/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  return { name: user.name };
}

const ADMIN_NAV = [
  { to: "/admin", label: "管理概览", end: true },
  { to: "/admin/users", label: "账号管理" },
  { to: "/admin/organizations", label: "社会组织" },
  { to: "/admin/registrations", label: "登记审查" },
  { to: "/admin/incubation", label: "孵化基地" },
  { to: "/admin/inspection", label: "年检" },
  { to: "/admin/grants", label: "公益创投" },
  { to: "/admin/directory", label: "推荐性目录" },
  { to: "/admin/projects/reports", label: "项目进度报告" },
  { to: "/admin/projects/visits", label: "项目督导" },
  { to: "/admin/rating", label: "等级评估" },
  { to: "/admin/rating/grades", label: "等级变更与证书" },
  { to: "/admin/indicators", label: "评估指标体系" },
  { to: "/admin/products", label: "产品审核" },
  { to: "/admin/orders", label: "订单管理" },
  // One entry for every area's statistics and exports (the sales report among them).
  { to: "/admin/stats", label: "统计" },
  { to: "/admin/rules", label: "规则参数" },
  { to: "/admin/audit", label: "审计日志" },
  { to: "/admin/outbox", label: "邮件发件箱" },
  { to: "/notifications", label: "通知" },
];

export default function AdminLayout() {
  const { name } = useLoaderData<typeof loader>();
  return (
    <WorkspaceShell title="民政局管理后台" subtitle={name} nav={ADMIN_NAV}>
      <Outlet />
    </WorkspaceShell>
  );
}

export function ErrorBoundary() {
  return (
    <WorkspaceShell title="民政局管理后台" nav={ADMIN_NAV}>
      <GeneralErrorBoundary />
    </WorkspaceShell>
  );
}
