import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { WorkspaceShell } from "~/components/layout";
import { requireOrgMember } from "~/modules/auth/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organization } = await requireOrgMember(request);
  return { organizationName: organization.name, registered: organization.status === "REGISTERED" };
}

const ORG_NAV = [
  { to: "/org", label: "工作台", end: true },
  { to: "/org/profile", label: "机构资料" },
  { to: "/org/documents", label: "机构文件" },
  { to: "/org/registration", label: "登记申请" },
  { to: "/org/incubation", label: "孵化基地" },
  { to: "/org/inspection", label: "年检" },
  { to: "/org/grants", label: "公益创投" },
  { to: "/org/projects", label: "我的资助项目" },
  { to: "/org/rating", label: "等级评估" },
  { to: "/org/rating/review", label: "评估结果与复核" },
  { to: "/org/rating/certificates", label: "评估证书" },
  { to: "/org/directory", label: "推荐性目录" },
  { to: "/org/products", label: "公益产品" },
  { to: "/org/orders", label: "订单" },
  { to: "/notifications", label: "通知" },
];

/** Sections that only apply to a registered organization (its home explains them before registration). */
const REGISTERED_ONLY = new Set(["/org/inspection", "/org/products", "/org/orders"]);

export default function OrgLayout() {
  const { organizationName, registered } = useLoaderData<typeof loader>();
  const nav = registered ? ORG_NAV : ORG_NAV.filter((item) => !REGISTERED_ONLY.has(item.to));
  return (
    <WorkspaceShell title="社会组织工作台" subtitle={organizationName} nav={nav}>
      <Outlet />
    </WorkspaceShell>
  );
}

export function ErrorBoundary() {
  return (
    <WorkspaceShell title="社会组织工作台" nav={ORG_NAV}>
      <GeneralErrorBoundary />
    </WorkspaceShell>
  );
}
